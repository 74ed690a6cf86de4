//! The rows of `codes.csv`: one generic parser for every system, driven by
//! its [`Spec`]. A row becomes a [`Code`] or a [`Reported`] problem.

use super::cells::Cells;
use super::system::{NameStyle, Spec};
use crate::diag::{Diagnostics, Reported};
use crate::load::CsvTable;
use crate::model::*;
use crate::spell;

/// The columns `codes.csv` must have, and may have, for a system.
pub fn columns(system: &System, spec: &Spec) -> (Vec<String>, Vec<String>) {
    let mut required: Vec<String> = ["value", "name", "status", "category", "retry", "description"].map(str::to_owned).to_vec();
    if spec.name_style == NameStyle::Text {
        required.push("ident".into());
    }
    if system.sources.len() > 1 {
        required.push("source".into());
    }
    required.extend(system.flags.iter().map(|f| f.column.clone()));
    let mut optional: Vec<String> = ["group", "since", "reference"].map(str::to_owned).to_vec();
    if spec.several_meanings {
        optional.push("precedence".into());
    }
    if spec.name_style != NameStyle::Text {
        optional.push("ident".into());
    }
    (required, optional)
}

/// Every row of the table: a code each, or a diagnostic each.
/// Every row of the table: a code each, or a diagnostic each (and the row,
/// as far as it can be read, among the pending ones).
pub fn parse_rows(
    table: &CsvTable,
    system: &System,
    spec: &Spec,
    vocabulary: &Vocabulary,
    diags: &mut Diagnostics,
) -> (Vec<Code>, Vec<PendingRow>) {
    let mut codes = Vec::with_capacity(table.rows.len());
    let mut pending = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { table, row, diags };
        match parse_row(&mut cells, system, spec, vocabulary) {
            Ok(code) => codes.push(code),
            Err(reported) => {
                let status = cells.raw("status");
                pending.push(PendingRow {
                    value: cells.raw("value").parse().ok(),
                    name: cells.raw("name").to_owned(),
                    retired: vocabulary.statuses.iter().any(|s| s.id == status && s.retired),
                    line: row.line,
                    reported,
                });
            }
        }
    }
    (codes, pending)
}

fn parse_row(cells: &mut Cells<'_>, system: &System, spec: &Spec, vocabulary: &Vocabulary) -> Result<Code, Reported> {
    // Every field is read (and reported) before any `?`, so one row shows
    // all of its problems at once.
    let value = cells.int("value").and_then(|value| in_range(cells, system, value));
    let status = status(cells, spec, vocabulary);
    let source = source(cells, system);
    let retired = status.is_ok_and(|s| vocabulary.statuses[s].retired);
    let name = name(cells, spec, retired, source);
    let ident = ident(cells, spec, name.as_deref().ok());
    let group = group(cells, system, value.as_ref().ok().copied());
    let category = cells.term("category", &vocabulary.categories);
    let retry = cells.term("retry", &vocabulary.retries);
    let description = cells.text("description");
    let flags: Vec<Result<bool, Reported>> = system.flags.iter().map(|f| cells.bool(&f.column)).collect();
    let since = cells.optional("since");
    let reference = cells.optional("reference");
    let precedence = precedence(cells);
    let unofficial = status.is_ok_and(|s| vocabulary.statuses[s].id == "unofficial");
    if let (Ok(source), Ok(status)) = (source, status)
        && system.sources.len() > 1
        && (source == 0) == unofficial
    {
        return Err(cells.err(format!(
            "status {:?} does not fit source {:?}: rows of {} are never unofficial, rows of other sources always are",
            vocabulary.statuses[status].id, system.sources[source].id, system.sources[0].id
        )));
    }

    let (value, status, source, name, ident, group) = (value?, status?, source?, name?, ident?, group?);
    let (category, retry, description, precedence) = (category?, retry?, description?, precedence?);
    let flags = flags.into_iter().collect::<Result<Vec<bool>, Reported>>()?;
    let upstream_name = name;
    let display = if upstream_name.is_empty() || spec.unprefixed.contains(&upstream_name) {
        upstream_name.clone()
    } else {
        format!("{}{upstream_name}", spec.name_prefix)
    };
    let ident = match &system.sources[source].upper {
        vendor if !vendor.is_empty() => format!("{vendor}_{ident}"),
        _ => ident,
    };
    let fill = |template: &str| {
        if display.is_empty() && !template.contains("{value}") {
            format!("removed{value}")
        } else {
            template
                .replace("{value}", &value.to_string())
                .replace("{name}", &spell::kebab(&spell::upper_snake(&display)))
                .replace("{source}", &spell::kebab(&system.sources[source].id))
                .replace("{ident}", &spell::kebab(&ident))
        }
    };
    let anchor = fill(&spec.anchor);
    // The value's anchor, over all its meanings: the template without the
    // parts that tell one meaning from another (`{source}`, `{ident}`).
    let value_anchor = fill(&["{source}", "{ident}"].iter().fold(spec.anchor.clone(), |template, part| {
        template.replace(&format!("-{part}"), "").replace(part, "")
    }));
    Ok(Code {
        value,
        c_name: if retired { String::new() } else { format!("{}{ident}", system.c_prefix) },
        name: display,
        upstream_name,
        ident,
        anchor,
        value_anchor,
        page: String::new(),
        group,
        status,
        since,
        category,
        retry,
        description,
        reference,
        source,
        precedence,
        primary: true,
        meaning_count: 1,
        flag_bits: flags.iter().zip(&system.flags).filter(|(on, _)| **on).fold(0, |bits, (_, f)| bits | f.bit),
        flags,
        symbols: 0..0,
        line: cells.row.line,
    })
}

fn in_range(cells: &mut Cells<'_>, system: &System, value: i64) -> Result<i64, Reported> {
    if !(system.min..=system.max).contains(&value) {
        Err(cells.err(format!("value out of range {}..={} for {} ({value})", system.min, system.max, system.id)))
    } else if i32::try_from(value).is_err() {
        // The C header's rows and mapping answers hold codes as `int`.
        Err(cells.err(format!("value does not fit in 32 bits, as every code must for C ({value})")))
    } else {
        Ok(value)
    }
}

/// The optional `precedence` column: a positive integer, or empty.
fn precedence(cells: &mut Cells<'_>) -> Result<Option<u32>, Reported> {
    let value = cells.optional_raw("precedence").to_owned();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<u32>() {
        Ok(n) if n > 0 && !value.starts_with('0') => Ok(Some(n)),
        _ => Err(cells.err(format!("precedence is not a positive integer ({value:?})"))),
    }
}

fn status(cells: &mut Cells<'_>, spec: &Spec, vocabulary: &Vocabulary) -> Result<usize, Reported> {
    let value = cells.raw("status").to_owned();
    match spec.statuses.iter().copied().find(|&s| vocabulary.statuses[s].id == value) {
        Some(status) => Ok(status),
        None => {
            let ids: Vec<&str> = spec.statuses.iter().map(|&s| vocabulary.statuses[s].id.as_str()).collect();
            Err(cells.err(format!("unknown status; expected one of {} ({value:?})", ids.join(", "))))
        }
    }
}

fn source(cells: &mut Cells<'_>, system: &System) -> Result<usize, Reported> {
    if system.sources.len() == 1 {
        return Ok(0);
    }
    let value = cells.raw("source").to_owned();
    system
        .sources
        .iter()
        .position(|s| s.id == value)
        .ok_or_else(|| cells.err(format!("unknown source; see [[origin]] in data/{}/system.toml ({value:?})", system.id)))
}

/// Upstream's name, in the system's style. Empty only for a retired number
/// upstream never named, or a meaning another source gives without a name
/// (a vendor that documents a number but no phrase).
fn name(cells: &mut Cells<'_>, spec: &Spec, retired: bool, source: Result<usize, Reported>) -> Result<String, Reported> {
    let name = cells.raw("name").to_owned();
    if name.trim().is_empty() {
        if name.is_empty() && (retired || source.is_ok_and(|s| s > 0)) {
            return Ok(name);
        }
        return Err(cells.err(format!(
            "name is empty ({name:?}); only a retired number or another source's meaning may have no name"
        )));
    }
    if !spec.name_style.accepts(&name) {
        return Err(cells.err(format!("name is not {} ({name:?})", spec.name_style.describe())));
    }
    Ok(name)
}

/// The identifier of the code in every output: the `ident` column, or the
/// name in UPPER_SNAKE.
fn ident(cells: &mut Cells<'_>, spec: &Spec, name: Option<&str>) -> Result<String, Reported> {
    if !cells.optional_raw("ident").is_empty() || spec.name_style == NameStyle::Text {
        return cells.upper_snake("ident");
    }
    let name = name.unwrap_or_default();
    let display = if name.is_empty() || spec.unprefixed.iter().any(|u| u == name) {
        name.to_owned()
    } else {
        format!("{}{name}", spec.name_prefix)
    };
    Ok(spell::upper_snake(&display))
}

/// The group named in the `group` column, which must hold the value; or,
/// without that column, the group whose range holds it.
fn group(cells: &mut Cells<'_>, system: &System, value: Option<i64>) -> Result<usize, Reported> {
    let named = cells.optional_raw("group").to_owned();
    if cells.table.index("group").is_none() {
        let Some(value) = value else {
            // The value's own problem is reported; there is no range to look up.
            return system.groups.first().map(|_| 0).ok_or_else(|| cells.err("no [[group]] to hold the row"));
        };
        return system
            .groups
            .iter()
            .position(|g| (g.min..=g.max).contains(&value))
            .ok_or_else(|| cells.err(format!("value lies in no [[group]] range ({value})")));
    }
    let Some(index) = system.groups.iter().position(|g| g.id == named) else {
        let ids: Vec<&str> = system.groups.iter().map(|g| g.id.as_str()).collect();
        return Err(cells.err(format!("unknown group; expected one of {} ({named:?})", ids.join(", "))));
    };
    let group = &system.groups[index];
    match value {
        Some(value) if !(group.min..=group.max).contains(&value) => Err(cells.err(format!(
            "value {value} is outside group {named:?}, which covers {}..={} ({named:?})",
            group.min, group.max
        ))),
        _ => Ok(index),
    }
}
