//! Mapping tables: `data/map/<name>.toml` and `data/map/<name>.csv`.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::cells::Cells;
use super::names::{Names, check_lower_id, check_text, system_index};
use super::schema::MappingToml;
use crate::diag::{Diagnostics, Reported};
use crate::load::{CsvTable, display_path, line_of, read_csv, read_toml};
use crate::model::*;
use crate::render;
use crate::spell;

/// `clean[i]`: system i's metadata and table layout had no problem. Mappings
/// are checked against those systems even where rows have problems, so that
/// one run reports everything; a mapping row that names a row with a problem
/// of its own is left out with it (`System::pending`) instead of being
/// reported again.
pub fn load_mappings(
    root: &Path,
    systems: &[System],
    clean: &[bool],
    all_loaded: bool,
    vocabulary: &Vocabulary,
    names: &mut Names,
    diags: &mut Diagnostics,
) -> Vec<Mapping> {
    let mut stems: Vec<String> = match std::fs::read_dir(root.join("map")) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".toml")).map(str::to_owned))
            .collect(),
        Err(_) => {
            diags.push(&display_path("map"), None, "directory is missing");
            return Vec::new();
        }
    };
    stems.sort();
    let all_clean = all_loaded && clean.iter().all(|c| *c);
    let mut mappings: Vec<Mapping> = Vec::new();
    let mut unmapped_claimed = BTreeSet::new();
    // Lookups instead of scans, built once per system, so that tables with a
    // row per code check in O(n log n) (tests/bench times 100,000-row tables).
    let indexes: Vec<CodeIndex<'_>> = systems.iter().map(CodeIndex::new).collect();
    for stem in stems {
        let toml_rel = format!("map/{stem}.toml");
        let toml_path = display_path(&toml_rel);
        let meta = read_toml::<MappingToml>(root, &toml_rel, diags);
        let table = read_csv(root, &format!("map/{stem}.csv"), &["from", "to", "kind", "note"], &["observed", "differs"], diags);
        let Some((meta, text)) = meta else { continue };
        let mut system_of = |key: &toml::Spanned<String>| {
            // While a system's own files have problems, those are reported
            // instead of every mapping that refers to it.
            let report = if all_clean { Some(&mut *diags) } else { None };
            system_index(systems, key, "unknown system", &toml_path, &text, report)
        };
        let (from, to) = (system_of(&meta.from), system_of(&meta.to));
        let function_line = line_of(&text, meta.function.span().start);
        let function = meta.function.into_inner();
        check_lower_id(&function, "function", &toml_path, function_line, diags);
        if render::reserved_name(&function) || render::reserved_name(&format!("{function}_rule")) {
            diags.at(
                &toml_path,
                function_line,
                format!("function clashes with a name the generated API already has ({function:?})"),
            );
        }
        check_text(&meta.title, "title", &toml_path, 1, diags);
        check_text(&meta.description, "description", &toml_path, 1, diags);
        let (Some(from), Some(to), Some(table)) = (from, to, table) else { continue };
        if from == to {
            diags.at(&toml_path, 1, format!("a mapping from a system to itself ({:?})", systems[from].id));
            continue;
        }
        if let Some(other) = mappings.iter().find(|m| m.from == from && m.to == to) {
            diags.at(
                &toml_path,
                1,
                format!("a second mapping from {} to {} (the first is {})", systems[from].id, systems[to].id, other.table_path),
            );
            continue;
        }
        let c_function = format!("{}{function}", systems[to].c_fn_prefix);
        for name in [c_function.clone(), format!("{c_function}_rule")] {
            names.claim_c(name, &toml_path, function_line, diags);
        }
        // One per target system, shared by every mapping into it.
        if unmapped_claimed.insert(to) {
            names.claim_c(format!("{}UNMAPPED", systems[to].c_prefix), &toml_path, function_line, diags);
        }
        if !clean[from] || !clean[to] {
            continue;
        }
        let mut covered = Vec::new();
        let sourced = meta.source.as_deref().is_some_and(|s| !s.trim().is_empty());
        let rules = rules(
            &table,
            (&systems[from], &indexes[from]),
            (&systems[to], &indexes[to]),
            vocabulary,
            (sourced, &toml_path),
            diags,
            &mut covered,
        );
        let mut by_specificity: Vec<usize> = (0..rules.len()).collect();
        by_specificity.sort_by_key(|&i| (rules[i].hi - rules[i].lo, rules[i].lo));
        let mapping = Mapping {
            id: stem.clone(),
            title: meta.title,
            description: meta.description,
            from,
            to,
            total: *meta.total.get_ref(),
            source: meta.source,
            versions: meta.versions,
            c_function,
            to_method: format!("to_{}", systems[to].id),
            js_function: spell::lower_camel(&function),
            function,
            rules,
            page: format!("map-{}.md", stem.replace('_', "-")),
            by_specificity,
            table_path: table.path.clone(),
        };
        if mapping.total {
            let line = line_of(&text, meta.total.span().start);
            let system = &systems[from];
            let current = system.primary_codes().map(|code| (code.value, code.name.clone()));
            // A new row whose other fields are not filled in yet is a code to
            // cover too; a value that can never be a code is not.
            let pending = system.pending.iter().filter(|row| !row.retired).filter_map(|row| {
                let value = row.value.filter(|v| (system.min..=system.max).contains(v) && system.primary(*v).is_none())?;
                let name = if row.name.is_empty() { value.to_string() } else { row.name.clone() };
                Some((value, name))
            });
            let mut reported = BTreeSet::new();
            for (value, name) in current.chain(pending) {
                let left_out = covered.iter().any(|&(lo, hi)| lo <= value && value <= hi);
                if mapping.rule_for(value).is_none() && !left_out && reported.insert(value) {
                    diags.at(&toml_path, line, format!("total = true, but no row of {} covers {name} ({value})", table.path));
                }
            }
        }
        mappings.push(mapping);
    }
    mappings
}

/// Parses and checks the rows of one mapping table.
/// Also returns the spans of rows left out, which still count as covering
/// their codes (a total mapping is not reported twice for one bad row).
fn rules(
    table: &CsvTable,
    (from, from_index): (&System, &CodeIndex<'_>),
    (to, to_index): (&System, &CodeIndex<'_>),
    vocabulary: &Vocabulary,
    sourced: (bool, &str),
    diags: &mut Diagnostics,
    covered: &mut Vec<(i64, i64)>,
) -> Vec<MappingRule> {
    let mut rules: Vec<MappingRule> = Vec::new();
    let mut single_lines: HashMap<i64, usize> = HashMap::new();
    let mut spans: Vec<usize> = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { table, row, diags };
        let Ok(mut rule) = rule(&mut cells, (from, from_index), (to, to_index), vocabulary, sourced) else {
            // The row is reported (or goes with a row it names); what it was
            // meant to cover still counts as covered.
            if let Some(span) = quiet_from(cells.raw("from"), from, from_index) {
                covered.push(span);
            }
            continue;
        };
        let (lo, hi) = (rule.lo, rule.hi);
        // Same specificity: the same span twice, or spans that overlap with
        // neither inside the other. Nesting is how a narrower row wins. A
        // single code sits inside any range that holds it, so singles can
        // only clash with the same single, and ranges with ranges.
        if lo == hi {
            if let Some(line) = single_lines.get(&lo) {
                cells.err(format!("covers the same codes as line {line} ({})", cells.raw("from")));
                continue;
            }
            single_lines.insert(lo, row.line);
        } else if let Some(other) = spans.iter().map(|&i| &rules[i]).find(|r| {
            let overlap = r.lo <= hi && lo <= r.hi;
            let nested = (r.lo <= lo && hi <= r.hi) || (lo <= r.lo && r.hi <= hi);
            overlap && (!nested || (r.lo == lo && r.hi == hi))
        }) {
            let what = if other.lo == lo && other.hi == hi { "covers the same codes as" } else { "overlaps without nesting" };
            let (line, text) = (other.line, cells.raw("from").to_owned());
            cells.err(format!("{what} line {line} ({text})"));
            continue;
        } else {
            spans.push(rules.len());
        }
        rule.anchor = rule_anchor(from, lo, hi);
        rules.push(rule);
    }
    // Value order, whatever order the file lists them in: output never
    // depends on how rows happen to be arranged.
    rules.sort_by_key(|r| (r.lo, r.hi));
    rules
}

fn rule(
    cells: &mut Cells<'_>,
    (from, from_index): (&System, &CodeIndex<'_>),
    (to, to_index): (&System, &CodeIndex<'_>),
    vocabulary: &Vocabulary,
    (sourced, toml_path): (bool, &str),
) -> Result<MappingRule, Reported> {
    let range = resolve_from(cells, from, from_index);
    let target = resolve_to(cells, to, to_index);
    let kind = cells.term("kind", &vocabulary.mapping_kinds).map_err(|_| {
        // `term` names the vocabulary; say which words are allowed too.
        let ids: Vec<&str> = vocabulary.mapping_kinds.iter().map(|k| k.id.as_str()).collect();
        let value = cells.raw("kind").to_owned();
        cells.err(format!("kind must be one of {} ({value:?})", ids.join(", ")))
    });
    let note = cells.raw("note").to_owned();
    if let Ok(kind) = kind
        && vocabulary.mapping_kinds[kind].needs_note
        && note.trim().is_empty()
    {
        return Err(cells.err(format!("a mapping of kind {} needs a note saying why (\"\")", vocabulary.mapping_kinds[kind].id)));
    }
    // A row that says what upstream does is only as good as its source.
    if let Ok(kind) = kind
        && vocabulary.mapping_kinds[kind].needs_source
        && !sourced
    {
        let id = &vocabulary.mapping_kinds[kind].id;
        return Err(cells.err(format!(
            "a mapping of kind {id} needs `source` in {toml_path}, naming the upstream code it reproduces ({id:?})"
        )));
    }
    let observed = lab_cases(cells, "observed");
    let differs = lab_cases(cells, "differs");
    let ((lo, hi), (to_value, to_row), kind) = (range?, target?, kind?);
    let (observed, differs) = (observed?, differs?);
    if let Some(case) = observed.iter().find(|case| differs.contains(case)) {
        let case = case.clone();
        return Err(cells.err(format!("a failure-lab case cannot both confirm and contradict a row ({case:?})")));
    }
    Ok(MappingRule { lo, hi, to: to_value, to_row, kind, note, anchor: String::new(), observed, differs, line: cells.row.line })
}

/// `observed` or `differs`: failure-lab case ids, separated by spaces, each
/// once. Whether the lab has them is checked with the lab (`super::lab`).
fn lab_cases(cells: &mut Cells<'_>, column: &str) -> Result<Vec<String>, Reported> {
    let mut cases: Vec<String> = Vec::new();
    for case in cells.optional_raw(column).split_whitespace() {
        if !spell::is_lower_snake(case) || cases.iter().any(|c| c == case) {
            let case = case.to_owned();
            return Err(cells.err(format!("{column} lists failure-lab case ids, each once, lower_snake and separated by spaces ({case:?})")));
        }
        cases.push(case.to_owned());
    }
    Ok(cases)
}

/// The anchor of a rule's row on its mapping page. It names what the rule
/// covers, so it stays put when rows are added.
fn rule_anchor(from: &System, lo: i64, hi: i64) -> String {
    let number = |value: i64| if value < 0 { format!("minus-{}", value.unsigned_abs()) } else { value.to_string() };
    match from.primary(lo) {
        Some(code) if lo == hi => format!("from-{}", code.value_anchor),
        _ if lo == hi => format!("from-{}", number(lo)),
        _ => format!("from-{}-to-{}", number(lo), number(hi)),
    }
}

/// What a `from` field covers, without reporting anything: a range, or a
/// code by number or name (also a row with a problem of its own).
fn quiet_from(text: &str, system: &System, index: &CodeIndex<'_>) -> Option<(i64, i64)> {
    if let Some((lo, hi)) = text.split_once("..=") {
        return Some((lo.parse().ok()?, hi.parse().ok()?));
    }
    let value = text.parse::<i64>().ok().or_else(|| index.names.get(text).copied()).or_else(|| {
        system.pending.iter().find(|row| !text.is_empty() && row.name == text).and_then(|row| row.value)
    })?;
    Some((value, value))
}

/// `from`: a code by name or number, or a range `lo..=hi`.
fn resolve_from(cells: &mut Cells<'_>, system: &System, index: &CodeIndex<'_>) -> Result<(i64, i64), Reported> {
    let text = cells.raw("from").to_owned();
    if let Some((lo, hi)) = text.split_once("..=") {
        let (Ok(lo), Ok(hi)) = (lo.parse::<i64>(), hi.parse::<i64>()) else {
            return Err(cells.err(format!("range is not lo..=hi with two integers ({text:?})")));
        };
        if lo >= hi || lo < system.min || hi > system.max {
            return Err(cells.err(format!(
                "range must be non-empty and within {}..={} of {} ({text:?})",
                system.min, system.max, system.id
            )));
        }
        return Ok((lo, hi));
    }
    let (code, _) = find_code(cells, system, index, &text, "from")?;
    Ok((code, code))
}

/// `to`: a current code of the target system's own upstream, by name or
/// number. A number only other sources give a meaning (HTTP 499) can be a
/// target too, named by the identifier of its first meaning, the one lookups
/// answer (`NGINX_CLIENT_CLOSED_REQUEST`), so that the table says whose
/// meaning it means.
fn resolve_to(cells: &mut Cells<'_>, system: &System, index: &CodeIndex<'_>) -> Result<(i64, usize), Reported> {
    let text = cells.raw("to").to_owned();
    let (value, row) = find_code(cells, system, index, &text, "to")?;
    if !system.meanings(value).iter().any(|c| c.source == 0) && text != system.codes[row].ident {
        return Err(cells.err(format!(
            "target is not a code of {} itself; another source's meaning is a target only as the first meaning of its number, by its identifier ({}) ({text:?})",
            system.sources[0].id, system.codes[row].ident
        )));
    }
    Ok((value, row))
}

/// A system's offered codes by number and by name (upstream's, as printed,
/// then identifiers; the first row that has the name wins), each with its
/// primary row.
struct CodeIndex<'a> {
    values: HashMap<i64, usize>,
    names: HashMap<&'a str, i64>,
}

impl<'a> CodeIndex<'a> {
    fn new(system: &'a System) -> Self {
        let mut names = HashMap::new();
        let mut values = HashMap::new();
        for (row, code) in system.codes.iter().enumerate() {
            values.entry(code.value).or_insert(row);
            for name in [code.upstream_name.as_str(), code.name.as_str()] {
                if !name.is_empty() {
                    names.entry(name).or_insert(code.value);
                }
            }
        }
        for code in &system.codes {
            names.entry(code.ident.as_str()).or_insert(code.value);
        }
        CodeIndex { values, names }
    }
}

fn find_code(
    cells: &mut Cells<'_>,
    system: &System,
    index: &CodeIndex<'_>,
    text: &str,
    column: &str,
) -> Result<(i64, usize), Reported> {
    let by_number = text.parse::<i64>().ok();
    let value = match by_number {
        Some(n) => Some(n),
        None => index.names.get(text).copied(),
    };
    if let Some(found) = value.and_then(|v| index.values.get(&v).map(|&row| (v, row))) {
        return Ok(found);
    }
    let matches = |c: &&Code| match by_number {
        Some(n) => c.value == n,
        None => !text.is_empty() && (c.upstream_name == text || c.name == text),
    };
    let pending = system.pending.iter().find(|row| match by_number {
        Some(n) => row.value == Some(n),
        None => !text.is_empty() && row.name == text,
    });
    if let Some(row) = pending {
        // The row's own problem is reported; the mapping row goes with it.
        Err(row.reported)
    } else if system.retired.iter().any(|c| matches(&c)) {
        Err(cells.err(format!("`{column}` is a retired code of {}; retired codes take no part in mappings ({text:?})", system.id)))
    } else {
        Err(cells.err(format!("`{column}` is not a code of {} ({text:?})", system.id)))
    }
}

/// A value no code of the system has, for C's `NETCODES_<ID>_UNMAPPED`: 0 or
/// -1 where the range leaves them free (the usual "no code" values in C),
/// else just outside the range, within what the C parameter type holds.
pub fn unmapped_value(system: &System) -> Option<i64> {
    let (c_min, c_max) = match system.int_type.c() {
        "int" => (i64::from(i32::MIN), i64::from(i32::MAX)),
        "unsigned long" => (0, i64::from(u32::MAX)),
        _ => (0, i64::MAX),
    };
    let outside = |v: i64| (v < system.min || v > system.max) && (c_min..=c_max).contains(&v);
    [0, -1, system.max.saturating_add(1), system.min.saturating_sub(1)].into_iter().find(|&v| outside(v))
}
