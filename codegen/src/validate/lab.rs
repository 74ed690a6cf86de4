//! The failure lab: `data/failure_lab/lab.toml` (the clients and which of
//! them are compared), `cases.csv` (the failures staged) and `reports.csv`
//! (what each client reported for each), and what they prove about the
//! mapping rows: a row whose codes two clients reported for the same case is
//! confirmed (`observed`) or contradicted (`differs`), and the row says so.

use std::collections::BTreeMap;
use std::path::Path;

use super::cells::Cells;
use super::names::{check_lower_id, check_text, system_index};
use super::schema::LabToml;
use crate::diag::{Diagnostics, Reported};
use crate::load::{CsvTable, display_path, line_of, read_csv, read_toml};
use crate::model::*;
use crate::spell;

/// The folder of `data/` that holds the failure lab rather than a code system.
pub const LAB_FOLDER: &str = "failure_lab";

/// The lab's files, under [`LAB_FOLDER`].
const LAB_FILES: [&str; 3] = ["lab.toml", "cases.csv", "reports.csv"];

/// Loads the lab, if `data/` has one. `clean[i]`: system i's own files had no
/// problem; `all_loaded`: every system's metadata loaded. The lab is checked
/// only against systems that are all in order: while one is not, its own
/// problems are reported instead of every client and report that names it.
pub fn load_lab(
    root: &Path,
    systems: &[System],
    (clean, all_loaded): (&[bool], bool),
    mappings: &[Mapping],
    diags: &mut Diagnostics,
) -> Option<Lab> {
    if !root.join(LAB_FOLDER).exists() {
        return None;
    }
    if !all_loaded || clean.contains(&false) {
        for file in LAB_FILES {
            diags.note_read(&format!("{LAB_FOLDER}/{file}"));
        }
        return None;
    }
    let [toml_file, cases_file, reports_file] = LAB_FILES;
    let toml_rel = format!("{LAB_FOLDER}/{toml_file}");
    let toml_path = display_path(&toml_rel);
    let meta = read_toml::<LabToml>(root, &toml_rel, diags);
    let cases_table = read_csv(root, &format!("{LAB_FOLDER}/{cases_file}"), &["case", "title", "staging"], &["note"], diags);
    let reports_table = read_csv(root, &format!("{LAB_FOLDER}/{reports_file}"), &["case", "client", "code", "status"], &["also"], diags);
    let (meta, text) = meta?;
    check_text(&meta.title, "title", &toml_path, 1, diags);
    check_text(&meta.description, "description", &toml_path, 1, diags);
    let system_of = |key: &toml::Spanned<String>, what: &str, diags: &mut Diagnostics| {
        system_index(systems, key, &format!("{what} is not a system"), &toml_path, &text, Some(diags))
    };
    let status_system = system_of(&meta.status_system, "status_system", diags);

    let mut clients: Vec<LabClient> = Vec::new();
    for client in meta.client {
        let line = line_of(&text, client.id.span().start);
        let id = client.id.into_inner();
        if !check_lower_id(&id, "client id", &toml_path, line, diags) {
            continue;
        }
        if clients.iter().any(|c| c.id == id) {
            diags.at(&toml_path, line, format!("client listed twice ({id:?})"));
            continue;
        }
        check_text(&client.title, "title", &toml_path, line, diags);
        check_text(&client.version, "version", &toml_path, line, diags);
        check_text(&client.reads, "reads", &toml_path, line, diags);
        let system = match &client.system {
            Some(key) => match system_of(key, "system", diags) {
                Some(system) => Some(system),
                None => continue,
            },
            None => None,
        };
        clients.push(LabClient { id, title: client.title, system, version: client.version, reads: client.reads });
    }
    if clients.is_empty() {
        diags.at(&toml_path, 1, "no [[client]] entries");
    }

    let mut checks: Vec<LabCheck> = Vec::new();
    for check in &meta.check {
        let line = line_of(&text, check.from.span().start);
        let client_of = |key: &toml::Spanned<String>, diags: &mut Diagnostics| {
            let found = clients.iter().position(|c| &c.id == key.get_ref());
            match found {
                None => diags.at(&toml_path, line, format!("check names an unknown client ({:?})", key.get_ref())),
                Some(at) if clients[at].system.is_none() => diags.at(
                    &toml_path,
                    line,
                    format!("check names a client whose codes belong to no system, so no mapping can compare them ({:?})", key.get_ref()),
                ),
                Some(_) => return found,
            }
            None
        };
        let (Some(from), Some(to)) = (client_of(&check.from, diags), client_of(&check.to, diags)) else { continue };
        if from == to || checks.iter().any(|c| c.from == from && c.to == to) {
            diags.at(&toml_path, line, format!("check of {} against itself or listed twice", clients[from].id));
            continue;
        }
        checks.push(LabCheck { from, to });
    }

    let (Some(cases_table), Some(reports_table), Some(status_system)) = (cases_table, reports_table, status_system) else {
        return None;
    };
    let mut cases = read_cases(&cases_table, clients.len(), checks.len(), diags);
    let present = read_reports(&reports_table, &mut cases, &clients, systems, status_system, diags);
    for (index, case) in cases.iter().enumerate() {
        let missing: Vec<&str> =
            clients.iter().enumerate().filter(|(c, _)| !present.contains_key(&(index, *c))).map(|(_, c)| c.id.as_str()).collect();
        if !missing.is_empty() {
            diags.at(&cases_table.path, case.line, format!("no report in {} from {} ({})", reports_table.path, missing.join(", "), case.id));
        }
    }
    let mut lab = Lab {
        title: meta.title,
        description: meta.description,
        status_system,
        clients,
        checks,
        cases,
        page: "failure-lab.md".to_owned(),
        cases_path: cases_table.path.clone(),
        reports_path: reports_table.path.clone(),
    };
    for case in &mut lab.cases {
        case.comparisons =
            lab.checks.iter().map(|check| compare(systems, mappings, &lab.clients, status_system, check, &case.reports)).collect();
    }
    Some(lab)
}

fn read_cases(table: &CsvTable, clients: usize, checks: usize, diags: &mut Diagnostics) -> Vec<LabCase> {
    let mut cases: Vec<LabCase> = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { table, row, diags };
        let parsed = (|| -> Result<LabCase, Reported> {
            let id = cells.raw("case").to_owned();
            let valid = if spell::is_lower_snake(&id) {
                Ok(())
            } else {
                Err(cells.err(format!("case is not a lower_snake identifier ({id:?})")))
            };
            let title = cells.text("title");
            let staging = cells.text("staging");
            let note = cells.optional_raw("note").to_owned();
            let (title, staging) = (title?, staging?);
            valid?;
            if let Some(first) = cases.iter().find(|c| c.id == id) {
                return Err(cells.err(format!("case listed twice (first on line {}) ({id:?})", first.line)));
            }
            let anchor = format!("case-{}", spell::kebab(&id));
            let empty = LabReport { code: None, status: None, also: Vec::new(), line: 0 };
            Ok(LabCase { id, title, staging, note, anchor, reports: vec![empty; clients], comparisons: Vec::with_capacity(checks), line: row.line })
        })();
        if let Ok(case) = parsed {
            cases.push(case);
        }
    }
    // By id, whatever order the file lists them in: output never depends on
    // where a row happens to sit.
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases
}

fn read_reports(
    table: &CsvTable,
    cases: &mut [LabCase],
    clients: &[LabClient],
    systems: &[System],
    status_system: usize,
    diags: &mut Diagnostics,
) -> BTreeMap<(usize, usize), usize> {
    // (case, client) -> line of every report row, valid or not.
    let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for row in &table.rows {
        let mut cells = Cells { table, row, diags };
        let parsed = (|| -> Result<(usize, usize, LabReport), Reported> {
            let case_id = cells.raw("case").to_owned();
            let case = cases.iter().position(|c| c.id == case_id).ok_or_else(|| {
                cells.err(format!("case is not a case of data/{LAB_FOLDER}/cases.csv ({case_id:?})"))
            });
            let client_id = cells.raw("client").to_owned();
            let client = clients.iter().position(|c| c.id == client_id).ok_or_else(|| {
                cells.err(format!("client is not a [[client]] of data/{LAB_FOLDER}/lab.toml ({client_id:?})"))
            });
            let (case, client) = (case?, client?);
            if let Some(first) = seen.insert((case, client), row.line) {
                return Err(cells.err(format!("a second report of {client_id} for this case (first on line {first}) ({case_id:?})")));
            }
            let text = cells.raw("code").to_owned();
            let code = lab_code(&mut cells, "code", text, &clients[client], systems)?;
            let others: Vec<String> = cells.optional_raw("also").split(';').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
            let mut also = Vec::new();
            for text in others {
                let Some(other) = lab_code(&mut cells, "also", text.clone(), &clients[client], systems)? else { continue };
                if code.as_ref() == Some(&other) || also.contains(&other) {
                    return Err(cells.err(format!("also lists the report's own code, or a code twice ({text:?})")));
                }
                also.push(other);
            }
            let status = match cells.raw("status") {
                "" => None,
                _ => {
                    let value = cells.int("status")?;
                    let system = &systems[status_system];
                    if system.primary(value).is_none() {
                        return Err(cells.err(format!("status is not a code of {} ({value})", system.id)));
                    }
                    Some(value)
                }
            };
            Ok((case, client, LabReport { code, status, also, line: row.line }))
        })();
        if let Ok((case, client, report)) = parsed {
            cases[case].reports[client] = report;
        }
    }
    seen
}

/// A code a client reported, as written in `column`: the name of a code of
/// the client's system, or for a client without one, the code as text (one
/// line, no `;`, which separates the codes of `also`). `None` for an empty
/// field.
fn lab_code(
    cells: &mut Cells<'_>,
    column: &str,
    text: String,
    client: &LabClient,
    systems: &[System],
) -> Result<Option<LabCode>, Reported> {
    match client.system {
        _ if text.is_empty() => Ok(None),
        Some(system) => {
            let system = &systems[system];
            match system.codes.iter().find(|c| !c.upstream_name.is_empty() && (c.name == text || c.upstream_name == text)) {
                Some(code) => Ok(Some(LabCode::Value(code.value))),
                // A row with a problem of its own: that problem is reported, and the report goes with it.
                None => match system.pending.iter().find(|row| row.name == text) {
                    Some(row) => Err(row.reported),
                    None => Err(cells.err(format!("{column} is not the name of a code of {} ({text:?})", system.id))),
                },
            }
        }
        None if text.trim().is_empty() || text.contains(['\0', '\n', ';']) => {
            Err(cells.err(format!("{column} is not one line of text without `;` ({text:?})")))
        }
        None => Ok(Some(LabCode::Text(text))),
    }
}

/// What a client's report stands for in a comparison: its code, or where it
/// reported no code but a status (Chromium showing a server's error page as
/// it came), the status. `None`: nothing to compare.
fn reported(client: &LabClient, status_system: usize, report: &LabReport) -> Option<(usize, i64)> {
    match (&report.code, report.status) {
        (Some(LabCode::Value(value)), _) => Some((client.system?, *value)),
        (None, Some(status)) => Some((status_system, status)),
        _ => None,
    }
}

fn compare(
    systems: &[System],
    mappings: &[Mapping],
    clients: &[LabClient],
    status_system: usize,
    check: &LabCheck,
    reports: &[LabReport],
) -> LabComparison {
    let (from, to) = (&clients[check.from], &clients[check.to]);
    let Some((from_system, value)) = reported(from, status_system, &reports[check.from]) else {
        return LabComparison::NotComparable(format!("{} reported nothing", from.title));
    };
    let Some((to_system, expected)) = reported(to, status_system, &reports[check.to]) else {
        return LabComparison::NotComparable(format!("{} reported nothing", to.title));
    };
    let Some(mapping) = mappings.iter().position(|m| m.from == from_system && m.to == to_system) else {
        return LabComparison::NotComparable(format!(
            "no mapping from {} to {}",
            systems[from_system].title, systems[to_system].title
        ));
    };
    match mappings[mapping].rule_for(value) {
        Some(rule) => {
            let at = mappings[mapping].rules.iter().position(|r| std::ptr::eq(r, rule)).expect("a rule of the mapping");
            LabComparison::Compared { mapping, rule: at, agrees: rule.to == expected }
        }
        None => LabComparison::NotComparable(format!("no row of {} covers it", mappings[mapping].table_path)),
    }
}

/// Each mapping row cites exactly the failure-lab cases that compared two
/// clients' codes through it: in `observed` those where the row gave what the
/// other client reported, in `differs` those where it did not (and then the
/// row must be of a kind that says why, `approximate`). Problems are
/// reported at the row.
pub fn check_rows(lab: Option<&Lab>, systems: &[System], mappings: &[Mapping], vocabulary: &Vocabulary, diags: &mut Diagnostics) {
    // (mapping, rule) -> the cases that compared through it (case, check, whether the row held).
    type Comparisons<'a> = Vec<(&'a LabCase, usize, bool)>;
    let mut touched: BTreeMap<(usize, usize), Comparisons> = BTreeMap::new();
    for case in lab.iter().flat_map(|lab| &lab.cases) {
        for (check, comparison) in case.comparisons.iter().enumerate() {
            if let LabComparison::Compared { mapping, rule, agrees } = comparison {
                touched.entry((*mapping, *rule)).or_default().push((case, check, *agrees));
            }
        }
    }
    for (mapping_index, mapping) in mappings.iter().enumerate() {
        for (rule_index, rule) in mapping.rules.iter().enumerate() {
            let here = touched.get(&(mapping_index, rule_index)).map_or(&[][..], Vec::as_slice);
            let at = |diags: &mut Diagnostics, message: String| diags.at(&mapping.table_path, rule.line, message);
            for (column, cited, agrees) in [("observed", &rule.observed, true), ("differs", &rule.differs, false)] {
                for case in cited {
                    let Some(lab) = lab else {
                        at(diags, format!("{column} cites a failure-lab case, but data/ has no data/{LAB_FOLDER}/ ({case:?})"));
                        continue;
                    };
                    if lab.case(case).is_none() {
                        at(diags, format!("{column} cites a case that {} does not have ({case:?})", lab.cases_path));
                    } else if !here.iter().any(|(c, _, held)| c.id == *case && *held == agrees) {
                        let what = if here.iter().any(|(c, _, _)| c.id == *case) {
                            if agrees { "the case contradicts this row; cite it in differs" } else { "the case confirms this row; cite it in observed" }
                        } else {
                            "the case compares no client's codes through this row"
                        };
                        at(diags, format!("{column} cites {case}, but {what} ({case:?})"));
                    }
                }
            }
            let Some(lab) = lab else { continue };
            for (case, check, agrees) in here {
                let seen = describe(lab, systems, case, &lab.checks[*check]);
                // A case cited in the other column is reported above.
                if !rule.observed.contains(&case.id) && !rule.differs.contains(&case.id) {
                    let column = if *agrees { "observed" } else { "differs" };
                    let verdict = if *agrees { "confirms" } else { "contradicts" };
                    at(diags, format!("the failure lab's case {} {verdict} this row ({seen}); cite it in {column} ({:?})", case.id, case.id));
                }
                if !agrees && !vocabulary.mapping_kinds[rule.kind].needs_note {
                    let kinds: Vec<&str> = vocabulary.mapping_kinds.iter().filter(|k| k.needs_note).map(|k| k.id.as_str()).collect();
                    at(
                        diags,
                        format!(
                            "the failure lab's case {} contradicts this row ({seen}): correct the row, or make it {} and say why ({:?})",
                            case.id,
                            kinds.join(" or "),
                            vocabulary.mapping_kinds[rule.kind].id
                        ),
                    );
                }
            }
        }
    }
}

/// What two clients reported in a case: `Chromium ERR_ABORTED, Qt ProtocolUnknownError`.
fn describe(lab: &Lab, systems: &[System], case: &LabCase, check: &LabCheck) -> String {
    [check.from, check.to]
        .iter()
        .map(|&client| format!("{} {}", lab.clients[client].title, lab.report_text(systems, client, &case.reports[client])))
        .collect::<Vec<_>>()
        .join(", ")
}
