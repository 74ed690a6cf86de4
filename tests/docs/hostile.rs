//! A copy of data/ whose every text field the docs print holds Markdown,
//! HTML and mdBook syntax: descriptions, notes, references, versions a code
//! appeared in, symbols, former names, free-text names (HTTP reason
//! phrases), titles, labels, upstream names of tables, sources and versions.

use std::collections::BTreeMap;
use std::path::Path;

use codegen::model::Model;
use conformance::{copy_dir, files_under, repo_root, rewrite_csv};

use super::escaping::NASTY;

/// CSV columns rewritten, in every table that has them.
const CSV_COLUMNS: [&str; 4] = ["description", "note", "reference", "since"];
/// TOML keys rewritten wherever they hold text.
const TOML_KEYS: [&str; 7] = ["title", "upstream", "source", "version", "versions", "description", "label"];

/// The strings data/ accepts where text is required: not blank, and in CSV
/// no control character but tab and line feed (TOML may hold any but NUL).
fn pool(csv: bool) -> Vec<&'static str> {
    NASTY
        .iter()
        .copied()
        .filter(|s| !s.trim().is_empty())
        .filter(|s| !csv || !s.chars().any(|c| c.is_control() && c != '\t' && c != '\n'))
        .collect()
}

/// Copies data/ into `repo`/data, rewrites it, and loads it.
pub fn load(repo: &Path) -> Model {
    let data = repo.join("data");
    copy_dir(&repo_root().join("data"), &data);
    let (csv_pool, toml_pool) = (pool(true), pool(false));
    let mut next = 0;
    // System id -> each rewritten name -> its new text, for the mappings
    // that refer to codes by name (TLS's handshake_failure, DNS's NXDomain).
    let mut renamed: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for path in files_under(&data) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name == "netcodes.toml" {
            continue; // the project's own version number, not text
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some("csv") => {
                // A name is free text in the names of other ecosystems, former
                // names, and a system whose names are text (HTTP reason phrases);
                // elsewhere names are identifiers that mappings refer to.
                let text_names = name == "symbols.csv"
                    || name == "former_names.csv"
                    || (name == "codes.csv" && text_name_style(&path.with_file_name("system.toml")));
                // symbols.csv's `since` is a release number, not free text.
                let releases = name == "symbols.csv";
                let names = rewrite_texts(&path, &csv_pool, text_names, releases, &mut next);
                if name == "codes.csv" {
                    let system = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or_default();
                    renamed.entry(system.to_owned()).or_default().extend(names);
                }
            }
            Some("toml") => rewrite_toml(&path, &toml_pool, &mut next),
            _ => {}
        }
    }
    for path in files_under(&data.join("map")).into_iter().filter(|p| p.extension().is_some_and(|e| e == "csv")) {
        rename_mapped_codes(&path, &renamed);
    }
    match codegen::load(&data) {
        Ok(loaded) => loaded,
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the hostile copy of data/ does not validate:\n{}", lines.join("\n"))
        }
    }
}

fn text_name_style(system_toml: &Path) -> bool {
    std::fs::read_to_string(system_toml).expect("read system.toml").lines().any(|l| l.trim() == "name_style = \"text\"")
}

/// A mapping table's `from` and `to` codes, named as the rewritten tables
/// now name them (numbers and identifiers stay as they are).
fn rename_mapped_codes(path: &Path, renamed: &BTreeMap<String, BTreeMap<String, String>>) {
    let meta = std::fs::read_to_string(path.with_extension("toml")).expect("read the mapping's TOML");
    let system = |key: &str| {
        let line = meta.lines().find(|l| l.starts_with(&format!("{key} = "))).expect("from and to");
        line.split('"').nth(1).expect("a quoted system id").to_owned()
    };
    let empty = BTreeMap::new();
    let (from, to) = (renamed.get(&system("from")).unwrap_or(&empty), renamed.get(&system("to")).unwrap_or(&empty));
    rewrite_csv(path, |column, field| match column {
        "from" => from.get(field).cloned().unwrap_or_else(|| field.to_owned()),
        "to" => to.get(field).cloned().unwrap_or_else(|| field.to_owned()),
        _ => field.to_owned(),
    });
}

/// Rewrites the text columns; returns each name rewritten, old and new (the
/// first row with a name keeps it: the one a mapping by name means).
fn rewrite_texts(path: &Path, pool: &[&str], text_names: bool, releases: bool, next: &mut usize) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let rewritten = |column: &str| (CSV_COLUMNS.contains(&column) && !(releases && column == "since")) || (text_names && column == "name");
    rewrite_csv(path, |column, field| {
        // Optional fields stay empty, so the rows keep their meaning.
        if !rewritten(column) || field.is_empty() {
            return field.to_owned();
        }
        *next += 1;
        let text = pool[*next % pool.len()];
        // Names stay unique, so each still names its own code.
        if column == "name" {
            let new = format!("{text} {next}");
            names.entry(field.to_owned()).or_insert_with(|| new.clone());
            new
        } else {
            text.to_owned()
        }
    });
    names
}

/// Replaces `key = "..."` and `key = """..."""` values, line by line.
fn rewrite_toml(path: &Path, pool: &[&str], next: &mut usize) {
    let text = std::fs::read_to_string(path).expect("read TOML");
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let key = line.split_once(" = ").map(|(k, _)| k.trim()).filter(|k| TOML_KEYS.contains(k));
        let value = line.split_once(" = ").map(|(_, v)| v.trim()).unwrap_or_default();
        match key {
            Some(key) if value.starts_with("\"\"\"") => {
                if !value[3..].contains("\"\"\"") {
                    for rest in lines.by_ref() {
                        if rest.contains("\"\"\"") {
                            break;
                        }
                    }
                }
                *next += 1;
                out.push_str(&format!("{key} = {}\n", toml_string(pool[*next % pool.len()])));
            }
            Some(key) if value.starts_with('"') => {
                *next += 1;
                let text = pool[*next % pool.len()];
                // Titles stay unique, as headings name their section (two
                // mappings into one system are told apart by title).
                let text = if key == "title" { format!("{text} {next}") } else { text.to_owned() };
                out.push_str(&format!("{key} = {}\n", toml_string(&text)));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    std::fs::write(path, out).expect("write TOML");
}

fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
