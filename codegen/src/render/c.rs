//! `generated/c/netcodes.h`: one self-contained C99/C++11 header.

use askama::Template;

use crate::escape::c_string;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile, Lookup};
use crate::validate::Project;

#[derive(Template)]
#[template(path = "netcodes.h")]
struct Header {
    notice: &'static str,
    major: String,
    minor: String,
    patch: String,
    version: String,
    data_version: String,
    long_strings: bool,
    categories: Vec<TermView>,
    retries: Vec<TermView>,
    statuses: Vec<StatusView>,
    systems: Vec<SystemView>,
}

struct TermView {
    c_name: String,
    value: usize,
    id: String,
    title: String,
    description: String,
}

struct StatusView {
    c_name: String,
    value: usize,
    id: String,
}

struct SystemView {
    /// `qt`
    id: String,
    /// `NETCODES_QT_`
    prefix: String,
    /// `netcodes_qt_`
    fns: String,
    /// `netcodes_qt_network_error`
    c_type: String,
    title: String,
    upstream: String,
    groups: Vec<GroupView>,
    codes: Vec<CodeView>,
    rows: Vec<RowView>,
    /// Dense index: `(min, max, lines of numbers)`.
    dense: Option<DenseView>,
    by_name: Vec<(String, i64)>,
    flags: Vec<FlagView>,
    retired: Vec<i64>,
    is_http: bool,
}

struct GroupView {
    c_name: String,
    index: usize,
    title: String,
    min: i64,
    max: i64,
}

struct CodeView {
    c_name: String,
    value: i64,
    name: String,
}

struct RowView {
    value: i64,
    name: String,
    description: String,
    category: String,
    retry: String,
    status: String,
    flags: u8,
    meanings: usize,
    source: String,
}

struct DenseView {
    index_type: &'static str,
    no_row: &'static str,
    min: i64,
    max: i64,
    len: usize,
    lines: Vec<String>,
}

struct FlagView {
    function: String,
    bit: u8,
    doc: String,
}

pub fn render(project: &Project, model: &Model) -> Vec<GeneratedFile> {
    let mut parts = project.version.split('.').map(str::to_owned);
    let header = Header {
        notice: GENERATED_NOTICE,
        major: parts.next().unwrap_or_default(),
        minor: parts.next().unwrap_or_default(),
        patch: parts.next().unwrap_or_default(),
        version: c_string(&project.version),
        data_version: c_string(
            &model.systems.iter().map(|s| format!("{}: {}", s.id, s.version)).collect::<Vec<_>>().join("; "),
        ),
        long_strings: model.systems.iter().flat_map(|s| &s.codes).any(|c| c.description.len() > 4095 || c.name.len() > 4095),
        categories: terms("NETCODES_CATEGORY_", &model.categories),
        retries: terms("NETCODES_RETRY_", &model.retries),
        statuses: Status::ALL
            .iter()
            .enumerate()
            .map(|(value, s)| StatusView {
                c_name: format!("NETCODES_STATUS_{}", s.id().to_ascii_uppercase()),
                value,
                id: c_string(s.id()),
            })
            .collect(),
        systems: model.systems.iter().map(|s| system_view(model, s)).collect(),
    };
    let contents = header.render().expect("the C header template renders");
    vec![GeneratedFile::new("generated/c/netcodes.h", contents)]
}

fn terms(prefix: &str, terms: &[Term]) -> Vec<TermView> {
    terms
        .iter()
        .enumerate()
        .map(|(value, t)| TermView {
            c_name: format!("{prefix}{}", t.upper),
            value,
            id: c_string(&t.id),
            title: c_string(&t.title),
            description: c_string(&t.description),
        })
        .collect()
}

fn system_view(model: &Model, system: &System) -> SystemView {
    let lookup = Lookup::new(system);
    let sources = model.http.as_ref().map(|h| &h.sources);
    SystemView {
        id: system.id.clone(),
        prefix: system.c_prefix.clone(),
        fns: system.c_fn_prefix.clone(),
        c_type: system.c_type.clone(),
        title: comment_safe(&system.title),
        upstream: comment_safe(&system.upstream),
        groups: system
            .groups
            .iter()
            .enumerate()
            .map(|(index, g)| GroupView {
                c_name: format!("{}GROUP_{}", system.c_prefix, g.upper),
                index,
                title: comment_safe(&g.title),
                min: g.min,
                max: g.max,
            })
            .collect(),
        codes: system
            .codes
            .iter()
            .map(|c| CodeView { c_name: c.c_name.clone(), value: c.value, name: comment_safe(&c.name) })
            .collect(),
        rows: system
            .codes
            .iter()
            .map(|c| RowView {
                value: c.value,
                name: if c.name.is_empty() { "NULL".to_owned() } else { c_string(&c.name) },
                description: c_string(&c.description),
                category: format!("NETCODES_CATEGORY_{}", model.categories[c.category].upper),
                retry: format!("NETCODES_RETRY_{}", model.retries[c.retry].upper),
                status: format!("NETCODES_STATUS_{}", c.status.id().to_ascii_uppercase()),
                flags: c.flags.iter().enumerate().fold(0u8, |acc, (i, &on)| acc | (u8::from(on) << i)),
                meanings: system.codes.iter().filter(|other| other.value == c.value).count(),
                source: match (c.source, sources) {
                    (Some(i), Some(sources)) => c_string(&sources[i].id),
                    _ => "NULL".to_owned(),
                },
            })
            .collect(),
        dense: lookup.dense.as_ref().map(|table| {
            let small = lookup.entries < usize::from(u16::MAX);
            let no_row = if small { "65535u" } else { "4294967295u" };
            DenseView {
            index_type: if small { "unsigned short" } else { "unsigned int" },
            no_row,
            min: lookup.min,
            max: lookup.max,
            len: table.len(),
            lines: table
                .chunks(16)
                .map(|chunk| {
                    chunk
                        .iter()
                        .map(|&row| if row == u32::MAX { no_row.to_owned() } else { format!("{row}u") })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect(),
        }
        }),
        by_name: lookup.by_name.iter().map(|(name, row)| (c_string(name), system.codes[*row].value)).collect(),
        flags: system
            .flags
            .iter()
            .enumerate()
            .map(|(i, f)| FlagView {
                function: format!("{}{}", system.c_fn_prefix, f.method),
                bit: 1 << i,
                doc: comment_safe(&f.doc.replace('`', "")),
            })
            .collect(),
        retired: system.retired.iter().map(|c| c.value).collect(),
        is_http: system.kind == SystemKind::Http,
    }
}

/// Text for a `/* */` comment. Comments only repeat names that the lookup
/// functions return exactly; here anything that could end the comment, form a
/// trigraph or splice a line is simply left out.
fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() || " .,:;'()-_+=#&%".contains(c) { c } else { ' ' })
        .collect()
}
