//! The per-code parts of a system module, written as text: constants, rows,
//! indexes and mapping tables. They grow with the tables, and going through
//! `quote!`, syn and prettyplease would cost tens of microseconds a row; the
//! shapes here are fixed, so they are printed directly, formatted as
//! prettyplease formats the rest of the file.

use std::fmt::Write;

use proc_macro2::Literal;

use super::http;
use super::system::{const_doc_lines, status_variant};
use crate::model::*;
use crate::render::Lookup;

fn string(text: &str) -> String {
    Literal::string(text).to_string()
}

fn optional_string(text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_owned(), |t| format!("Some({})", string(t)))
}

/// `impl Type { consts..., ALL }`.
pub(super) fn constants(model: &Model, system: &System) -> String {
    let mut out = format!("impl {} {{\n", system.type_name);
    for code in &system.codes {
        for line in const_doc_lines(model, code) {
            out.push_str("    ///");
            out.push_str(&line);
            out.push('\n');
        }
        writeln!(out, "    pub const {}: Self = Self({});\n", code.ident, code.value).expect("write to String");
    }
    let count = system.primary_codes().count();
    writeln!(out, "    /// Every code this crate knows, in value order ({count} codes).").expect("write to String");
    out.push_str("    pub const ALL: &'static [Self] = &[\n");
    for code in system.primary_codes() {
        writeln!(out, "        Self::{},", code.ident).expect("write to String");
    }
    out.push_str("    ];\n}\n");
    out
}

/// `ENTRIES`, `BY_NAME` and, for close-together values, `INDEX`.
pub(super) fn rows(model: &Model, system: &System, lookup: &Lookup) -> String {
    let mut out = String::new();
    out.push_str("/// Every meaning in value order; the first row of a value is its primary meaning.\n");
    writeln!(out, "static ENTRIES: [Entry; {}] = [", lookup.entries).expect("write to String");
    for code in &system.codes {
        let flags = code.flags.iter().enumerate().fold(0u8, |acc, (i, &on)| acc | (u8::from(on) << i));
        out.push_str("    Entry {\n");
        writeln!(out, "        code: {}::{},", system.type_name, code.ident).expect("write to String");
        writeln!(out, "        name: {},", optional_string((!code.name.is_empty()).then_some(code.name.as_str())))
            .expect("write to String");
        writeln!(out, "        description: {},", string(&code.description)).expect("write to String");
        writeln!(out, "        category: Category::{},", model.categories[code.category].rust).expect("write to String");
        writeln!(out, "        retry: Retry::{},", model.retries[code.retry].rust).expect("write to String");
        writeln!(out, "        flags: {flags},").expect("write to String");
        writeln!(out, "        status: CodeStatus::{},", status_variant(code.status)).expect("write to String");
        if system.kind == SystemKind::Qt {
            writeln!(out, "        since: {},", optional_string(code.since.as_deref())).expect("write to String");
        }
        if system.kind == SystemKind::Http {
            http::entry_fields_text(model, system, code, &mut out);
        }
        out.push_str("    },\n");
    }
    out.push_str("];\n\n");

    out.push_str("/// Every accepted name, sorted by bytes, with its index in `ENTRIES`.\n");
    writeln!(out, "static BY_NAME: [(&str, u32); {}] = [", lookup.by_name.len()).expect("write to String");
    for (name, row) in &lookup.by_name {
        writeln!(out, "    ({}, {row}),", string(name)).expect("write to String");
    }
    out.push_str("];\n");

    if let Some(table) = &lookup.dense {
        out.push_str("\n/// The row of each value from the smallest known one; `None` where no code is.\n");
        writeln!(out, "static INDEX: [Option<&Entry>; {}] = [", table.len()).expect("write to String");
        for chunk in table.chunks(8) {
            let cells: Vec<String> = chunk
                .iter()
                .map(|&row| if row == u32::MAX { "None".to_owned() } else { format!("Some(&ENTRIES[{row}])") })
                .collect();
            writeln!(out, "    {},", cells.join(", ")).expect("write to String");
        }
        out.push_str("];\n");
    }
    out
}

/// The statics of every mapping whose target is `system`.
pub(super) fn mappings(model: &Model, system: &System) -> Vec<String> {
    let this = model.systems.iter().position(|s| s.id == system.id).expect("system in model");
    let mut out = Vec::new();
    for mapping in model.mappings.iter().filter(|m| m.to == this) {
        let from = &model.systems[mapping.from];
        let int = from.int_type.rust();
        let prefix = mapping.function.to_ascii_uppercase();
        let mut text = String::new();
        writeln!(text, "/// The rows of {}, in value order.", mapping.table_path).expect("write to String");
        writeln!(text, "static {prefix}_RULES: [crate::Mapping<{}>; {}] = [", system.type_name, mapping.rules.len())
            .expect("write to String");
        for rule in &mapping.rules {
            let to = system.primary(rule.to).expect("validated target");
            let kind = match rule.kind {
                MappingKind::Upstream => "Upstream",
                MappingKind::Equivalent => "Equivalent",
                MappingKind::Approximate => "Approximate",
            };
            text.push_str("    crate::Mapping {\n");
            writeln!(text, "        to: {}::{},", system.type_name, to.ident).expect("write to String");
            writeln!(text, "        kind: crate::MappingKind::{kind},").expect("write to String");
            writeln!(text, "        note: {},", optional_string((!rule.note.is_empty()).then_some(rule.note.as_str())))
                .expect("write to String");
            text.push_str("    },\n");
        }
        text.push_str("];\n\n");

        let mut singles: Vec<(i64, usize)> =
            mapping.rules.iter().enumerate().filter(|(_, r)| r.lo == r.hi).map(|(i, r)| (r.lo, i)).collect();
        singles.sort_unstable();
        text.push_str("/// Rows for single codes: (code, row), sorted by code.\n");
        writeln!(text, "static {prefix}_EXACT: [({int}, u32); {}] = [", singles.len()).expect("write to String");
        for (value, row) in singles {
            writeln!(text, "    ({value}, {row}),").expect("write to String");
        }
        text.push_str("];\n\n");

        let mut spans: Vec<(i64, i64, usize)> =
            mapping.rules.iter().enumerate().filter(|(_, r)| r.lo != r.hi).map(|(i, r)| (r.lo, r.hi, i)).collect();
        spans.sort_by_key(|&(lo, hi, _)| (hi - lo, lo));
        text.push_str("/// Rows for ranges: (lowest, highest, row), narrowest first.\n");
        writeln!(text, "static {prefix}_RANGES: [({int}, {int}, u32); {}] = [", spans.len()).expect("write to String");
        for (lo, hi, row) in spans {
            writeln!(text, "    ({lo}, {hi}, {row}),").expect("write to String");
        }
        text.push_str("];\n");
        out.push(text);
    }
    out
}
