//! Turning the files of `data/` into a [`Model`], collecting every problem.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{display_path, line_of, read_csv, read_toml, CsvRow, CsvTable};
use crate::model::*;
use crate::spell;

/// The code tables, in the order every output presents them.
const SYSTEM_TABLES: &[(SystemKind, &str)] = &[
    (SystemKind::Qt, "qt/network_error"),
    (SystemKind::Chromium, "chromium/net_error"),
    (SystemKind::Http, "http/status"),
    (SystemKind::Warning, "http/warning"),
];

/// Project metadata (`data/netcodes.toml`).
#[derive(Debug, Clone)]
pub struct Project {
    pub version: String,
}

/// Loads and validates everything under `root` (the `data/` directory).
/// Returns the model, or every problem found, sorted by file and line.
pub fn load(root: &Path) -> Result<(Project, Model), Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    let project = load_project(root, &mut diags);
    let mut names = Names::default();
    let (categories, retries) = load_vocabulary(root, &mut names, &mut diags);
    let vocab = Vocab { categories: &categories, retries: &retries };

    let mut systems = Vec::new();
    let mut http = None;
    // Systems whose own files are free of problems: mappings are only checked
    // against those, so one mistake is not reported again by every mapping.
    let mut clean = Vec::new();
    for &(kind, stem) in SYSTEM_TABLES {
        let before = diags.len();
        if let Some((system, extras)) = load_system(root, kind, stem, &vocab, &mut names, &mut diags) {
            if extras.is_some() {
                http = extras;
            }
            clean.push(diags.len() == before);
            systems.push(system);
        }
    }
    let mappings = load_mappings(root, &systems, &clean, &mut names, &mut diags);
    crate::load::report_unread(root, &mut diags);

    if !diags.is_empty() {
        return Err(diags.into_sorted());
    }
    let project = project.expect("no diagnostics, so the project file loaded");
    Ok((project, Model { categories, retries, systems, http, mappings }))
}

// ---------------------------------------------------------------------------
// TOML documents

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectToml {
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyToml {
    category: Vec<TermToml>,
    retry: Vec<TermToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermToml {
    id: Spanned<String>,
    title: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemToml {
    id: Spanned<String>,
    title: String,
    upstream: String,
    source: String,
    url: String,
    version: String,
    type_name: Spanned<String>,
    min: i64,
    max: i64,
    description: String,
    #[serde(default)]
    name_prefix: Option<String>,
    #[serde(default)]
    unprefixed: Vec<String>,
    #[serde(default)]
    group: Vec<GroupToml>,
    /// HTTP only: who gives a status its meaning, in precedence order.
    #[serde(default)]
    origin: Vec<OriginToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupToml {
    id: Spanned<String>,
    title: String,
    min: i64,
    max: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OriginToml {
    id: Spanned<String>,
    title: String,
    url: String,
}

fn load_project(root: &Path, diags: &mut Diagnostics) -> Option<Project> {
    let (doc, text) = read_toml::<ProjectToml>(root, "netcodes.toml", diags)?;
    let parts: Vec<&str> = doc.version.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        let line = text.lines().position(|l| l.starts_with("version")).map_or(1, |i| i + 1);
        diags.at(&display_path("netcodes.toml"), line, format!("version is not MAJOR.MINOR.PATCH ({:?})", doc.version));
        return None;
    }
    Some(Project { version: doc.version })
}

fn load_vocabulary(root: &Path, names: &mut Names, diags: &mut Diagnostics) -> (Vec<Term>, Vec<Term>) {
    let Some((doc, text)) = read_toml::<VocabularyToml>(root, "vocabulary.toml", diags) else {
        return (Vec::new(), Vec::new());
    };
    let path = display_path("vocabulary.toml");
    let mut terms = |entries: Vec<TermToml>, what: &str| -> Vec<Term> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for entry in entries {
            let line = line_of(&text, entry.id.span().start);
            let id = entry.id.into_inner();
            check_lower_id(&id, what, &path, line, diags);
            if let Some(first) = seen.insert(id.clone(), line) {
                diags.at(&path, line, format!("duplicate {what} id {id:?} (first used on line {first})"));
                continue;
            }
            check_text(&entry.title, "title", &path, line, diags);
            check_text(&entry.description, "description", &path, line, diags);
            names.claim_c(format!("NETCODES_{}_{}", what.to_ascii_uppercase(), id.to_ascii_uppercase()), &path, line, diags);
            out.push(Term {
                rust: spell::upper_camel(&id),
                upper: id.to_ascii_uppercase(),
                id,
                title: entry.title,
                description: entry.description,
            });
        }
        out
    };
    let categories = terms(doc.category, "category");
    let retries = terms(doc.retry, "retry");
    (categories, retries)
}

// ---------------------------------------------------------------------------
// Code tables

struct Vocab<'a> {
    categories: &'a [Term],
    retries: &'a [Term],
}

const QT_COLUMNS: &[&str] = &["name", "value", "group", "status", "since", "category", "retry", "description"];
const CHROMIUM_COLUMNS: &[&str] = &[
    "name",
    "value",
    "range",
    "status",
    "category",
    "retry",
    "certificate_error",
    "client_certificate_error",
    "description",
];
const HTTP_COLUMNS: &[&str] =
    &["code", "source", "name", "reason", "status", "category", "retry", "empty_body", "reference", "description"];
const WARNING_COLUMNS: &[&str] = &["code", "name", "text", "status", "category", "retry", "reference", "description"];

fn columns(kind: SystemKind) -> &'static [&'static str] {
    match kind {
        SystemKind::Qt => QT_COLUMNS,
        SystemKind::Chromium => CHROMIUM_COLUMNS,
        SystemKind::Http => HTTP_COLUMNS,
        SystemKind::Warning => WARNING_COLUMNS,
    }
}

fn allowed_statuses(kind: SystemKind) -> &'static [Status] {
    match kind {
        SystemKind::Qt => &[Status::Current, Status::Deprecated, Status::Removed],
        SystemKind::Chromium => &[Status::Current, Status::Removed, Status::Sentinel],
        SystemKind::Http => {
            &[Status::Current, Status::Unused, Status::Deprecated, Status::Obsolete, Status::Unofficial]
        }
        SystemKind::Warning => &[Status::Current, Status::Obsolete],
    }
}

fn load_system(
    root: &Path,
    kind: SystemKind,
    stem: &str,
    vocab: &Vocab<'_>,
    names: &mut Names,
    diags: &mut Diagnostics,
) -> Option<(System, Option<HttpExtras>)> {
    let toml_rel = format!("{stem}.toml");
    let csv_rel = format!("{stem}.csv");
    let meta = read_toml::<SystemToml>(root, &toml_rel, diags);
    let table = read_csv(root, &csv_rel, columns(kind), diags);
    let (meta, meta_text) = meta?;
    let toml_path = display_path(&toml_rel);

    let id_line = line_of(&meta_text, meta.id.span().start);
    let id = meta.id.into_inner();
    check_lower_id(&id, "system id", &toml_path, id_line, diags);
    let type_line = line_of(&meta_text, meta.type_name.span().start);
    let type_name = meta.type_name.into_inner();
    if !spell::is_upper_camel(&type_name) {
        diags.at(&toml_path, type_line, format!("type_name is not an UpperCamel identifier ({type_name:?})"));
    } else if let Some(language) = spell::keyword_language(&type_name) {
        diags.at(&toml_path, type_line, format!("type_name is a keyword in {language} ({type_name:?})"));
    }
    for (key, text) in [
        ("title", &meta.title),
        ("upstream", &meta.upstream),
        ("source", &meta.source),
        ("url", &meta.url),
        ("version", &meta.version),
        ("description", &meta.description),
    ] {
        check_text(text, key, &toml_path, 1, diags);
    }
    let int_type = match kind {
        SystemKind::Qt | SystemKind::Chromium => IntType::I32,
        SystemKind::Http | SystemKind::Warning => IntType::U16,
    };
    let (type_min, type_max) = match int_type {
        IntType::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        IntType::U16 => (1, i64::from(u16::MAX)),
    };
    if meta.min > meta.max || meta.min < type_min || meta.max > type_max {
        diags.at(
            &toml_path,
            1,
            format!("min..=max must be a non-empty range within {type_min}..={type_max} ({}..={})", meta.min, meta.max),
        );
    }

    for suffix in C_PER_SYSTEM {
        names.reserve(format!("netcodes_{id}_{suffix}"));
    }
    names.reserve(format!("NETCODES_{}_GROUP_NONE", id.to_ascii_uppercase()));

    // Groups: inside min..=max, not overlapping.
    let mut groups: Vec<Group> = Vec::new();
    for group in meta.group {
        let line = line_of(&meta_text, group.id.span().start);
        let gid = group.id.into_inner();
        check_lower_id(&gid, "group id", &toml_path, line, diags);
        if group.min > group.max || group.min < meta.min || group.max > meta.max {
            diags.at(
                &toml_path,
                line,
                format!("group range must lie within {}..={} ({}..={})", meta.min, meta.max, group.min, group.max),
            );
        }
        let c_name = format!("NETCODES_{}_GROUP_{}", id.to_ascii_uppercase(), gid.to_ascii_uppercase());
        let c_predicate = format!("netcodes_{id}_is_{gid}");
        // Each group becomes an `is_<group>()` predicate next to these.
        if ["known", "retired", "valid", "certificate_error", "client_certificate_error"].contains(&gid.as_str()) {
            diags.at(&toml_path, line, format!("group id would make is_{gid}(), which the generated API already has ({gid:?})"));
        } else {
            names.claim_c(c_predicate.clone(), &toml_path, line, diags);
        }
        if let Some(other) = groups.iter().find(|g| g.id == gid || (g.min <= group.max && group.min <= g.max)) {
            diags.at(&toml_path, line, format!("group overlaps or repeats group {:?} ({gid:?})", other.id));
        }
        names.claim_c(c_name.clone(), &toml_path, line, diags);
        groups.push(Group {
            rust: spell::upper_camel(&gid),
            upper: gid.to_ascii_uppercase(),
            c_name,
            c_predicate,
            id: gid,
            title: group.title,
            min: group.min,
            max: group.max,
        });
    }
    if groups.is_empty() {
        diags.at(&toml_path, 1, "no [[group]] ranges; every system documents at least one");
    }

    let mut sources: Vec<Source> = Vec::new();
    if kind == SystemKind::Http {
        for origin in meta.origin {
            let line = line_of(&meta_text, origin.id.span().start);
            let oid = origin.id.into_inner();
            check_lower_id(&oid, "origin id", &toml_path, line, diags);
            if sources.iter().any(|s| s.id == oid) {
                diags.at(&toml_path, line, format!("duplicate origin id ({oid:?})"));
            }
            sources.push(Source {
                upper: if sources.is_empty() { String::new() } else { oid.to_ascii_uppercase() },
                id: oid,
                title: origin.title,
                url: origin.url,
            });
        }
        if sources.is_empty() {
            diags.at(&toml_path, 1, "no [[origin]] tables; the first one is the registry");
        }
    } else if !meta.origin.is_empty() {
        diags.at(&toml_path, 1, "[[origin]] tables are only meaningful for HTTP status codes");
    }

    if RESERVED_SYSTEM_IDS.contains(&id.as_str()) {
        diags.at(&toml_path, id_line, format!("system id is taken by the fixed names of netcodes.h ({id:?})"));
    }
    let upper_id = id.to_ascii_uppercase();
    let mut system = System {
        kind,
        c_prefix: format!("NETCODES_{upper_id}_"),
        c_fn_prefix: format!("netcodes_{id}_"),
        c_type: format!("netcodes_{id}_{}", spell::upper_snake(&type_name).to_ascii_lowercase()),
        table_path: display_path(&csv_rel),
        id,
        title: meta.title,
        upstream: meta.upstream,
        source: meta.source,
        url: meta.url,
        version: meta.version,
        description: meta.description,
        type_name,
        int_type,
        number_first: matches!(kind, SystemKind::Http | SystemKind::Warning),
        min: meta.min,
        max: meta.max,
        groups,
        flags: Vec::new(),
        codes: Vec::new(),
        retired: Vec::new(),
    };
    if kind == SystemKind::Chromium {
        system.flags = vec![
            Flag {
                id: "certificate_error".into(),
                method: "is_certificate_error".into(),
                doc: "What Chromium's `net::IsCertificateError()` answers for this code.".into(),
            },
            Flag {
                id: "client_certificate_error".into(),
                method: "is_client_certificate_error".into(),
                doc: "What Chromium's `net::IsClientCertificateError()` answers for this code.".into(),
            },
        ];
    }

    for flag in &system.flags {
        names.reserve(format!("{}{}", system.c_fn_prefix, flag.method));
    }
    let table = table?;
    let prefix = meta.name_prefix.unwrap_or_default();
    let mut rows = Vec::new();
    for row in &table.rows {
        let reported = diags.len();
        let mut cells = Cells { path: &table.path, row, diags };
        let code = match kind {
            SystemKind::Qt => qt_row(&mut cells, &system, vocab),
            SystemKind::Chromium => chromium_row(&mut cells, &system, vocab, &prefix, &meta.unprefixed),
            SystemKind::Http => http_row(&mut cells, &system, vocab, &sources),
            SystemKind::Warning => warning_row(&mut cells, &system, vocab),
        };
        match code {
            Some(code) => rows.push(code),
            // Every row reaches the model or says why not.
            None if diags.len() == reported => {
                diags.at(&table.path, row.line, "row was left out without a diagnostic (a bug in codegen)");
            }
            None => {}
        }
    }
    check_codes(&mut system, rows, &table, names, diags);
    let extras = (kind == SystemKind::Http).then(|| {
        let reason_history = load_reason_history(root, &system, diags);
        let (ecosystems, symbols) = load_symbols(root, &system, diags);
        HttpExtras { sources, reason_history, ecosystems, symbols }
    });
    Some((system, extras))
}

/// `http/reason_history.csv`: earlier phrases of registered codes.
fn load_reason_history(root: &Path, status: &System, diags: &mut Diagnostics) -> Vec<ReasonAlias> {
    let Some(table) = read_csv(root, "http/reason_history.csv", &["code", "reason", "reference"], diags) else {
        return Vec::new();
    };
    let mut out: Vec<ReasonAlias> = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { path: &table.path, row, diags };
        let code = cells.int(0, "code");
        let reason = cells.text(1, "reason");
        let reference = cells.text(2, "reference");
        let (Some(code), Some(reason), Some(reference)) = (code, reason, reference) else { continue };
        match status.codes.iter().find(|c| c.value == code && c.primary && c.source == Some(0)) {
            None => cells.err(format!("code is not a registered status in data/http/status.csv ({code})")),
            Some(current) if current.name == reason => {
                cells.err(format!("phrase is the current one, not a former one ({reason:?})"))
            }
            Some(_) if out.iter().any(|a| a.code == code && a.reason == reason) => {
                cells.err(format!("phrase is listed twice for {code} ({reason:?})"))
            }
            Some(_) => out.push(ReasonAlias { code, reason, reference }),
        }
    }
    out.sort_by(|a, b| (a.code, &a.reason).cmp(&(b.code, &b.reason)));
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SymbolsToml {
    ecosystem: Vec<EcosystemToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EcosystemToml {
    id: Spanned<String>,
    title: String,
    version: String,
    url: String,
}

/// `http/symbols.toml` and `http/symbols.csv`: every ecosystem's names.
fn load_symbols(root: &Path, status: &System, diags: &mut Diagnostics) -> (Vec<Ecosystem>, Vec<Symbol>) {
    let meta = read_toml::<SymbolsToml>(root, "http/symbols.toml", diags);
    let table = read_csv(root, "http/symbols.csv", &["code", "ecosystem", "symbol", "kind", "since"], diags);
    let Some((meta, text)) = meta else { return (Vec::new(), Vec::new()) };
    let toml_path = display_path("http/symbols.toml");
    let mut ecosystems: Vec<Ecosystem> = Vec::new();
    for eco in meta.ecosystem {
        let line = line_of(&text, eco.id.span().start);
        let id = eco.id.into_inner();
        check_lower_id(&id, "ecosystem id", &toml_path, line, diags);
        if ecosystems.iter().any(|e| e.id == id) {
            diags.at(&toml_path, line, format!("duplicate ecosystem id ({id:?})"));
        }
        for (key, value) in [("title", &eco.title), ("version", &eco.version), ("url", &eco.url)] {
            check_text(value, key, &toml_path, line, diags);
        }
        ecosystems.push(Ecosystem { id, title: eco.title, version: eco.version, url: eco.url });
    }
    let Some(table) = table else { return (ecosystems, Vec::new()) };
    let mut symbols: Vec<Symbol> = Vec::new();
    let mut seen: BTreeMap<(i64, usize, String), usize> = BTreeMap::new();
    for row in &table.rows {
        let mut cells = Cells { path: &table.path, row, diags };
        let code = cells.int(0, "code");
        let eco_id = cells.raw(1).to_owned();
        let ecosystem = ecosystems.iter().position(|e| e.id == eco_id);
        if ecosystem.is_none() {
            cells.err(format!("unknown ecosystem; see data/http/symbols.toml ({eco_id:?})"));
        }
        let symbol = cells.text(2, "symbol");
        let primary = match cells.raw(3) {
            "primary" => Some(true),
            "alias" => Some(false),
            other => {
                let other = other.to_owned();
                cells.err(format!("kind must be primary or alias ({other:?})"));
                None
            }
        };
        let since = cells.optional(4);
        if let Some(code) = code
            && !status.codes.iter().any(|c| c.value == code)
        {
            cells.err(format!("code is not in data/http/status.csv ({code})"));
        }
        let (Some(code), Some(ecosystem), Some(symbol), Some(primary)) = (code, ecosystem, symbol, primary) else {
            continue;
        };
        if let Some(first) = seen.insert((code, ecosystem, symbol.clone()), row.line) {
            cells.err(format!("symbol listed twice for {code} in {eco_id} (first on line {first}) ({symbol:?})"));
            continue;
        }
        symbols.push(Symbol { code, ecosystem, symbol, primary, since });
    }
    symbols.sort_by(|a, b| (a.code, a.ecosystem, !a.primary, &a.symbol).cmp(&(b.code, b.ecosystem, !b.primary, &b.symbol)));
    (ecosystems, symbols)
}

/// Typed access to one CSV row's fields; every problem becomes a diagnostic.
struct Cells<'a> {
    path: &'a str,
    row: &'a CsvRow,
    diags: &'a mut Diagnostics,
}

impl Cells<'_> {
    fn err(&mut self, message: String) {
        self.diags.at(self.path, self.row.line, message);
    }

    fn raw(&self, column: usize) -> &str {
        self.row.get(column)
    }

    /// A non-empty text field.
    fn text(&mut self, column: usize, name: &str) -> Option<String> {
        let value = self.raw(column).to_owned();
        if value.trim().is_empty() {
            self.err(format!("{name} is empty ({value:?})"));
            return None;
        }
        Some(value)
    }

    fn optional(&self, column: usize) -> Option<String> {
        let value = self.raw(column);
        (!value.is_empty()).then(|| value.to_owned())
    }

    fn int(&mut self, column: usize, name: &str) -> Option<i64> {
        let value = self.raw(column).to_owned();
        let digits = value.strip_prefix('-').unwrap_or(&value);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || (digits.len() > 1 && digits.starts_with('0')) {
            self.err(format!("{name} is not an integer ({value:?})"));
            return None;
        }
        match value.parse::<i64>() {
            Ok(number) if (i64::from(i32::MIN)..=i64::from(i32::MAX)).contains(&number) => Some(number),
            _ => {
                self.err(format!("{name} does not fit in 32 bits ({value:?})"));
                None
            }
        }
    }

    fn bool(&mut self, column: usize, name: &str) -> Option<bool> {
        match self.raw(column) {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                let other = other.to_owned();
                self.err(format!("{name} must be true or false ({other:?})"));
                None
            }
        }
    }

    fn term(&mut self, column: usize, name: &str, terms: &[Term]) -> Option<usize> {
        let value = self.raw(column).to_owned();
        let found = terms.iter().position(|t| t.id == value);
        if found.is_none() {
            self.err(format!("unknown {name}; see data/vocabulary.toml ({value:?})"));
        }
        found
    }

    fn status(&mut self, column: usize, allowed: &[Status]) -> Option<Status> {
        let value = self.raw(column).to_owned();
        let found = allowed.iter().copied().find(|s| s.id() == value);
        if found.is_none() {
            let ids: Vec<&str> = allowed.iter().map(|s| s.id()).collect();
            self.err(format!("unknown status; expected one of {} ({value:?})", ids.join(", ")));
        }
        found
    }

    /// A group named in a column, which must hold `value`.
    fn named_group(&mut self, column: usize, system: &System, value: Option<i64>) -> Option<usize> {
        let gid = self.raw(column).to_owned();
        let Some(index) = system.groups.iter().position(|g| g.id == gid) else {
            let ids: Vec<&str> = system.groups.iter().map(|g| g.id.as_str()).collect();
            self.err(format!("unknown group; expected one of {} ({gid:?})", ids.join(", ")));
            return None;
        };
        let group = &system.groups[index];
        if let Some(value) = value
            && !(group.min..=group.max).contains(&value)
        {
            self.err(format!(
                "value {value} is outside group {gid:?}, which covers {}..={} ({gid:?})",
                group.min, group.max
            ));
        }
        Some(index)
    }
}

/// The group whose range holds `value`, for tables without a group column.
fn group_of(system: &System, value: i64) -> Option<usize> {
    system.groups.iter().position(|g| (g.min..=g.max).contains(&value))
}

/// The group of a row whose table has no group column: a value outside the
/// system's range or every group is reported here, never dropped in silence.
fn derived_group(cells: &mut Cells<'_>, system: &System, value: Option<i64>) -> Option<usize> {
    let value = value?;
    if !(system.min..=system.max).contains(&value) {
        cells.err(format!("value out of range {}..={} for {} ({value})", system.min, system.max, system.id));
        return None;
    }
    let group = group_of(system, value);
    if group.is_none() {
        cells.err(format!("value lies in no [[group]] range ({value})"));
    }
    group
}

/// Fields every table has, gathered once a row's own columns are read.
struct Common {
    value: Option<i64>,
    status: Option<Status>,
    category: Option<usize>,
    retry: Option<usize>,
    description: Option<String>,
}

fn code_from(common: Common, group: Option<usize>, line: usize) -> Option<Code> {
    Some(Code {
        value: common.value?,
        upstream_name: String::new(),
        name: String::new(),
        ident: String::new(),
        c_name: String::new(),
        anchor: String::new(),
        group: group?,
        status: common.status?,
        since: None,
        category: common.category?,
        retry: common.retry?,
        description: common.description?,
        reference: None,
        source: None,
        primary: true,
        flags: Vec::new(),
        empty_body: false,
        line,
    })
}

fn qt_row(cells: &mut Cells<'_>, system: &System, vocab: &Vocab<'_>) -> Option<Code> {
    let name = cells.raw(0).to_owned();
    let name_ok = spell::is_upper_camel(&name);
    if !name_ok {
        cells.err(format!("name is not an UpperCamel identifier ({name:?})"));
    }
    let value = cells.int(1, "value");
    let group = cells.named_group(2, system, value);
    let common = Common {
        value,
        status: cells.status(3, allowed_statuses(system.kind)),
        category: cells.term(5, "category", vocab.categories),
        retry: cells.term(6, "retry", vocab.retries),
        description: cells.text(7, "description"),
    };
    let since = cells.optional(4);
    let mut code = code_from(common, group, cells.row.line)?;
    if !name_ok {
        return None;
    }
    code.ident = spell::upper_snake(&name);
    code.anchor = format!("qt-{}", code.value);
    code.since = since;
    code.name = name.clone();
    code.upstream_name = name;
    Some(code)
}

fn chromium_row(
    cells: &mut Cells<'_>,
    system: &System,
    vocab: &Vocab<'_>,
    prefix: &str,
    unprefixed: &[String],
) -> Option<Code> {
    let name = cells.raw(0).to_owned();
    let status = cells.status(3, allowed_statuses(system.kind));
    let name_ok = if name.is_empty() {
        let ok = status.is_none_or(|s| s == Status::Removed);
        if !ok {
            cells.err("name is empty; only a removed number may have no name (\"\")".to_owned());
        }
        ok
    } else {
        let ok = spell::is_upper_snake(&name);
        if !ok {
            cells.err(format!("name is not UPPER_SNAKE_CASE ({name:?})"));
        }
        ok
    };
    let value = cells.int(1, "value");
    let group = cells.named_group(2, system, value);
    let flags = [cells.bool(6, "certificate_error"), cells.bool(7, "client_certificate_error")];
    let common = Common {
        value,
        status,
        category: cells.term(4, "category", vocab.categories),
        retry: cells.term(5, "retry", vocab.retries),
        description: cells.text(8, "description"),
    };
    let mut code = code_from(common, group, cells.row.line)?;
    code.flags = flags.into_iter().collect::<Option<Vec<bool>>>()?;
    if !name_ok {
        return None;
    }
    code.name = if name.is_empty() || unprefixed.contains(&name) { name.clone() } else { format!("{prefix}{name}") };
    code.ident = code.name.clone();
    code.anchor = if name.is_empty() { format!("removed{}", code.value) } else { spell::kebab(&code.name) };
    code.upstream_name = name;
    Some(code)
}

fn http_row(cells: &mut Cells<'_>, system: &System, vocab: &Vocab<'_>, sources: &[Source]) -> Option<Code> {
    let value = cells.int(0, "code");
    let source_id = cells.raw(1).to_owned();
    let source = sources.iter().position(|s| s.id == source_id);
    if source.is_none() {
        cells.err(format!("unknown source; see [[origin]] in data/http/status.toml ({source_id:?})"));
    }
    let name = cells.raw(2).to_owned();
    let name_ok = spell::is_upper_snake(&name);
    if !name_ok {
        cells.err(format!("name is not UPPER_SNAKE_CASE ({name:?})"));
    }
    let status = cells.status(4, allowed_statuses(system.kind));
    // Some vendors document a number but no reason phrase; the registry always has one.
    let reason = if status == Some(Status::Unofficial) { Some(cells.raw(3).to_owned()) } else { cells.text(3, "reason") };
    if let (Some(source), Some(status)) = (source, status)
        && (source == 0) == (status == Status::Unofficial)
    {
        cells.err(format!(
            "status {:?} does not fit source {source_id:?}: registry rows are never unofficial, vendor rows always are",
            status.id()
        ));
    }
    let empty_body = cells.bool(7, "empty_body");
    let reference = cells.text(8, "reference");
    let group = derived_group(cells, system, value);
    let common = Common {
        value,
        status,
        category: cells.term(5, "category", vocab.categories),
        retry: cells.term(6, "retry", vocab.retries),
        description: cells.text(9, "description"),
    };
    let mut code = code_from(common, group, cells.row.line)?;
    let source_index = source?;
    let source = &sources[source_index];
    code.source = Some(source_index);
    code.empty_body = empty_body?;
    code.reference = Some(reference?);
    code.upstream_name = reason?;
    code.name = code.upstream_name.clone();
    if !name_ok {
        return None;
    }
    // The value's own anchor (`#404`) heads the section that lists its meanings.
    code.anchor = format!("{}-{}", code.value, spell::kebab(&source.id));
    code.ident = if source.upper.is_empty() { name } else { format!("{}_{name}", source.upper) };
    Some(code)
}

fn warning_row(cells: &mut Cells<'_>, system: &System, vocab: &Vocab<'_>) -> Option<Code> {
    let value = cells.int(0, "code");
    let name = cells.raw(1).to_owned();
    let name_ok = spell::is_upper_snake(&name);
    if !name_ok {
        cells.err(format!("name is not UPPER_SNAKE_CASE ({name:?})"));
    }
    let text = cells.text(2, "text");
    let reference = cells.text(6, "reference");
    let group = derived_group(cells, system, value);
    let common = Common {
        value,
        status: cells.status(3, allowed_statuses(system.kind)),
        category: cells.term(4, "category", vocab.categories),
        retry: cells.term(5, "retry", vocab.retries),
        description: cells.text(7, "description"),
    };
    let mut code = code_from(common, group, cells.row.line)?;
    code.upstream_name = text?;
    code.name = code.upstream_name.clone();
    code.reference = Some(reference?);
    if !name_ok {
        return None;
    }
    code.ident = name;
    code.anchor = format!("warning-{}", code.value);
    Some(code)
}

/// Checks that need every row: ranges, uniqueness of values, names and every
/// spelling; then sorts the rows and splits off the retired ones.
fn check_codes(system: &mut System, mut rows: Vec<Code>, table: &CsvTable, names: &mut Names, diags: &mut Diagnostics) {
    let path = table.path.as_str();
    let multi_meaning = system.kind == SystemKind::Http;
    // Rows already reported as duplicates are left out of the spelling checks,
    // which would only report the same mistake again.
    let mut duplicate = vec![false; rows.len()];
    let mut by_value: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (index, code) in rows.iter().enumerate() {
        if !(system.min..=system.max).contains(&code.value) {
            diags.at(
                path,
                code.line,
                format!("value out of range {}..={} for {} ({})", system.min, system.max, system.id, code.value),
            );
        } else if group_of(system, code.value).is_none() {
            diags.at(path, code.line, format!("value lies in no [[group]] range ({})", code.value));
        }
        by_value.entry(code.value).or_default().push(index);
    }
    for indexes in by_value.values() {
        let first = &rows[indexes[0]];
        for &other in &indexes[1..] {
            let code = &rows[other];
            if !multi_meaning || first.status == Status::Removed || code.status == Status::Removed {
                duplicate[other] = true;
            }
            if first.status == Status::Removed || code.status == Status::Removed {
                diags.at(
                    path,
                    code.line,
                    format!(
                        "value {} is also on line {} and one of the two is removed; a removed number is never reused ({})",
                        code.value, first.line, code.value
                    ),
                );
            } else if !multi_meaning {
                diags.at(path, code.line, format!("duplicate value {} (first used on line {})", code.value, first.line));
            } else if let Some(twin) = indexes.iter().map(|&i| &rows[i]).find(|c| c.line < code.line && c.source == code.source) {
                diags.at(
                    path,
                    code.line,
                    format!("duplicate meaning for code {} from the same source (first on line {})", code.value, twin.line),
                );
            }
        }
    }

    // Names: upstream spelling unique; then every generated spelling unique.
    let mut upstream: BTreeMap<&str, usize> = BTreeMap::new();
    let mut idents: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let mut anchors: BTreeMap<&str, usize> = BTreeMap::new();
    for reserved in ["ALL"] {
        idents.insert(reserved, ("(reserved by the generated API)", 0));
    }
    for (index, code) in rows.iter().enumerate() {
        if !multi_meaning && !code.upstream_name.is_empty() {
            if let Some(first) = upstream.insert(&code.upstream_name, code.line) {
                diags.at(path, code.line, format!("duplicate name {:?} (first used on line {first})", code.upstream_name));
                duplicate[index] = true;
                continue;
            }
        }
        if duplicate[index] || code.status.is_retired() {
            continue;
        }
        if let Some((original, line)) = idents.insert(&code.ident, (&code.upstream_name, code.line)) {
            let origin = if line == 0 { original.to_owned() } else { format!("{original:?} on line {line}") };
            diags.at(
                path,
                code.line,
                format!("name becomes {} in Rust, C and Python, colliding with {origin} ({:?})", code.ident, code.upstream_name),
            );
            duplicate[index] = true;
        }
    }
    for code in rows.iter().zip(&duplicate).filter(|(_, dup)| !**dup).map(|(code, _)| code) {
        if let Some(first) = anchors.insert(&code.anchor, code.line) {
            diags.at(path, code.line, format!("docs anchor #{} is already used on line {first} ({:?})", code.anchor, code.upstream_name));
        }
    }
    for (code, dup) in rows.iter_mut().zip(&duplicate) {
        if !code.status.is_retired() {
            code.c_name = format!("{}{}", system.c_prefix, code.ident);
            if !dup {
                names.claim_c(code.c_name.clone(), path, code.line, diags);
            }
        }
    }

    rows.sort_by_key(|code| (code.value, code.source));
    let mut previous = None;
    for code in &mut rows {
        code.primary = previous != Some(code.value);
        previous = Some(code.value);
    }
    let (retired, codes): (Vec<Code>, Vec<Code>) = rows.into_iter().partition(|code| code.status.is_retired());
    system.codes = codes;
    system.retired = retired;
}

// ---------------------------------------------------------------------------
// Mapping tables

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingToml {
    from: Spanned<String>,
    to: Spanned<String>,
    function: Spanned<String>,
    title: String,
    description: String,
    total: Spanned<bool>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    versions: Option<String>,
}

fn load_mappings(
    root: &Path,
    systems: &[System],
    clean: &[bool],
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
    let mut mappings: Vec<Mapping> = Vec::new();
    let mut unmapped_claimed = std::collections::BTreeSet::new();
    // Lookups instead of scans, built once per system, so that tables with a
    // row per code check in O(n log n) (tests/bench times 100,000-row tables).
    let indexes: Vec<CodeIndex<'_>> = systems.iter().map(CodeIndex::new).collect();
    for stem in stems {
        let toml_rel = format!("map/{stem}.toml");
        let csv_rel = format!("map/{stem}.csv");
        let toml_path = display_path(&toml_rel);
        let meta = read_toml::<MappingToml>(root, &toml_rel, diags);
        let table = read_csv(root, &csv_rel, &["from", "to", "kind", "note"], diags);
        let Some((meta, text)) = meta else { continue };
        let system_of = |key: &Spanned<String>, diags: &mut Diagnostics| {
            let found = systems.iter().position(|s| &s.id == key.get_ref());
            // While a system's own files have problems, those are reported
            // instead of every mapping that refers to it.
            if found.is_none() && systems.len() == SYSTEM_TABLES.len() && clean.iter().all(|c| *c) {
                let ids: Vec<&str> = systems.iter().map(|s| s.id.as_str()).collect();
                diags.at(
                    &toml_path,
                    line_of(&text, key.span().start),
                    format!("unknown system; expected one of {} ({:?})", ids.join(", "), key.get_ref()),
                );
            }
            found
        };
        let from = system_of(&meta.from, diags);
        let to = system_of(&meta.to, diags);
        let function_line = line_of(&text, meta.function.span().start);
        let function = meta.function.into_inner();
        check_lower_id(&function, "function", &toml_path, function_line, diags);
        // Module-level names of every Python system module (C and Rust names are claimed below).
        let python_names = ["lookup", "from_name", "from_reason", "meanings", "is_retired"];
        if python_names.iter().any(|n| function == *n || format!("{function}_rule") == *n) {
            diags.at(&toml_path, function_line, format!("function clashes with a Python module function of the same name ({function:?})"));
        }
        check_text(&meta.title, "title", &toml_path, 1, diags);
        check_text(&meta.description, "description", &toml_path, 1, diags);
        let (Some(from), Some(to), Some(table)) = (from, to, table) else { continue };
        if from == to {
            diags.at(&toml_path, 1, format!("a mapping from a system to itself ({:?})", systems[from].id));
            continue;
        }
        if let Some(other) = mappings.iter().find(|m| m.from == from && m.to == to) {
            diags.at(&toml_path, 1, format!("a second mapping from {} to {} (the first is {})", systems[from].id, systems[to].id, other.table_path));
            continue;
        }
        for name in [format!("{}{function}", systems[to].c_fn_prefix), format!("{}{function}_rule", systems[to].c_fn_prefix)] {
            names.claim_c(name, &toml_path, function_line, diags);
        }
        // One per target system, shared by every mapping into it.
        if unmapped_claimed.insert(to) {
            names.claim_c(format!("{}UNMAPPED", systems[to].c_prefix), &toml_path, function_line, diags);
        }
        if !clean[from] || !clean[to] {
            continue;
        }
        let rules = mapping_rules(&table, (&systems[from], &indexes[from]), (&systems[to], &indexes[to]), diags);
        let mapping = Mapping {
            id: stem.clone(),
            title: meta.title,
            description: meta.description,
            from,
            to,
            total: *meta.total.get_ref(),
            source: meta.source,
            versions: meta.versions,
            function,
            rules,
            table_path: table.path.clone(),
        };
        if mapping.total {
            let line = line_of(&text, meta.total.span().start);
            for code in systems[from].codes.iter().filter(|c| c.primary) {
                if mapping.rule_for(code.value).is_none() {
                    diags.at(
                        &toml_path,
                        line,
                        format!("total = true, but no row of {} covers {} ({})", table.path, code.name, code.value),
                    );
                }
            }
        }
        mappings.push(mapping);
    }
    mappings
}

/// Parses and checks the rows of one mapping table.
fn mapping_rules(
    table: &CsvTable,
    (from, from_index): (&System, &CodeIndex<'_>),
    (to, to_index): (&System, &CodeIndex<'_>),
    diags: &mut Diagnostics,
) -> Vec<MappingRule> {
    let mut rules: Vec<MappingRule> = Vec::new();
    let mut single_lines: HashMap<i64, usize> = HashMap::new();
    let mut spans: Vec<usize> = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { path: &table.path, row, diags };
        let range = resolve_from(&mut cells, from, from_index);
        let target = resolve_to(&mut cells, to, to_index);
        let kind = match cells.raw(2) {
            "upstream" => Some(MappingKind::Upstream),
            "equivalent" => Some(MappingKind::Equivalent),
            "approximate" => Some(MappingKind::Approximate),
            other => {
                let other = other.to_owned();
                cells.err(format!("kind must be upstream, equivalent or approximate ({other:?})"));
                None
            }
        };
        let note = cells.raw(3).to_owned();
        if kind == Some(MappingKind::Approximate) && note.trim().is_empty() {
            cells.err("an approximate mapping needs a note saying why (\"\")".to_owned());
        }
        let (Some((lo, hi)), Some(target), Some(kind)) = (range, target, kind) else { continue };
        // Same specificity: the same span twice, or spans that overlap with
        // neither inside the other. Nesting is how a narrower row wins. A
        // single code sits inside any range that holds it, so singles can
        // only clash with the same single, and ranges with ranges.
        if lo == hi {
            if let Some(line) = single_lines.get(&lo) {
                cells.err(format!("covers the same codes as line {line} ({})", cells.raw(0)));
                continue;
            }
            single_lines.insert(lo, row.line);
        } else if let Some(other) = spans.iter().map(|&i| &rules[i]).find(|r| {
            let overlap = r.lo <= hi && lo <= r.hi;
            let nested = (r.lo <= lo && hi <= r.hi) || (lo <= r.lo && r.hi <= hi);
            overlap && (!nested || (r.lo == lo && r.hi == hi))
        }) {
            let what = if other.lo == lo && other.hi == hi { "covers the same codes as" } else { "overlaps without nesting" };
            cells.err(format!("{what} line {} ({})", other.line, cells.raw(0)));
            continue;
        } else {
            spans.push(rules.len());
        }
        rules.push(MappingRule { lo, hi, to: target, kind, note, line: row.line });
    }
    // Value order, whatever order the file lists them in: output never
    // depends on how rows happen to be arranged.
    rules.sort_by_key(|r| (r.lo, r.hi));
    rules
}

/// `from`: a code by name or number, or a range `lo..=hi`.
fn resolve_from(cells: &mut Cells<'_>, system: &System, index: &CodeIndex<'_>) -> Option<(i64, i64)> {
    let text = cells.raw(0).to_owned();
    if let Some((lo, hi)) = text.split_once("..=") {
        let (Ok(lo), Ok(hi)) = (lo.parse::<i64>(), hi.parse::<i64>()) else {
            cells.err(format!("range is not lo..=hi with two integers ({text:?})"));
            return None;
        };
        if lo >= hi || lo < system.min || hi > system.max {
            cells.err(format!(
                "range must be non-empty and within {}..={} of {} ({text:?})",
                system.min, system.max, system.id
            ));
            return None;
        }
        return Some((lo, hi));
    }
    let code = find_code(cells, system, index, &text, "from")?;
    Some((code, code))
}

/// `to`: a current code of the target system, by name or number.
fn resolve_to(cells: &mut Cells<'_>, system: &System, index: &CodeIndex<'_>) -> Option<i64> {
    let text = cells.raw(1).to_owned();
    let value = find_code(cells, system, index, &text, "to")?;
    if system.kind == SystemKind::Http && !system.codes.iter().any(|c| c.value == value && c.source == Some(0)) {
        cells.err(format!("target is not a registered HTTP status ({text:?})"));
        return None;
    }
    Some(value)
}

/// A system's offered codes by number and by name (upstream's or ours; the
/// first row that has the name wins).
struct CodeIndex<'a> {
    values: BTreeSet<i64>,
    names: HashMap<&'a str, i64>,
}

impl<'a> CodeIndex<'a> {
    fn new(system: &'a System) -> Self {
        let mut names = HashMap::new();
        for code in &system.codes {
            for name in [code.upstream_name.as_str(), code.name.as_str()] {
                if !name.is_empty() {
                    names.entry(name).or_insert(code.value);
                }
            }
        }
        CodeIndex { values: system.codes.iter().map(|c| c.value).collect(), names }
    }
}

fn find_code(cells: &mut Cells<'_>, system: &System, index: &CodeIndex<'_>, text: &str, column: &str) -> Option<i64> {
    let by_number = text.parse::<i64>().ok();
    let found = match by_number {
        Some(n) => index.values.contains(&n).then_some(n),
        None => index.names.get(text).copied(),
    };
    if found.is_some() {
        return found;
    }
    let matches = |c: &&Code| match by_number {
        Some(n) => c.value == n,
        None => !text.is_empty() && (c.upstream_name == text || c.name == text),
    };
    if system.retired.iter().any(|c| matches(&c)) {
        cells.err(format!("`{column}` is a removed code of {}; removed codes take no part in mappings ({text:?})", system.id));
    } else {
        cells.err(format!("`{column}` is not a code of {} ({text:?})", system.id));
    }
    None
}

// ---------------------------------------------------------------------------
// Small checks

/// Every C identifier the header will declare, so that no two collide: the
/// header's own fixed names, then everything data/ makes.
struct Names {
    /// Identifier -> where it comes from: an index into `paths` (`None`: the
    /// fixed API) and a line.
    c: HashMap<String, (Option<usize>, usize)>,
    paths: Vec<String>,
}

/// Names the header always declares.
const C_FIXED: &[&str] = &[
    "NETCODES_H", "NETCODES_NULL", "NETCODES_CAST", "NETCODES_VERSION_MAJOR", "NETCODES_VERSION_MINOR",
    "NETCODES_VERSION_PATCH", "NETCODES_VERSION_STRING", "NETCODES_DATA_VERSION", "NETCODES_CATEGORY_NONE",
    "NETCODES_RETRY_NONE", "NETCODES_STATUS_NONE", "NETCODES_MAPPING_UPSTREAM", "NETCODES_MAPPING_EQUIVALENT",
    "NETCODES_MAPPING_APPROXIMATE", "netcodes_entry", "netcodes_byte", "netcodes_compare_names",
    "netcodes_compare_folded", "netcodes_length", "netcodes_mapping", "netcodes_mapping_kind", "netcodes_mapping_kind_id",
    "netcodes_category", "netcodes_category_id", "netcodes_category_title", "netcodes_category_description",
    "netcodes_retry", "netcodes_retry_id", "netcodes_retry_title", "netcodes_retry_description", "netcodes_status",
    "netcodes_status_id",
];

/// Functions the header declares for every system, after `netcodes_<id>_`.
const C_PER_SYSTEM: &[&str] = &[
    "entry", "is_known", "name", "description", "category", "retry", "group", "group_of", "group_id", "group_title",
    "from_name", "is_retired", "meaning_count", "meaning", "reason", "from_reason",
];

/// System ids whose `netcodes_<id>_` prefix the fixed names already use.
const RESERVED_SYSTEM_IDS: &[&str] =
    &["mapping", "category", "retry", "status", "compare", "byte", "entry", "version", "data"];

impl Default for Names {
    fn default() -> Self {
        let mut names = Names { c: HashMap::new(), paths: Vec::new() };
        for ident in C_FIXED {
            names.reserve((*ident).to_owned());
        }
        names
    }
}

impl Names {
    fn reserve(&mut self, ident: String) {
        self.c.entry(ident).or_insert((None, 0));
    }

    fn claim_c(&mut self, ident: String, path: &str, line: usize, diags: &mut Diagnostics) {
        if let Some(&(path_index, first_line)) = self.c.get(&ident) {
            let origin = match path_index {
                None => "the fixed API of netcodes.h".to_owned(),
                Some(i) if first_line > 0 => format!("{}:{first_line}", self.paths[i]),
                Some(i) => self.paths[i].clone(),
            };
            diags.push(
                path,
                (line > 0).then_some(line),
                format!("C identifier {ident} is already declared for {origin} ({ident})"),
            );
        } else {
            let index = match self.paths.iter().position(|p| p == path) {
                Some(index) => index,
                None => {
                    self.paths.push(path.to_owned());
                    self.paths.len() - 1
                }
            };
            self.c.insert(ident, (Some(index), line));
        }
    }
}

fn check_lower_id(id: &str, what: &str, path: &str, line: usize, diags: &mut Diagnostics) {
    if !spell::is_lower_snake(id) {
        diags.at(path, line, format!("{what} is not a lower_snake identifier ({id:?})"));
    } else if let Some(language) = [id.to_owned(), spell::upper_camel(id)].iter().find_map(|s| spell::keyword_language(s)) {
        diags.at(path, line, format!("{what} is, or becomes, a keyword in {language} ({id:?})"));
    }
}

fn check_text(text: &str, what: &str, path: &str, line: usize, diags: &mut Diagnostics) {
    if text.trim().is_empty() {
        diags.at(path, line, format!("{what} is empty ({text:?})"));
    } else if text.contains('\0') {
        diags.at(path, line, format!("{what} holds a NUL character, which C strings cannot carry ({text:?})"));
    }
}
