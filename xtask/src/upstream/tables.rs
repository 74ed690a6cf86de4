//! Our side: the rows of a code table, read with codegen's own CSV reader.
//!
//! Only the facts upstream also has (name, value, status, reason) are read,
//! and the table does not have to validate as a whole: right after `--apply`
//! the new rows have empty descriptions and no mappings yet, and comparing
//! (or applying again) must still work then.

use std::path::Path;

use codegen::diag::Diagnostics;
use codegen::load::{display_path, read_csv, read_toml};
use serde::Deserialize;

/// The three upstreams, in the order reports list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum System {
    Chromium,
    Qt,
    Iana,
}

impl System {
    pub const ALL: [System; 3] = [System::Chromium, System::Qt, System::Iana];

    /// The label of report lines and the command-line option.
    pub fn label(self) -> &'static str {
        match self {
            System::Chromium => "chromium",
            System::Qt => "qt",
            System::Iana => "iana",
        }
    }

    /// The system's folder under data/.
    pub fn folder(self) -> &'static str {
        match self {
            System::Chromium => "chromium",
            System::Qt => "qt",
            System::Iana => "http",
        }
    }

    /// The code table under data/.
    pub fn table(self) -> String {
        format!("{}/codes.csv", self.folder())
    }

    /// Every column of the table, as the files have them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            System::Chromium => &[
                "name",
                "value",
                "group",
                "status",
                "category",
                "retry",
                "certificate_error",
                "client_certificate_error",
                "description",
            ],
            System::Qt => &["name", "value", "group", "status", "since", "category", "retry", "description"],
            System::Iana => &[
                "value",
                "source",
                "ident",
                "name",
                "status",
                "category",
                "retry",
                "empty_body",
                "reference",
                "description",
            ],
        }
    }

    /// How a code is shown in reports: `ERR_NAME_NOT_RESOLVED`, `HostNotFoundError`, `"Not Found"`.
    pub fn show(self, name: &str) -> String {
        match self {
            System::Chromium if name.is_empty() || name == "OK" => name.to_owned(),
            System::Chromium => format!("ERR_{name}"),
            System::Qt => name.to_owned(),
            System::Iana => format!("{name:?}"),
        }
    }
}

/// The HTTP table's source id for registry rows.
pub const IANA_SOURCE: &str = "iana";

/// One row's facts.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    /// Upstream name (Qt, Chromium) or reason phrase (HTTP).
    pub name: String,
    pub value: i64,
    pub status: String,
}

#[derive(Debug)]
pub struct Table {
    pub system: System,
    /// `data/chromium/codes.csv`
    pub path: String,
    /// Registry rows only, for HTTP.
    pub rows: Vec<Row>,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Group {
    pub id: String,
    pub min: i64,
    pub max: i64,
}

impl Table {
    /// The group whose range holds `value`; empty if none does.
    pub fn group_of(&self, value: i64) -> String {
        self.groups.iter().find(|g| (g.min..=g.max).contains(&value)).map(|g| g.id.clone()).unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    group: Vec<Group>,
}

/// Reads the table of `system` from the data directory, or every layout problem.
pub fn read(data: &Path, system: System) -> Result<Table, Vec<String>> {
    let mut diags = Diagnostics::default();
    let csv_rel = system.table();
    let meta = read_toml::<Meta>(data, &format!("{}/system.toml", system.folder()), &mut diags);
    let table = read_csv(data, &csv_rel, system.columns(), &[], &mut diags);
    let (Some((meta, _)), Some(table), true) = (meta, table, diags.is_empty()) else {
        return Err(diags.into_sorted().iter().map(ToString::to_string).collect());
    };
    let path = display_path(&csv_rel);
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for row in &table.rows {
        let (name, value, status) = match system {
            System::Chromium | System::Qt => (row.get(0), row.get(1), row.get(3)),
            System::Iana if row.get(1) != IANA_SOURCE => continue,
            System::Iana => (row.get(3), row.get(0), row.get(4)),
        };
        match value.parse::<i64>() {
            Ok(value) => rows.push(Row { line: row.line, name: name.to_owned(), value, status: status.to_owned() }),
            Err(_) => problems.push(format!("{path}:{}: value is not an integer ({value:?})", row.line)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Table { system, path, rows, groups: meta.group })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows read here are the codes codegen's validated model holds:
    /// same names, values and statuses (HTTP: the registry's reasons).
    #[test]
    fn rows_agree_with_the_model() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let model = codegen::load(&data).expect("data/ validates");
        for system in System::ALL {
            let table = read(&data, system).unwrap();
            let mut ours: Vec<(String, i64, String)> =
                table.rows.iter().map(|r| (r.name.clone(), r.value, r.status.clone())).collect();
            let modelled = model.systems.iter().find(|s| s.id == system.folder()).unwrap();
            let mut theirs: Vec<(String, i64, String)> = modelled
                .codes
                .iter()
                .chain(&modelled.retired)
                .filter(|c| c.source == 0)
                .map(|c| (c.upstream_name.clone(), c.value, model.vocabulary.statuses[c.status].id.clone()))
                .collect();
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{}", system.label());
            assert!(ours.len() > 30, "{}: {} rows", system.label(), ours.len());
        }
    }
}
