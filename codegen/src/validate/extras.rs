//! A system's optional tables: `symbols.csv` (what other ecosystems call
//! each code) and `former_names.csv` (names upstream used before).

use std::collections::BTreeMap;
use std::path::Path;

use super::cells::Cells;
use crate::diag::{Diagnostics, Reported};
use crate::load::read_csv;
use crate::model::*;

/// The release columns of `symbols.csv`, in the order a name lives through them.
const SYMBOL_RELEASES: [&str; 4] = ["since", "alias_since", "deprecated_since", "removed_since"];

/// `data/<id>/symbols.csv`, required exactly when the system declares ecosystems.
pub fn load_symbols(root: &Path, system: &mut System, diags: &mut Diagnostics) {
    let relative = format!("{}/symbols.csv", system.id);
    if system.ecosystems.is_empty() && !root.join(&relative).exists() {
        return;
    }
    let optional = ["source", "alias_since", "deprecated_since", "removed_since"];
    let Some(table) = read_csv(root, &relative, &["value", "ecosystem", "name", "kind", "since"], &optional, diags) else {
        return;
    };
    let mut symbols: Vec<Symbol> = Vec::new();
    let mut seen: BTreeMap<(i64, usize, String), usize> = BTreeMap::new();
    for row in &table.rows {
        let mut cells = Cells { table: &table, row, diags };
        let parsed = (|| -> Result<Symbol, Reported> {
            let value = cells.int("value").and_then(|value| {
                if system.primary(value).is_some() {
                    Ok(value)
                } else {
                    Err(cells.err(format!("value is not a code of {} ({value})", system.table_path)))
                }
            });
            let meaning = value.as_ref().ok().map(|&value| meaning_source(&mut cells, system, value));
            let eco_id = cells.raw("ecosystem").to_owned();
            let ecosystem = system.ecosystems.iter().position(|e| e.id == eco_id).ok_or_else(|| {
                cells.err(format!("unknown ecosystem; see [[ecosystem]] in data/{}/system.toml ({eco_id:?})", system.id))
            });
            let name = cells.text("name");
            let kind = cells.choice("kind", &["primary", "alias"]);
            let releases = releases(&mut cells);
            let (value, ecosystem, name, kind) = (value?, ecosystem?, name?, kind?);
            let source = meaning.expect("a value was read")?;
            let [since, alias_since, deprecated_since, removed_since] = releases?;
            if alias_since.is_some() && kind == 0 {
                return Err(cells.err(format!(
                    "alias_since says the name stopped being the primary one, but its kind is primary ({name:?})"
                )));
            }
            if let Some(first) = seen.insert((value, ecosystem, name.clone()), row.line) {
                return Err(cells.err(format!("symbol listed twice for {value} in {eco_id} (first on line {first}) ({name:?})")));
            }
            Ok(Symbol { value, source, ecosystem, name, primary: kind == 0, since, alias_since, deprecated_since, removed_since })
        })();
        if let Ok(symbol) = parsed {
            symbols.push(symbol);
        }
    }
    symbols.sort_by(|a, b| {
        (a.value, a.source, a.ecosystem, !a.primary, &a.name).cmp(&(b.value, b.source, b.ecosystem, !b.primary, &b.name))
    });
    system.symbols = symbols;
    // Each meaning points at its run of symbols.
    for code in &mut system.codes {
        let key = (code.value, code.source);
        let start = system.symbols.partition_point(|s| (s.value, s.source) < key);
        let end = system.symbols.partition_point(|s| (s.value, s.source) <= key);
        code.symbols = start..end;
    }
}

/// The meaning a symbol names: the `source` column's, or the value's first.
fn meaning_source(cells: &mut Cells<'_>, system: &System, value: i64) -> Result<usize, Reported> {
    let named = cells.optional_raw("source").to_owned();
    if named.is_empty() {
        return Ok(system.primary(value).expect("checked by the caller").source);
    }
    match system.sources.iter().position(|s| s.id == named) {
        Some(source) if system.meanings(value).iter().any(|c| c.source == source) => Ok(source),
        Some(_) => Err(cells.err(format!("{value} has no meaning from source {named:?} in {}", system.table_path))),
        None => Err(cells.err(format!("unknown source; see [[origin]] in data/{}/system.toml ({named:?})", system.id))),
    }
}

/// `since`, `alias_since`, `deprecated_since`, `removed_since`: each a
/// release number (`3.13`, `5.3.0`), in the order a name lives through them.
fn releases(cells: &mut Cells<'_>) -> Result<[Option<String>; 4], Reported> {
    let mut out: [Option<String>; 4] = Default::default();
    let mut bad = None;
    for (slot, column) in out.iter_mut().zip(SYMBOL_RELEASES) {
        let Some(text) = cells.optional(column) else { continue };
        if release_key(&text).is_none() {
            bad = Some(cells.err(format!("{column} is not a release number such as 3.13 or 5.3.0 ({text:?})")));
        }
        *slot = Some(text);
    }
    if let Some(reported) = bad {
        return Err(reported);
    }
    let present: Vec<(&str, &String)> =
        SYMBOL_RELEASES.iter().zip(&out).filter_map(|(column, text)| Some((*column, text.as_ref()?))).collect();
    // A name is added, then stops being primary, is deprecated, and goes;
    // being demoted and deprecated may happen in the same release.
    for pair in present.windows(2) {
        let ((early, a), (late, b)) = (pair[0], pair[1]);
        let ordered = if early == "alias_since" && late == "deprecated_since" {
            release_key(a) <= release_key(b)
        } else {
            release_key(a) < release_key(b)
        };
        if !ordered {
            return Err(cells.err(format!("{late} {b} does not come after {early} {a}")));
        }
    }
    Ok(out)
}

/// `3.13.0` as `[3, 13, 0]`, for ordering releases.
pub fn release_key(text: &str) -> Option<Vec<u64>> {
    text.split('.').map(|part| if part.bytes().all(|b| b.is_ascii_digit()) { part.parse().ok() } else { None }).collect()
}

/// `data/<id>/former_names.csv`, if the system has one.
pub fn load_former_names(root: &Path, system: &mut System, diags: &mut Diagnostics) {
    let relative = format!("{}/former_names.csv", system.id);
    if !root.join(&relative).exists() {
        return;
    }
    let Some(table) = read_csv(root, &relative, &["value", "name", "reference"], &["source"], diags) else { return };
    let mut out: Vec<FormerName> = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { table: &table, row, diags };
        let parsed = (|| -> Result<FormerName, Reported> {
            let value = cells.int("value");
            let name = cells.text("name");
            let reference = cells.text("reference");
            // Without a `source` column, a name the system's own upstream used.
            let source_id = cells.optional_raw("source").to_owned();
            let source = match source_id.as_str() {
                "" => Ok(0),
                id => system.sources.iter().position(|s| s.id == id).ok_or_else(|| {
                    cells.err(format!("unknown source; see [[origin]] in data/{}/system.toml ({id:?})", system.id))
                }),
            };
            let (value, name, reference, source) = (value?, name?, reference?, source?);
            match system.meanings(value).iter().find(|c| c.source == source) {
                None => Err(cells.err(format!(
                    "value is not a code of {} in {} ({value})",
                    system.sources[source].id, system.table_path
                ))),
                Some(current) if current.upstream_name == name => {
                    Err(cells.err(format!("name is the current one, not a former one ({name:?})")))
                }
                Some(_) if out.iter().any(|f| f.value == value && f.name == name) => {
                    Err(cells.err(format!("name is listed twice for {value} ({name:?})")))
                }
                Some(_) => Ok(FormerName { value, source, name, reference }),
            }
        })();
        if let Ok(former) = parsed {
            out.push(former);
        }
    }
    out.sort_by(|a, b| (a.value, a.source, &a.name).cmp(&(b.value, b.source, &b.name)));
    system.former_names = out;
}
