//! Escaping, property-tested end to end: random Unicode text (quotes,
//! backslashes, comment and template delimiters, trigraphs, control
//! characters, bidirectional overrides, emoji, 10 kB runs) is written into
//! every description and every mapping note of a scratch copy of data/,
//! generated, and read back from compiled C and C++ programs, the imported
//! Python package, a built Rust program, the npm package in Node and the
//! Markdown pages. Every byte must
//! come back unchanged.
//!
//! Each batch rewrites all texts at once, so one generation checks hundreds
//! of strings. `NETCODES_PROPTEST_SEED` replays a run; the seed is printed.

use std::fs;
use std::path::Path;

use codegen::model::Model;
use conformance::readback::{self, Row};
use conformance::{copy_dir, model, repo_root, require_tool, rewrite_csv, scratch_dir};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Batches per run; each rewrites every description and note in data/.
const BATCHES: usize = 3;

/// Pieces that have broken, or could break, one of the outputs.
const NASTY: &[&str] = &[
    "\"", "\\", "\\\\", "'", "*/", "/*", "//", "\"\"\"", "'''", "{{ x }}", "{% if x %}", "{#", "|", "||", "<script>",
    "</script>", "<b>", "&amp;", "&#0;", "&#x41;", "??/", "??=", "??'", "?", "\n", "\r", "\r\n", "\t", "\u{1}",
    "\u{7f}", "\u{85}", "\u{1b}[31m", "\u{202e}", "\u{2066}", "\u{200f}", "\u{2028}", "\u{2029}", "\u{feff}", "😀",
    "👩\u{200d}👩\u{200d}👧", "e\u{301}", "日本語", "עברית", "`", "``", "_", "*", "#", "- ", "1. ", "> ", "[a](b)",
    "![x](y)", "<https://example.com>", "$x", "${x}", "%s", "%n", "{}", "{0}", "%", "\\n", "\\0", "\\x41", "\\u{41}",
    "#include", "#define X", "r#\"", "\"#", "--", "...", " ", "  ", "\u{a0}", "\u{3000}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(NASTY).prop_map(str::to_owned),
        3 => "[ -~]{1,12}",
        2 => any::<char>().prop_filter("NUL is rejected by validation", |c| *c != '\0').prop_map(String::from),
        1 => (1u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        60 => proptest::collection::vec(fragment(), 1..24),
        1 => proptest::collection::vec(fragment(), 3000..4000),
    ]
    .prop_map(|parts| {
        let mut text = parts.concat();
        // Validation rejects blank texts; keep the string otherwise intact.
        if text.trim().is_empty() {
            text.push('x');
        }
        text
    })
}

/// Rewrites `column` of every row of a CSV table with texts from `next`.
fn rewrite_column(path: &Path, column: &str, next: &mut dyn FnMut() -> String) -> usize {
    let mut count = 0;
    rewrite_csv(path, |name, field| {
        if name == column {
            count += 1;
            next()
        } else {
            field.to_owned()
        }
    });
    assert!(count > 0, "{} has no {column} to rewrite", path.display());
    count
}

fn compare(output: &str, got: &[Row], expected: &[Row], seed: u64) {
    let differences = readback::differences(got, expected);
    assert!(
        differences.is_empty(),
        "{output} changed text (seed {seed}, replay with NETCODES_PROPTEST_SEED={seed}):\n{}",
        differences.join("\n")
    );
}

/// Descriptions and notes as pulldown-cmark renders the docs pages.
fn check_markdown(root: &Path, model: &Model, seed: u64) -> usize {
    let pages = root.join("generated/docs/src");
    let mut checked = readback::check_docs_descriptions(root, model)
        .unwrap_or_else(|problem| panic!("Markdown changed a description (seed {seed}): {problem}"));
    for mapping in &model.mappings {
        let page = fs::read_to_string(pages.join(&mapping.page)).expect("mapping page");
        // The page orders rows its own way (Chromium from 0 down); compare as sets.
        let mut notes = readback::markdown_table_column(&page, 3);
        let mut expected: Vec<String> = mapping.rules.iter().map(|r| r.note.clone()).collect();
        notes.sort();
        expected.sort();
        assert!(notes == expected, "Markdown changed a note of {} (seed {seed})", mapping.id);
        checked += notes.len();
    }
    checked
}

#[test]
fn random_text_survives_every_output() {
    require_tool("gcc", "apt-get install gcc");
    require_tool("g++", "apt-get install g++");
    require_tool("python3", "apt-get install python3");
    require_tool("node", "apt-get install nodejs");
    let seed: u64 = std::env::var("NETCODES_PROPTEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs()
    });
    println!("seed {seed} (replay with NETCODES_PROPTEST_SEED={seed})");
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let strategy = text();

    let root = scratch_dir("escaping-roundtrip");
    let mut totals = [0usize; 6];
    let mut longest = 0;
    for batch in 0..BATCHES {
        let _ = fs::remove_dir_all(root.join("data"));
        let _ = fs::remove_dir_all(root.join("generated"));
        copy_dir(&repo_root().join("data"), &root.join("data"));
        let mut next = || {
            let text = strategy.new_tree(&mut runner).expect("generate a string").current();
            longest = longest.max(text.len());
            text
        };
        let mut strings = 0;
        for system in &model().systems {
            strings += rewrite_column(&root.join("data").join(&system.id).join("codes.csv"), "description", &mut next);
        }
        for entry in fs::read_dir(root.join("data/map")).expect("map dir") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "csv") {
                strings += rewrite_column(&path, "note", &mut next);
            }
        }

        let model = codegen::load(&root.join("data")).unwrap_or_else(|problems| {
            panic!("random text was rejected (seed {seed}): {}", problems[0])
        });
        for file in codegen::generate(&model) {
            let path = root.join(&file.path);
            fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            fs::write(path, file.contents).expect("write output");
        }

        let expected = readback::expected(&model);
        // What the lookups return: every code's description and every rule's note.
        let compared = expected.iter().filter(|row| row.description.is_some()).count();
        let work = root.join(format!("work-{batch}"));
        fs::create_dir_all(&work).expect("work dir");
        compare("C header", &readback::from_c(&root, &model, &work), &expected, seed);
        compare("C++ header", &readback::from_cpp(&root, &model, &work), &expected, seed);
        compare("Python package", &readback::from_python(&root, &model, &work), &expected, seed);
        compare("Rust crate", &readback::from_rust(&root, &model, &work.join("rust")), &expected, seed);
        compare("npm package", &readback::from_typescript(&root, &model, &work), &expected, seed);
        let markdown = check_markdown(&root, &model, seed);
        assert!(strings >= compared, "every compared text was written");
        for (total, checked) in totals.iter_mut().zip([compared, compared, compared, compared, compared, markdown]) {
            *total += checked;
        }
    }
    println!(
        "checked {} random strings through C, {} through C++, {} through Python, {} through Rust, {} through JavaScript, {} through Markdown (longest {longest} bytes)",
        totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]
    );
    assert!(totals.iter().all(|&t| t >= 2000), "fewer than 2,000 strings per output: {totals:?}");
    assert!(longest >= 10_000, "no 10 kB string was generated (longest {longest} bytes)");
}
