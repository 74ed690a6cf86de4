//! Our side: which systems have an upstream file to compare with (the
//! `[sync]` table of their system.toml), and the rows of their code tables,
//! read with codegen's own readers.
//!
//! Only the facts upstream also has (name, value, status) are read, and the
//! table does not have to validate as a whole: right after `--apply` the new
//! rows have empty descriptions and no mappings yet, and comparing (or
//! applying again) must still work then.

use std::path::Path;

use codegen::diag::Diagnostics;
use codegen::load::{display_path, read_csv, read_toml};
use serde::Deserialize;

/// The formats of upstream files `upstream diff` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Chromium's `net/base/net_error_list.h`: `NET_ERROR(NAME, value)` lines.
    NetErrorList,
    /// One enum of a C or C++ header (`enum NAME { ... }` or `typedef enum { ... } NAME;`).
    CEnum,
    /// One enum of a protobuf file (`enum NAME { A = 0; ... }`).
    ProtoEnum,
    /// One IANA registry as the CSV iana.org offers for download.
    IanaCsv,
}

/// `[sync]` in system.toml: the upstream file the table follows and how to read it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sync {
    pub format: Format,
    /// What upstream calls the file (`include/curl/curl.h`, `tls-parameters-6.csv`).
    pub file: String,
    /// `c_enum`, `proto_enum`: the enum's name.
    #[serde(default, rename = "enum")]
    pub enum_name: Option<String>,
    /// `iana_csv`: the registry's header row, exactly.
    #[serde(default)]
    pub columns: Vec<String>,
    /// `iana_csv`: the column holding the upstream name (the value is the first column).
    #[serde(default)]
    pub name_column: Option<String>,
    /// `iana_csv`: the column holding the reference (`[RFC9110, Section 15.2.1]`), if any.
    #[serde(default)]
    pub reference_column: Option<String>,
    /// Upstream names that are no codes: sentinels (`CURL_LAST`), and
    /// registry entries for a value that reserve it rather than assign it.
    #[serde(default)]
    pub not_codes: Vec<String>,
    /// `iana_csv`: how the registry marks a status in the name column.
    #[serde(default)]
    pub mark: Vec<Mark>,
}

/// A name that ends in `text` has `status` in the registry (`(OBSOLETED)`:
/// `obsolete`); with `keep = false` the text is no part of the name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub text: String,
    pub status: String,
    #[serde(default)]
    pub keep: bool,
}

/// A code system with an upstream file, as its system.toml describes it.
#[derive(Debug, Clone)]
pub struct System {
    /// The folder under data/, the label of report lines and the option (`--tls`).
    pub id: String,
    pub sync: Sync,
    pub statuses: Vec<String>,
    /// `min` and `max`: the values the system's type holds.
    pub bounds: (i64, i64),
    pub several_meanings: bool,
    /// `display = "number"`: a code is shown as `404 "Not Found"`, else as `NAME (value)`.
    pub display_number: bool,
    /// `name_style = "text"`: names are free text, shown quoted.
    pub text_names: bool,
    pub name_prefix: String,
    pub unprefixed: Vec<String>,
    /// What upstream calls a name (`reason`), for report lines.
    pub name_alias: String,
    /// Digits of a hexadecimal value (`0x0d`), where upstream prints them so.
    pub hex_width: Option<usize>,
    pub groups: Vec<Group>,
    /// The first `[[origin]]`: the rows of the system's own upstream, where a `source` column tells.
    pub own_source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Group {
    pub id: String,
    pub min: i64,
    pub max: i64,
}

#[derive(Deserialize)]
struct Meta {
    statuses: Vec<String>,
    min: i64,
    max: i64,
    #[serde(default)]
    several_meanings: bool,
    display: String,
    name_style: String,
    #[serde(default)]
    name_prefix: Option<String>,
    #[serde(default)]
    unprefixed: Vec<String>,
    #[serde(default)]
    name_alias: Option<String>,
    #[serde(default)]
    value_format: Option<String>,
    #[serde(default)]
    hex_width: Option<usize>,
    #[serde(default)]
    group: Vec<Group>,
    #[serde(default)]
    origin: Vec<Origin>,
    #[serde(default)]
    sync: Option<Sync>,
}

#[derive(Deserialize)]
struct Origin {
    id: String,
}

impl System {
    /// The code table under data/.
    pub fn table(&self) -> String {
        format!("{}/codes.csv", self.id)
    }

    /// How a name is shown in reports: `ERR_NAME_NOT_RESOLVED`, `HostNotFoundError`, `"Not Found"`.
    pub fn show(&self, name: &str) -> String {
        let prefixed = if name.is_empty() || self.unprefixed.iter().any(|u| u == name) {
            name.to_owned()
        } else {
            format!("{}{name}", self.name_prefix)
        };
        if self.text_names { format!("{prefixed:?}") } else { prefixed }
    }

    /// A value as upstream prints it: `404`, `-105`, `0x0d`.
    pub fn value(&self, value: i64) -> String {
        match self.hex_width {
            Some(width) => format!("0x{value:0width$x}"),
            None => value.to_string(),
        }
    }

    /// A code in reports: `404 "Not Found"`, `ERR_NAME_NOT_RESOLVED (-105)`, or the bare value without a name.
    pub fn code(&self, name: &str, value: i64) -> String {
        let value = self.value(value);
        match (self.display_number, name.is_empty()) {
            (_, true) => value,
            (true, false) => format!("{value} {}", self.show(name)),
            (false, false) => format!("{} ({value})", self.show(name)),
        }
    }

    /// The status `--apply` gives a code upstream no longer has: `removed`
    /// where the system has it, else `obsolete` (HTTP, TLS). A system with
    /// neither gets `removed`, which `generate` then refuses until a person
    /// decides.
    pub fn removal_status(&self) -> &'static str {
        if !self.statuses.iter().any(|s| s == "removed") && self.statuses.iter().any(|s| s == "obsolete") {
            "obsolete"
        } else {
            "removed"
        }
    }

    /// The group whose range holds `value`; empty if none does.
    pub fn group_of(&self, value: i64) -> String {
        self.groups.iter().find(|g| (g.min..=g.max).contains(&value)).map(|g| g.id.clone()).unwrap_or_default()
    }
}

/// Every system of data/ whose system.toml has a `[sync]` table, in id order;
/// or every problem found reading them.
pub fn systems(data: &Path) -> Result<Vec<System>, Vec<String>> {
    let mut ids: Vec<String> = std::fs::read_dir(data)
        .map_err(|err| vec![format!("{}: cannot read the directory ({err})", data.display())])?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("system.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    let mut diags = Diagnostics::default();
    let mut systems = Vec::new();
    let mut problems = Vec::new();
    for id in ids {
        let relative = format!("{id}/system.toml");
        let Some((meta, text)) = read_toml::<Meta>(data, &relative, &mut diags) else { continue };
        let Some(sync) = meta.sync else { continue };
        let line = text.lines().position(|l| l.trim() == "[sync]").map_or(1, |i| i + 1);
        let sync_at = format!("{}:{line}", display_path(&relative));
        let needs = |what: &str, ok: bool| (!ok).then(|| format!("{sync_at}: [sync] of this format needs {what}"));
        problems.extend(match sync.format {
            Format::CEnum | Format::ProtoEnum => needs("`enum`", sync.enum_name.is_some()),
            Format::IanaCsv => needs(
                "`columns` and a `name_column` among them",
                sync.name_column.as_ref().is_some_and(|n| sync.columns.contains(n))
                    && sync.reference_column.as_ref().is_none_or(|r| sync.columns.contains(r)),
            ),
            Format::NetErrorList => None,
        });
        for mark in &sync.mark {
            if !meta.statuses.contains(&mark.status) {
                problems.push(format!("{sync_at}: mark {:?} gives status {:?}, which `statuses` lacks", mark.text, mark.status));
            }
        }
        systems.push(System {
            id,
            sync,
            statuses: meta.statuses,
            bounds: (meta.min, meta.max),
            several_meanings: meta.several_meanings,
            display_number: meta.display == "number",
            text_names: meta.name_style == "text",
            name_prefix: meta.name_prefix.unwrap_or_default(),
            unprefixed: meta.unprefixed,
            name_alias: meta.name_alias.unwrap_or_else(|| "name".to_owned()),
            hex_width: (meta.value_format.as_deref() == Some("hex")).then(|| meta.hex_width.unwrap_or(1)),
            groups: meta.group,
            own_source: meta.origin.first().map(|o| o.id.clone()),
        });
    }
    problems.extend(diags.into_sorted().iter().map(ToString::to_string));
    if problems.is_empty() { Ok(systems) } else { Err(problems) }
}

/// One row's facts.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    /// Upstream name (reason phrase for HTTP).
    pub name: String,
    pub value: i64,
    pub status: String,
}

#[derive(Debug)]
pub struct Table {
    /// `data/chromium/codes.csv`
    pub path: String,
    /// The rows of the system's own upstream (HTTP: the registry's, not the vendors').
    pub rows: Vec<Row>,
}

/// The columns every code table has.
const REQUIRED: [&str; 3] = ["value", "name", "status"];

/// Reads the table of `system` from the data directory, or every layout problem.
pub fn read(data: &Path, system: &System) -> Result<Table, Vec<String>> {
    let mut diags = Diagnostics::default();
    let csv_rel = system.table();
    let path = display_path(&csv_rel);
    // The header decides which columns there are; codegen's reader checks them.
    let header: Vec<String> = std::fs::read_to_string(data.join(&csv_rel))
        .map_err(|err| vec![format!("{path}: cannot read file ({err})")])?
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .map(str::to_owned)
        .collect();
    let optional: Vec<&str> = header.iter().map(String::as_str).filter(|c| !REQUIRED.contains(c)).collect();
    let table = read_csv(data, &csv_rel, &REQUIRED, &optional, &mut diags);
    let (Some(table), true) = (table, diags.is_empty()) else {
        return Err(diags.into_sorted().iter().map(ToString::to_string).collect());
    };
    let source = table.columns.iter().position(|c| c == "source");
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for row in &table.rows {
        if let (Some(column), Some(own)) = (source, &system.own_source)
            && row.get(column) != own
        {
            continue;
        }
        let (value, name, status) = (row.get(0), row.get(1), row.get(2));
        match value.parse::<i64>() {
            Ok(value) => rows.push(Row { line: row.line, name: name.to_owned(), value, status: status.to_owned() }),
            Err(_) => problems.push(format!("{path}:{}: value is not an integer ({value:?})", row.line)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Table { path, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows read here are the codes codegen's validated model holds:
    /// same names, values and statuses (HTTP: the registry's reasons), for
    /// every system with an upstream file.
    #[test]
    fn rows_agree_with_the_model() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let model = codegen::load(&data).expect("data/ validates");
        let systems = systems(&data).unwrap();
        let ids: Vec<&str> = systems.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["chromium", "curl", "dns", "grpc", "http", "http2", "http3", "qt", "tls", "websocket"]);
        for system in &systems {
            let table = read(&data, system).unwrap();
            let mut ours: Vec<(String, i64, String)> =
                table.rows.iter().map(|r| (r.name.clone(), r.value, r.status.clone())).collect();
            let modelled = model.systems.iter().find(|s| s.id == system.id).unwrap();
            let mut theirs: Vec<(String, i64, String)> = modelled
                .codes
                .iter()
                .chain(&modelled.retired)
                .filter(|c| c.source == 0)
                .map(|c| (c.upstream_name.clone(), c.value, model.vocabulary.statuses[c.status].id.clone()))
                .collect();
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{}", system.id);
            assert!(ours.len() >= 14, "{}: {} rows", system.id, ours.len());
        }
    }
}
