//! No row is ever dropped without a word: a random row appended to any table
//! of a scratch copy of `data/` either makes the load fail with a diagnostic
//! naming that file and line, or reaches every output (its name and, where it
//! has one, its marker text appear in the Rust crate, the C header, the
//! Python package and the docs).
//!
//! Rows are built column by column from what the table already holds,
//! integers from the whole range, empty fields, unknown terms and fresh
//! names; half of them start as a copy of an existing row with a new name and
//! number, so that enough are valid. `NETCODES_PROPTEST_SEED` replays a run (the seed is
//! printed); `NETCODES_ROW_CASES` changes the number of cases (500: about 5% of rows
//! are accepted, and each accepted one renders every output).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_dir, repo_root};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};



fn csv_files(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).expect("read dir").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            csv_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "csv") {
            out.push(path.strip_prefix(root).expect("under data/").to_string_lossy().into_owned());
        }
    }
}

/// One table: its header, per column the value of every row, and the rows.
struct Table {
    file: String,
    header: Vec<String>,
    existing: Vec<Vec<String>>,
    rows: Vec<Vec<String>>,
    /// Lines in the file before a row is appended.
    lines: usize,
    text: String,
}

fn read_table(data: &Path, file: &str) -> Table {
    let text = fs::read_to_string(data.join(file)).expect("read table");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    let mut existing = vec![Vec::new(); header.len()];
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.expect("record");
        rows.push(record.iter().map(str::to_owned).collect());
        for (i, field) in record.iter().enumerate() {
            // Every row's value, repeats kept: a new row takes a column's
            // common values as often as real rows do (most release columns
            // of symbols.csv are empty), so enough appended rows are valid.
            existing[i].push(field.to_owned());
        }
    }
    let lines = text.lines().count();
    Table { file: file.to_owned(), header, existing, rows, lines, text }
}

/// How one field of the new row is chosen.
#[derive(Debug, Clone)]
enum Field {
    /// A value the column already holds (index into its distinct values).
    Existing(usize),
    /// An existing integer value moved by a small amount.
    Nudged(usize, i64),
    Integer(i64),
    Empty,
    /// A term no table uses.
    Unknown,
    /// A fresh name or text, in one of three spellings.
    Fresh(u8),
    Nul,
}

fn field() -> impl Strategy<Value = Field> {
    let extremes = prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(i64::from(i32::MIN)),
        Just(i64::from(i32::MAX)),
        Just(i64::from(i32::MAX) + 1),
        Just(i64::from(u16::MAX)),
        Just(65_536),
        Just(-1),
        Just(0),
        Just(99),
        Just(600),
        Just(999),
        Just(1000),
        any::<i64>(),
        -2000i64..2000,
    ];
    prop_oneof![
        8 => any::<usize>().prop_map(Field::Existing),
        3 => (any::<usize>(), -3i64..=3).prop_map(|(i, d)| Field::Nudged(i, d)),
        2 => extremes.prop_map(Field::Integer),
        1 => Just(Field::Empty),
        1 => Just(Field::Unknown),
        4 => (0u8..3).prop_map(Field::Fresh),
        1 => Just(Field::Nul),
    ]
}

/// Columns whose value names the row in the outputs.
const NAME_COLUMNS: &[&str] = &["name", "reason", "text", "symbol"];
/// Free-text columns: a fresh marker there must reach every output too.
const MARKED_COLUMNS: &[&str] = &["description", "note"];

/// The field's text, and the marker it carries if it is fresh.
fn render(table: &Table, column: usize, field: &Field, case: usize) -> (String, Option<String>) {
    let existing = &table.existing[column];
    match field {
        Field::Existing(i) if !existing.is_empty() => (existing[i % existing.len()].clone(), None),
        Field::Nudged(i, delta) if !existing.is_empty() => {
            let base = &existing[i % existing.len()];
            match base.parse::<i64>() {
                Ok(n) => (n.saturating_add(*delta).to_string(), None),
                Err(_) => (base.clone(), None),
            }
        }
        Field::Existing(_) | Field::Nudged(..) | Field::Empty => (String::new(), None),
        Field::Integer(n) => (n.to_string(), None),
        Field::Unknown => ("zz_unknown_term".to_owned(), None),
        Field::Fresh(style) => {
            let marker = format!("ptrow{case}x");
            let text = match style {
                0 => marker.to_ascii_uppercase(),
                1 => format!("Ptrow{case}x"),
                _ => format!("Marker {marker} text"),
            };
            (text, Some(marker))
        }
        Field::Nul => ("bad\0field".to_owned(), None),
    }
}

/// Markdown output writes some characters as numeric entities (`&#50;` for a
/// leading digit); the reader sees the character.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        match after[digits.len()..].starts_with(';').then(|| digits.parse::<u32>().ok().and_then(char::from_u32)) {
            Some(Some(c)) => {
                out.push(c);
                rest = &after[digits.len() + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

#[test]
fn every_appended_row_reaches_every_output_or_is_reported() {
    let data = repo_root().join("data");
    let scratch = std::env::temp_dir().join(format!("netcodes-every-row-{}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    copy_dir(&data, &scratch);
    let mut files = Vec::new();
    csv_files(&scratch, &scratch, &mut files);
    let tables: Vec<Table> = files.iter().map(|f| read_table(&scratch, f)).collect();

    let seed: u64 = std::env::var("NETCODES_PROPTEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64);
    let cases: usize = std::env::var("NETCODES_ROW_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(500);
    println!("every_row_counts: seed {seed} (NETCODES_PROPTEST_SEED={seed} replays), {cases} cases");
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    // Half the rows start as a copy of an existing row with a few fields
    // replaced (a fresh name and number are often all a valid row needs);
    // the rest are built field by field.
    let strategy = (any::<usize>(), proptest::collection::vec(field(), 16), proptest::option::of((any::<usize>(), any::<u16>(), any::<u16>())));

    let (mut accepted, mut rejected) = (0, 0);
    let wanted = cases / 50;
    for case in 1..=cases {
        let (table_pick, fields, copied) = strategy.new_tree(&mut runner).expect("strategy").current();
        let table = &tables[table_pick % tables.len()];
        // A copied row gets a new name and number and keeps each other
        // field with odds 3 in 4 (its bit set in either of two random masks).
        let copy = copied.filter(|_| !table.rows.is_empty()).map(|(row, a, b)| (&table.rows[row % table.rows.len()], a | b));
        let mut cells = Vec::new();
        let mut names = Vec::new();
        let mut markers = Vec::new();
        for (column, name) in table.header.iter().enumerate() {
            let (text, marker) = match copy {
                Some((row, kept))
                    if kept & (1 << (column % 16)) != 0 && !NAME_COLUMNS.contains(&name.as_str()) && name != "value" =>
                {
                    (row[column].clone(), None)
                }
                _ => render(table, column, &fields[column % fields.len()], case),
            };
            if NAME_COLUMNS.contains(&name.as_str()) && !text.trim().is_empty() {
                names.push(text.clone());
            }
            if let Some(marker) = marker.filter(|_| MARKED_COLUMNS.contains(&name.as_str())) {
                markers.push(marker);
            }
            cells.push(csv_field(&text));
        }
        let row = cells.join(",");
        let line = table.lines + 1;
        fs::write(scratch.join(&table.file), format!("{}{row}\n", table.text)).expect("append row");
        let outcome = codegen::load(&scratch);
        fs::write(scratch.join(&table.file), &table.text).expect("restore table");
        let location = format!("data/{}:{line}:", table.file);
        match outcome {
            Err(problems) => {
                rejected += 1;
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                assert!(
                    lines.iter().any(|p| p.starts_with(&location)),
                    "case {case} (seed {seed}): the row\n  {row}\nappended to data/{} was rejected, but no problem names \
                     {location}\n{}",
                    table.file,
                    lines.join("\n")
                );
            }
            Ok(model) => {
                accepted += 1;
                let files = codegen::generate(&model);
                for output in ["generated/rust/", "generated/c/", "generated/python/", "generated/docs/"] {
                    let text: String = files
                        .iter()
                        .filter(|f| f.path.starts_with(output))
                        .map(|f| decode_entities(&f.contents).to_ascii_lowercase())
                        .collect();
                    for needle in names.iter().chain(&markers) {
                        let folded = needle.to_ascii_lowercase();
                        // A name may reach an output escaped for it (Markdown
                        // backslashes) or in another case (C reason phrases);
                        // its letters and digits must all be there.
                        let bare: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
                        let plain: String = text.chars().filter(char::is_ascii_alphanumeric).collect();
                        assert!(
                            text.contains(&folded) || plain.contains(&bare),
                            "case {case} (seed {seed}): the row\n  {row}\nappended to data/{} was accepted, but \
                             {needle:?} is missing from {output}",
                            table.file
                        );
                    }
                }
            }
        }
    }
    let _ = fs::remove_dir_all(&scratch);
    println!("every_row_counts: {cases} cases: {accepted} rows accepted and found in every output, {rejected} rejected at their line");
    assert!(accepted >= wanted, "too few valid rows ({accepted} in {cases} cases) to test that accepted rows reach every output");
}

/// The example of the issue that made this file: a vendor code above 599
/// (LinkedIn sends 999) is carried into every output.
#[test]
fn a_vendor_status_above_599_reaches_every_output() {
    let scratch = std::env::temp_dir().join(format!("netcodes-vendor-999-{}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    copy_dir(&repo_root().join("data"), &scratch);
    let table = scratch.join("http/codes.csv");
    let mut text = fs::read_to_string(&table).expect("read status.csv");
    text.push_str("999,nginx,PTVENDOR_DENIED,Ptvendor Denied,unofficial,policy,never,false,ref,Ptvendor marker.\n");
    fs::write(&table, text).expect("write status.csv");
    let model = codegen::load(&scratch).unwrap_or_else(|problems| panic!("{problems:?}"));
    let files = codegen::generate(&model);
    for output in ["generated/rust/", "generated/c/", "generated/python/", "generated/docs/"] {
        let found = files.iter().filter(|f| f.path.starts_with(output)).any(|f| {
            f.contents.contains("NGINX_PTVENDOR_DENIED") && f.contents.contains("999") || f.contents.contains("Ptvendor Denied")
        });
        assert!(found, "the 999 row is missing from {output}");
    }
    let _ = fs::remove_dir_all(&scratch);
}
