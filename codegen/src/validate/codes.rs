//! Checks that need every row of a system: values, names and every spelling
//! unique; then the rows are sorted, meanings counted and retired rows split off.

use std::collections::BTreeMap;

use super::names::Claims;
use super::system::Spec;
use crate::diag::Diagnostics;
use crate::model::*;

pub fn check_codes(
    system: &mut System,
    spec: &Spec,
    mut rows: Vec<Code>,
    vocabulary: &Vocabulary,
    names: &mut Claims,
    diags: &mut Diagnostics,
) {
    let path = system.table_path.clone();
    let retired = |code: &Code| vocabulary.statuses[code.status].retired;
    // Rows already reported as duplicates are left out of the spelling checks,
    // which would only report the same mistake again.
    let mut duplicate = vec![false; rows.len()];
    let mut by_value: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (index, code) in rows.iter().enumerate() {
        by_value.entry(code.value).or_default().push(index);
    }
    for indexes in by_value.values() {
        let first = &rows[indexes[0]];
        for &other in &indexes[1..] {
            let code = &rows[other];
            // Meanings from one source are told apart by distinct precedences.
            let same_source = indexes
                .iter()
                .map(|&i| &rows[i])
                .find(|c| {
                    c.line < code.line
                        && c.source == code.source
                        && (c.precedence.is_none() || code.precedence.is_none() || c.precedence == code.precedence)
                });
            if retired(first) || retired(code) {
                duplicate[other] = true;
                diags.at(
                    &path,
                    code.line,
                    format!(
                        "value {} is also on line {} and one of the two is retired; a retired number is never reused ({})",
                        code.value, first.line, code.value
                    ),
                );
            } else if !spec.several_meanings {
                duplicate[other] = true;
                diags.at(&path, code.line, format!("duplicate value {} (first used on line {})", code.value, first.line));
            } else if let Some(twin) = same_source {
                duplicate[other] = true;
                diags.at(
                    &path,
                    code.line,
                    format!(
                        "duplicate meaning for code {} from the same source (first on line {}); give each meaning its own precedence, 1 for the one a lookup by number answers ({:?})",
                        code.value,
                        twin.line,
                        code.precedence.map_or_else(String::new, |p| p.to_string())
                    ),
                );
            }
        }
    }

    // Upstream names that are identifiers are unique within a source (one
    // value's meanings may share one, as DNS's two NotAuth do; free-text
    // names such as HTTP's "(Unused)" may repeat); then every generated
    // spelling is unique.
    let unique_names = spec.name_style != super::system::NameStyle::Text;
    let mut upstream: BTreeMap<(usize, &str), (i64, usize)> = BTreeMap::new();
    let mut idents: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for reserved in crate::render::RESERVED_CONSTANTS {
        idents.insert(reserved, ("(reserved by the generated API)", 0));
    }
    for (index, code) in rows.iter().enumerate() {
        if unique_names
            && !code.upstream_name.is_empty()
            && let Some(&(value, first)) = upstream.get(&(code.source, code.upstream_name.as_str()))
            && value != code.value
        {
            diags.at(&path, code.line, format!("duplicate name {:?} (first used on line {first})", code.upstream_name));
            duplicate[index] = true;
            continue;
        }
        upstream.entry((code.source, &code.upstream_name)).or_insert((code.value, code.line));
        if duplicate[index] || retired(code) {
            continue;
        }
        if let Some((original, line)) = idents.insert(&code.ident, (&code.upstream_name, code.line)) {
            let origin = if line == 0 { original.to_owned() } else { format!("{original:?} on line {line}") };
            diags.at(
                &path,
                code.line,
                format!("name becomes {} in Rust, C and Python, colliding with {origin} ({:?})", code.ident, code.upstream_name),
            );
            duplicate[index] = true;
        }
    }
    let mut anchors: BTreeMap<&str, usize> = BTreeMap::new();
    for code in rows.iter().zip(&duplicate).filter(|(_, dup)| !**dup).map(|(code, _)| code) {
        if let Some(first) = anchors.insert(&code.anchor, code.line) {
            diags.at(&path, code.line, format!("docs anchor #{} is already used on line {first} ({:?})", code.anchor, code.upstream_name));
        }
    }
    for (code, dup) in rows.iter().zip(&duplicate) {
        if !dup && !code.c_name.is_empty() {
            names.claim_c(code.c_name.clone(), &path, code.line);
            if spec.several_meanings {
                // A meaning after its number's first gets `<constant>_MEANING`.
                names.claim_c(format!("{}_MEANING", code.c_name), &path, code.line);
            }
        }
    }

    // Value order; a value's meanings in source precedence, then their own
    // (unique by now, so file order never decides; retired rows have one value each).
    rows.sort_by_key(|code| (code.value, code.source, code.precedence, code.line));
    let (mut retired_rows, mut codes): (Vec<Code>, Vec<Code>) = rows.into_iter().partition(|code| retired(code));
    let mut start = 0;
    while start < codes.len() {
        let end = start + codes[start..].iter().take_while(|c| c.value == codes[start].value).count();
        for (i, code) in codes[start..end].iter_mut().enumerate() {
            code.primary = i == 0;
            code.meaning_count = end - start;
        }
        start = end;
    }
    // A page per value: a number-first system's by number, else by the
    // primary meaning's identifier (retired numbers upstream never named by number).
    let page = |code: &Code| {
        let slug = if system.number_first || code.ident.is_empty() || code.name.is_empty() {
            let text = system.value_text(code.value);
            if code.name.is_empty() && !system.number_first { format!("removed{text}") } else { text }
        } else {
            crate::spell::kebab(&code.ident)
        };
        // Folders in lower-kebab case, like the pages in them (qt-operation/).
        format!("{}/{slug}.md", crate::spell::kebab(&system.id))
    };
    for at in 0..codes.len() {
        let first = at - codes[..at].iter().rev().take_while(|c| c.value == codes[at].value).count();
        codes[at].page = page(&codes[first]);
    }
    for code in &mut retired_rows {
        code.page = page(code);
    }
    system.codes = codes;
    system.retired = retired_rows;
    let (example, example_line) = spec.example;
    match system.codes.iter().position(|c| c.value == example) {
        Some(index) => system.example = index,
        None if !system.codes.is_empty() => diags.at(
            &spec.toml_path,
            example_line,
            format!("example is not a current code of {} ({example})", system.id),
        ),
        None => diags.at(&path, 1, "no current code; a system needs at least one"),
    }
}
