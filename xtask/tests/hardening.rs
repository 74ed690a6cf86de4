//! What `cargo xtask generate` promises beyond correct output: an interrupted
//! write never leaves a truncated file, and the output is the same bytes
//! whatever the locale, the working directory or the order of rows.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{scratch_repo, snapshot, text, xtask};

fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir).into_iter().map(|(path, (bytes, _))| (path, bytes)).collect()
}

/// A scratch repository whose generated/ is what the generator makes of its
/// data/ right now (the checked-in copy may be mid-change).
fn fresh_repo(name: &str) -> support::ScratchRepo {
    let root = scratch_repo(name);
    let output = xtask(&root, &["generate"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    root
}

/// Fails with the first differing file, not a dump of every byte.
fn assert_same_tree(got: &BTreeMap<PathBuf, Vec<u8>>, expected: &BTreeMap<PathBuf, Vec<u8>>, what: &str) {
    let got_paths: Vec<_> = got.keys().collect();
    let expected_paths: Vec<_> = expected.keys().collect();
    assert_eq!(got_paths, expected_paths, "{what}: different files");
    if let Some((path, _)) = got.iter().find(|(path, bytes)| expected.get(*path) != Some(*bytes)) {
        panic!("{what}: {} differs", path.display());
    }
}

/// Kills the write after `k` files, for several `k`, and checks that every
/// file is then either entirely old or entirely new; a normal run afterwards
/// finishes the job and leaves no temporary file behind.
#[test]
fn an_interrupted_write_leaves_every_file_old_or_new() {
    let root = fresh_repo("crash");
    let baseline = contents(&root.join("generated"));
    let version = root.join("data/netcodes.toml");
    let toml = fs::read_to_string(&version).expect("read netcodes.toml");
    // A new version and a renamed category touch most outputs, so there is
    // much to interrupt.
    fs::write(&version, toml.replacen("version = \"0.1.0\"", "version = \"9.8.7\"", 1)).expect("bump version");
    let vocabulary = root.join("data/vocabulary.toml");
    let terms = fs::read_to_string(&vocabulary).expect("read vocabulary");
    fs::write(&vocabulary, terms.replacen("title = \"DNS\"", "title = \"Domain names\"", 1)).expect("rename");
    let model = codegen::load(&root.join("data")).expect("data validates");
    let new: BTreeMap<PathBuf, Vec<u8>> = codegen::generate(&model)
        .into_iter()
        .map(|f| (PathBuf::from(f.path.strip_prefix("generated/").expect("under generated/")), f.contents.into_bytes()))
        .collect();
    let old = baseline.clone();
    let changing = new.iter().filter(|(path, bytes)| old.get(*path) != Some(*bytes)).count();
    assert!(changing >= 8, "the version bump and rename should change many files, changed {changing}");

    // Spread over the run: first file, a few in the middle, the last one.
    let points = [0, 1, changing / 3, changing / 2, changing - 1];
    for &after in &points {
        write_tree(&root.join("generated"), &baseline);
        let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["generate"])
            .env("NETCODES_ROOT", &*root)
            .env("NETCODES_FAIL_WRITE_AFTER", after.to_string())
            .output()
            .expect("run xtask");
        assert!(!output.status.success(), "the injected failure must fail the run");
        assert!(text(&output.stderr).contains("injected failure"), "{}", text(&output.stderr));

        let mut leftovers = 0;
        for (path, bytes) in contents(&root.join("generated")) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                leftovers += 1; // what a killed process leaves: never a real output
                continue;
            }
            let is_old = old.get(&path) == Some(&bytes);
            let is_new = new.get(&path) == Some(&bytes);
            assert!(is_old || is_new, "after failing at file {after}, {} is neither old nor new", path.display());
        }
        assert_eq!(leftovers, 1, "the interrupted file's temporary copy");

        let output = xtask(&root, &["generate"]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert_same_tree(&contents(&root.join("generated")), &new, "a second run finishes the job and removes the leftover");
    }
    println!("interrupted the write at {} points of {changing} changed files", points.len());
}

/// The same bytes under another locale, time zone and working directory.
#[test]
fn output_does_not_depend_on_locale_or_working_directory() {
    let expected = contents(&fresh_repo("locale-baseline").join("generated"));
    for (name, locale, cwd) in [("locale-c", "C", "/"), ("locale-tr", "tr_TR.UTF-8", "/tmp"), ("locale-de", "de_DE.UTF-8", "/usr")] {
        let root = scratch_repo(name);
        fs::remove_dir_all(root.join("generated")).expect("clear generated/");
        let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["generate"])
            .current_dir(cwd)
            .env("NETCODES_ROOT", &*root)
            .env("LC_ALL", locale)
            .env("LANG", locale)
            .env("TZ", "Pacific/Kiritimati")
            .output()
            .expect("run xtask");
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert_same_tree(&contents(&root.join("generated")), &expected, &format!("LC_ALL={locale} from {cwd}"));
    }
}

/// Shuffling the rows of every table changes nothing: every table is
/// ordered by value, never by where a row happens to sit.
#[test]
fn output_does_not_depend_on_row_order() {
    let root = fresh_repo("shuffled");
    let mut shuffled = 0;
    let mut state: u64 = 0x5eed;
    for table in csv_files(&root.join("data")) {
        let text = fs::read_to_string(&table).expect("read table");
        let mut records = records(&text);
        let header = records.remove(0);
        // A small linear congruential generator: a fixed, repeatable shuffle.
        for i in (1..records.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let j = (state >> 33) as usize % (i + 1);
            records.swap(i, j);
        }
        fs::write(&table, std::iter::once(header).chain(records).collect::<String>()).expect("write table");
        shuffled += 1;
    }
    assert!(shuffled >= 10, "expected every CSV table, shuffled {shuffled}");
    let output = xtask(&root, &["generate", "--check"]);
    assert!(output.status.success(), "shuffled rows changed the output:\n{}", text(&output.stderr));
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(csv_files(&path));
        } else if path.extension().is_some_and(|e| e == "csv") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Splits CSV text into records (with their newline), keeping quoted line
/// breaks inside their record.
fn records(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        current.push(c);
        if c == '"' {
            quoted = !quoted;
        } else if c == '\n' && !quoted {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Makes `dir` hold exactly `files`.
fn write_tree(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) {
    fs::remove_dir_all(dir).expect("clear tree");
    for (path, bytes) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    }
}
