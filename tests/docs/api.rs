//! The API page lists, for each concept, how every output spells it. Each
//! name it lists must be one the output it is listed for really defines: a
//! renamed function, type or field in one language fails here.

use std::fs;
use std::path::Path;

use super::site::Site;

/// The generated files that define each language's names, by the page's
/// column headings.
const OUTPUTS: [(&str, &[&str]); 5] = [
    ("Rust", &["generated/rust/src"]),
    ("C", &["generated/c/netcodes.h"]),
    ("C++", &["generated/c/netcodes.hpp"]),
    ("Python", &["generated/python/netcodes"]),
    ("JavaScript/TypeScript", &["generated/typescript"]),
];

/// Words the page uses for the values a reader passes in, not names the
/// outputs define.
const PLACEHOLDERS: [&str; 11] =
    ["code", "text", "n", "i", "fallback", "rule", "idempotent", "retry_after", "retry_after_seconds", "retryAfter", "import"];

/// The definitions of one language: every file's text, concatenated.
fn corpus(root: &Path, paths: &[&str]) -> String {
    let mut text = String::new();
    for path in paths {
        let path = root.join(path);
        let mut files: Vec<_> = if path.is_dir() {
            fs::read_dir(&path).expect("output folder").map(|e| e.expect("entry").path()).collect()
        } else {
            vec![path]
        };
        files.sort();
        for file in files {
            let keep = file.extension().is_some_and(|e| ["rs", "h", "hpp", "pyi", "ts"].contains(&e.to_str().unwrap_or("")));
            if keep {
                text.push_str(&fs::read_to_string(&file).expect("read output"));
                text.push('\n');
            }
        }
    }
    text
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

/// Checks the page; returns how many names it checked.
pub fn check(site: &Site, root: &Path) -> usize {
    let page = site.pages.get("api.html").expect("the API page is built");
    let table = page.elements.iter().position(|e| e.name == "table").expect("the API page has a table");
    let headings: Vec<&str> =
        page.descendants(table, "th").iter().map(|&th| page.elements[th].text.trim()).collect();
    let languages: Vec<&str> = OUTPUTS.iter().map(|(language, _)| *language).collect();
    assert_eq!(headings[1..], languages[..], "the API page's columns");
    let rows = page.rows(table);
    assert!(rows.len() >= 15, "the API page lists {} concepts", rows.len());

    let texts: Vec<String> = OUTPUTS.iter().map(|(_, paths)| corpus(root, paths)).collect();
    let defined: Vec<std::collections::BTreeSet<&str>> = texts.iter().map(|t| words(t).collect()).collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for row in &rows {
        let concept = &row[0].text;
        assert_eq!(row.len(), 1 + OUTPUTS.len(), "{concept}: a cell per language");
        for (cell, ((language, _), defined)) in row[1..].iter().zip(OUTPUTS.iter().zip(&defined)) {
            if cell.code.is_empty() {
                assert_eq!(cell.text.trim(), "(none)", "{concept}, {language}: a cell without code says so");
            }
            for span in &cell.code {
                for word in words(span).filter(|w| !PLACEHOLDERS.contains(w)) {
                    checked += 1;
                    if !defined.contains(word) {
                        problems.push(format!("{concept}, {language}: `{span}` names `{word}`, which the {language} output does not define"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "the API page names what the outputs do not have:\n{}", problems.join("\n"));
    checked
}
