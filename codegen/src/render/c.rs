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
    /// `netcodes_category_id()` and the like: one switch each.
    term_functions: Vec<TermFunction>,
    systems: Vec<SystemView>,
    mapping_kinds: Vec<MappingKindView>,
    mappings: Vec<MappingView>,
}

struct TermView {
    c_name: String,
    value: usize,
    id: String,
    title: String,
    description: String,
}

struct TermFunction {
    name: &'static str,
    ty: &'static str,
    param: &'static str,
    doc: &'static str,
    /// (enumerator, C string literal)
    cases: Vec<(String, String)>,
}

struct StatusView {
    c_name: String,
    value: usize,
    id: String,
}

struct MappingKindView {
    c_name: String,
    value: usize,
    id: String,
    doc: &'static str,
}

struct MappingView {
    /// `netcodes_qt_from_http_status`
    function: String,
    /// `http`, `qt`: lower_snake ids, safe in comments.
    from: String,
    to: String,
    table_path: String,
    /// `NETCODES_QT_UNMAPPED`
    unmapped: String,
    /// In `Mapping::rules_by_specificity` order.
    rules: Vec<RuleView>,
    /// Indexes into `rules` of single-code rules, with their code.
    singles: Vec<(String, usize)>,
    /// Indexes into `rules` of range rules, narrowest first, with the C condition.
    ranges: Vec<(String, usize)>,
}

struct RuleView {
    /// The target as its C constant: `NETCODES_QT_UNKNOWN_SERVER_ERROR`.
    to: String,
    kind: String,
    note: String,
    /// `400` or `400 to 499`, for the row's comment.
    from: String,
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
    /// (C literal, length in bytes, code), sorted by length, then bytes.
    by_name: Vec<(String, usize, i64)>,
    flags: Vec<FlagView>,
    retired: Vec<i64>,
    is_http: bool,
    /// `(NETCODES_QT_UNMAPPED, value)` when some mapping leads into this system.
    unmapped: Option<(String, String)>,
    /// HTTP: every reason phrase, current or historical, ASCII-lowercased and
    /// sorted by bytes, with its code.
    reasons: Vec<(String, i64)>,
}

struct GroupView {
    c_name: String,
    index: usize,
    /// `netcodes_http_is_client_error`
    predicate: String,
    id: String,
    title: String,
    /// The title for comments.
    title_comment: String,
    /// `code >= 400 && code <= 499`
    condition: String,
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
    let categories = terms("NETCODES_CATEGORY_", &model.categories);
    let retries = terms("NETCODES_RETRY_", &model.retries);
    let statuses: Vec<StatusView> = Status::ALL
        .iter()
        .enumerate()
        .map(|(value, s)| StatusView {
            c_name: format!("NETCODES_STATUS_{}", s.id().to_ascii_uppercase()),
            value,
            id: c_string(s.id()),
        })
        .collect();
    let cases = |terms: &[TermView], field: fn(&TermView) -> &String| -> Vec<(String, String)> {
        terms.iter().map(|t| (t.c_name.clone(), field(t).clone())).collect()
    };
    let term_functions = vec![
        TermFunction {
            name: "netcodes_category_id",
            ty: "netcodes_category",
            param: "category",
            doc: "The identifier of a category, e.g. \"dns\"; NULL for NETCODES_CATEGORY_NONE.",
            cases: cases(&categories, |t| &t.id),
        },
        TermFunction {
            name: "netcodes_category_title",
            ty: "netcodes_category",
            param: "category",
            doc: "A short human title of a category.",
            cases: cases(&categories, |t| &t.title),
        },
        TermFunction {
            name: "netcodes_category_description",
            ty: "netcodes_category",
            param: "category",
            doc: "One sentence on what a category means.",
            cases: cases(&categories, |t| &t.description),
        },
        TermFunction {
            name: "netcodes_retry_id",
            ty: "netcodes_retry",
            param: "retry",
            doc: "The identifier of a retry class, e.g. \"after_delay\".",
            cases: cases(&retries, |t| &t.id),
        },
        TermFunction {
            name: "netcodes_retry_title",
            ty: "netcodes_retry",
            param: "retry",
            doc: "A short human title of a retry class.",
            cases: cases(&retries, |t| &t.title),
        },
        TermFunction {
            name: "netcodes_retry_description",
            ty: "netcodes_retry",
            param: "retry",
            doc: "One sentence on what a retry class means.",
            cases: cases(&retries, |t| &t.description),
        },
        TermFunction {
            name: "netcodes_status_id",
            ty: "netcodes_status",
            param: "status",
            doc: "The identifier of a status, e.g. \"removed\".",
            cases: statuses.iter().map(|s| (s.c_name.clone(), s.id.clone())).collect(),
        },
    ];
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
        categories,
        retries,
        statuses,
        term_functions,
        systems: model.systems.iter().enumerate().map(|(i, s)| system_view(model, i, s)).collect(),
        mapping_kinds: MAPPING_KINDS
            .iter()
            .enumerate()
            .map(|(value, &kind)| MappingKindView {
                c_name: format!("NETCODES_MAPPING_{}", kind.id().to_ascii_uppercase()),
                value,
                id: c_string(kind.id()),
                doc: mapping_kind_doc(kind),
            })
            .collect(),
        mappings: model.mappings.iter().map(|m| mapping_view(model, m)).collect(),
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

/// Every mapping kind, in the order of the C enum.
const MAPPING_KINDS: [MappingKind; 3] = [MappingKind::Upstream, MappingKind::Equivalent, MappingKind::Approximate];

fn mapping_kind_doc(kind: MappingKind) -> &'static str {
    match kind {
        MappingKind::Upstream => "what the upstream software itself does",
        MappingKind::Equivalent => "the same failure",
        MappingKind::Approximate => "the closest match; the note says why",
    }
}

fn mapping_view(model: &Model, mapping: &Mapping) -> MappingView {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let rules = mapping.rules_by_specificity();
    let target = |value: i64| to.primary(value).map_or_else(|| c_int(value), |c| c.c_name.clone());
    let single = |r: &MappingRule| r.lo == r.hi;
    MappingView {
        function: format!("{}{}", to.c_fn_prefix, mapping.function),
        from: from.id.clone(),
        to: to.id.clone(),
        table_path: comment_safe(&mapping.table_path),
        unmapped: unmapped_macro(to),
        rules: rules
            .iter()
            .map(|r| RuleView {
                to: target(r.to),
                kind: format!("NETCODES_MAPPING_{}", r.kind.id().to_ascii_uppercase()),
                note: if r.note.is_empty() { "NETCODES_NULL".to_owned() } else { c_string(&r.note) },
                from: if single(r) { r.lo.to_string() } else { format!("{} to {}", r.lo, r.hi) },
            })
            .collect(),
        singles: rules.iter().enumerate().filter(|(_, r)| single(r)).map(|(i, r)| (c_int(r.lo), i)).collect(),
        ranges: rules
            .iter()
            .enumerate()
            .filter(|(_, r)| !single(r))
            .map(|(i, r)| (range_condition(r.lo, r.hi), i))
            .collect(),
    }
}

/// `NETCODES_QT_UNMAPPED`: what a mapping into the system answers when no rule covers a code.
fn unmapped_macro(system: &System) -> String {
    format!("{}UNMAPPED", system.c_prefix)
}

/// A value no code of the system can have: 0 or -1 where the system's range
/// leaves them free (the usual "no code" values in C), else just outside it.
fn unmapped_value(min: i64, max: i64) -> i64 {
    let outside = |v: i64| v < min || v > max;
    [0, -1, max.saturating_add(1), min.saturating_sub(1)]
        .into_iter()
        .find(|&v| outside(v) && i32::try_from(v).is_ok())
        .expect("a system's range leaves some int free")
}

/// An `int` constant; INT_MIN has no literal of type int.
fn c_int(value: i64) -> String {
    if value == i64::from(i32::MIN) { "(-2147483647 - 1)".to_owned() } else { value.to_string() }
}

/// `code` lies in `lo..=hi`. Bounds at INT_MIN/INT_MAX are left out, since
/// compilers warn about comparisons that are always true.
fn range_condition(lo: i64, hi: i64) -> String {
    let mut parts = Vec::new();
    if lo == hi {
        return format!("code == {}", c_int(lo));
    }
    if lo > i64::from(i32::MIN) {
        parts.push(format!("code >= {}", c_int(lo)));
    }
    if hi < i64::from(i32::MAX) {
        parts.push(format!("code <= {}", c_int(hi)));
    }
    if parts.is_empty() { "1".to_owned() } else { parts.join(" && ") }
}

fn system_view(model: &Model, index: usize, system: &System) -> SystemView {
    let lookup = Lookup::new(model, system);
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
                c_name: g.c_name.clone(),
                index,
                predicate: g.c_predicate.clone(),
                id: c_string(&g.id),
                title: c_string(&g.title),
                title_comment: comment_safe(&g.title),
                condition: range_condition(g.min, g.max),
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
                name: if c.name.is_empty() { "NETCODES_NULL".to_owned() } else { c_string(&c.name) },
                description: c_string(&c.description),
                category: format!("NETCODES_CATEGORY_{}", model.categories[c.category].upper),
                retry: format!("NETCODES_RETRY_{}", model.retries[c.retry].upper),
                status: format!("NETCODES_STATUS_{}", c.status.id().to_ascii_uppercase()),
                flags: c.flags.iter().enumerate().fold(0u8, |acc, (i, &on)| acc | (u8::from(on) << i)),
                meanings: system.meanings(c.value).len(),
                source: match (c.source, sources) {
                    (Some(i), Some(sources)) => c_string(&sources[i].id),
                    _ => "NETCODES_NULL".to_owned(),
                },
            })
            .collect(),
        dense: lookup.dense.as_ref().map(|table| DenseView {
            min: lookup.min,
            max: lookup.max,
            len: table.len(),
            lines: table
                .chunks(8)
                .map(|chunk| {
                    chunk
                        .iter()
                        .map(|&row| {
                            if row == u32::MAX { "NETCODES_NULL".to_owned() } else { format!("&netcodes_rows[{row}]") }
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect(),
        }),
        by_name: {
            let mut names: Vec<&(String, usize)> = lookup.by_name.iter().collect();
            names.sort_by(|a, b| (a.0.len(), a.0.as_bytes()).cmp(&(b.0.len(), b.0.as_bytes())));
            names.into_iter().map(|(name, row)| (c_string(name), name.len(), system.codes[*row].value)).collect()
        },
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
        unmapped: model
            .mappings
            .iter()
            .any(|m| m.to == index)
            .then(|| (unmapped_macro(system), format!("({})", c_int(unmapped_value(system.min, system.max))))),
        reasons: if system.kind == SystemKind::Http { reasons(model, system) } else { Vec::new() },
    }
}

/// Every phrase a status is known by, folded to ASCII lower case and sorted
/// by bytes; the registered meaning claims a phrase before an old one or a
/// vendor's (the same table as the Rust crate's).
fn reasons(model: &Model, system: &System) -> Vec<(String, i64)> {
    let history = model.http.as_ref().map(|h| h.reason_history.as_slice()).unwrap_or_default();
    let phrases = system
        .primary_codes()
        .map(|c| (c.name.as_str(), c.value))
        .chain(history.iter().map(|h| (h.reason.as_str(), h.code)))
        .chain(system.codes.iter().filter(|c| !c.primary).map(|c| (c.name.as_str(), c.value)));
    let mut reasons: Vec<(String, i64)> = Vec::new();
    for (phrase, value) in phrases {
        let key = phrase.to_ascii_lowercase();
        if !phrase.is_empty() && !reasons.iter().any(|(k, _)| *k == key) {
            reasons.push((key, value));
        }
    }
    reasons.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    reasons.into_iter().map(|(key, value)| (c_string(&key), value)).collect()
}

/// Text for a `/* */` comment. Comments only repeat names that the lookup
/// functions return exactly; here anything that could end the comment, form a
/// trigraph or splice a line is simply left out (a `/` is kept: without `*`
/// it can neither open nor close a comment).
fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() || " .,:;'()-_+=#&%/".contains(c) { c } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmapped_values_lie_outside_the_system() {
        assert_eq!(unmapped_value(0, 499), -1, "Qt: 0 is NoError");
        assert_eq!(unmapped_value(100, 999), 0, "HTTP");
        assert_eq!(unmapped_value(-999, 0), 1, "Chromium: 0 is OK, -1 IO_PENDING");
        assert_eq!(unmapped_value(-5, i64::from(i32::MAX)), -6);
    }

    #[test]
    fn int_constants_and_range_conditions() {
        assert_eq!(c_int(i64::from(i32::MIN)), "(-2147483647 - 1)");
        assert_eq!(c_int(-105), "-105");
        assert_eq!(range_condition(400, 499), "code >= 400 && code <= 499");
        assert_eq!(range_condition(0, 0), "code == 0");
        // No comparison a compiler would call always true.
        assert_eq!(range_condition(i64::from(i32::MIN), -1), "code <= -1");
        assert_eq!(range_condition(501, i64::from(i32::MAX)), "code >= 501");
        assert_eq!(range_condition(i64::from(i32::MIN), i64::from(i32::MAX)), "1");
    }

    #[test]
    fn comments_cannot_be_closed_or_spliced() {
        assert_eq!(comment_safe("a */ b \\ ??/ c/d"), "a  / b     / c/d");
    }
}
