//! A system's optional tables: `symbols.csv` (what other ecosystems call
//! each code) and `former_names.csv` (names upstream used before).

use std::collections::BTreeMap;
use std::path::Path;

use super::cells::Cells;
use crate::diag::{Diagnostics, Reported};
use crate::load::read_csv;
use crate::model::*;

/// `data/<id>/symbols.csv`, required exactly when the system declares ecosystems.
pub fn load_symbols(root: &Path, system: &mut System, diags: &mut Diagnostics) {
    let relative = format!("{}/symbols.csv", system.id);
    if system.ecosystems.is_empty() && !root.join(&relative).exists() {
        return;
    }
    let Some(table) = read_csv(root, &relative, &["value", "ecosystem", "name", "kind", "since"], &[], diags) else {
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
            let eco_id = cells.raw("ecosystem").to_owned();
            let ecosystem = system.ecosystems.iter().position(|e| e.id == eco_id).ok_or_else(|| {
                cells.err(format!("unknown ecosystem; see [[ecosystem]] in data/{}/system.toml ({eco_id:?})", system.id))
            });
            let name = cells.text("name");
            let kind = cells.choice("kind", &["primary", "alias"]);
            let since = cells.optional("since");
            let (value, ecosystem, name, kind) = (value?, ecosystem?, name?, kind?);
            if let Some(first) = seen.insert((value, ecosystem, name.clone()), row.line) {
                return Err(cells.err(format!("symbol listed twice for {value} in {eco_id} (first on line {first}) ({name:?})")));
            }
            Ok(Symbol { value, ecosystem, name, primary: kind == 0, since })
        })();
        if let Ok(symbol) = parsed {
            symbols.push(symbol);
        }
    }
    symbols.sort_by(|a, b| (a.value, a.ecosystem, !a.primary, &a.name).cmp(&(b.value, b.ecosystem, !b.primary, &b.name)));
    system.symbols = symbols;
    // Each primary row points at its value's run of symbols.
    for code in system.codes.iter_mut().filter(|c| c.primary) {
        let start = system.symbols.partition_point(|s| s.value < code.value);
        let end = system.symbols.partition_point(|s| s.value <= code.value);
        code.symbols = start..end;
    }
}

/// `data/<id>/former_names.csv`, if the system has one.
pub fn load_former_names(root: &Path, system: &mut System, diags: &mut Diagnostics) {
    let relative = format!("{}/former_names.csv", system.id);
    if !root.join(&relative).exists() {
        return;
    }
    let Some(table) = read_csv(root, &relative, &["value", "name", "reference"], &[], diags) else { return };
    let mut out: Vec<FormerName> = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { table: &table, row, diags };
        let parsed = (|| -> Result<FormerName, Reported> {
            let value = cells.int("value");
            let name = cells.text("name");
            let reference = cells.text("reference");
            let (value, name, reference) = (value?, name?, reference?);
            match system.primary(value).filter(|c| c.source == 0) {
                None => Err(cells.err(format!(
                    "value is not a code of {} in {} ({value})",
                    system.sources[0].id, system.table_path
                ))),
                Some(current) if current.upstream_name == name => {
                    Err(cells.err(format!("name is the current one, not a former one ({name:?})")))
                }
                Some(_) if out.iter().any(|f| f.value == value && f.name == name) => {
                    Err(cells.err(format!("name is listed twice for {value} ({name:?})")))
                }
                Some(_) => Ok(FormerName { value, name, reference }),
            }
        })();
        if let Ok(former) = parsed {
            out.push(former);
        }
    }
    out.sort_by(|a, b| (a.value, &a.name).cmp(&(b.value, &b.name)));
    system.former_names = out;
}
