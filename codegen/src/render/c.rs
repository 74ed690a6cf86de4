//! `generated/c/netcodes.h`: one self-contained C99/C++11 header. A view of
//! the model with every text already a C literal, and one template.

use askama::Template;

use crate::escape::c_string;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};

/// Names the header always declares, whatever `data/` holds.
pub const FIXED_NAMES: &[&str] = &[
    "NETCODES_H", "NETCODES_NULL", "NETCODES_CAST", "NETCODES_VERSION_MAJOR", "NETCODES_VERSION_MINOR",
    "NETCODES_VERSION_PATCH", "NETCODES_VERSION_STRING", "NETCODES_DATA_VERSION", "NETCODES_CATEGORY_NONE",
    "NETCODES_RETRY_NONE", "NETCODES_STATUS_NONE", "netcodes_entry", "netcodes_byte",
    "netcodes_compare", "netcodes_length", "netcodes_name", "netcodes_find_name", "netcodes_trim",
    "netcodes_retry_decision", "netcodes_retry_decide", "netcodes_rule", "netcodes_mapping_kind", "netcodes_category",
    "netcodes_retry", "netcodes_status",
];

/// Functions the header declares for every system, after `netcodes_<id>_`.
pub const PER_SYSTEM_FUNCTIONS: &[&str] = &[
    "entry", "is_known", "name", "name_or", "description", "description_or", "category", "retry", "upstream_status",
    "group", "group_of", "group_id", "group_title", "group_description", "from_name", "from_exact_name", "find_exact", "is_retired",
    "meaning_count", "meaning", "retry_decision",
];

/// System ids whose `netcodes_<id>_` prefix the fixed names already use.
pub const RESERVED_SYSTEM_IDS: &[&str] =
    &["mapping", "category", "retry", "status", "compare", "byte", "entry", "version", "data", "length"];

#[derive(Template)]
#[template(path = "netcodes.h", escape = "none")]
struct Header {
    notice: &'static str,
    version: Versions,
    long_strings: bool,
    /// `netcodes_category` and the other vocabulary enums, each with its lookups.
    vocabularies: Vec<VocabularyView>,
    /// (case, retry condition, least delay, new connection) per retry class.
    retry_rules: Vec<(String, &'static str, u32, u8)>,
    systems: Vec<SystemView>,
    mappings: Vec<MappingView>,
}

struct VocabularyView {
    /// `netcodes_category`
    ty: &'static str,
    doc: &'static str,
    /// `NETCODES_CATEGORY_NONE`, where the enum has a "no value".
    none: Option<&'static str>,
    terms: Vec<TermView>,
    /// (`netcodes_category_id`, doc, field): a switch from term to text each.
    lookups: Vec<(String, String, Vec<String>)>,
}

struct TermView {
    c_name: String,
    value: usize,
    /// The description, safe in a comment.
    comment: String,
}

struct MappingView {
    /// `netcodes_qt_from_http_status`
    function: String,
    from: String,
    to: String,
    /// `int` or wider: the source system's parameter type.
    param: &'static str,
    /// The target system's parameter type, which the mapping function returns.
    ret: &'static str,
    table_path: String,
    unmapped: String,
    /// In specificity order.
    rules: Vec<RuleView>,
    /// (code, index into `rules`) of single-code rules.
    singles: Vec<(String, usize)>,
    /// (C condition, index into `rules`) of ranges, narrowest first.
    ranges: Vec<(String, usize)>,
}

struct RuleView {
    /// The target as its C constant.
    to: String,
    kind: String,
    note: String,
    /// `400` or `400 to 499`, for the row's comment.
    from: String,
}

struct SystemView {
    id: String,
    /// `NETCODES_QT_`
    prefix: String,
    /// `netcodes_qt_`
    fns: String,
    c_type: String,
    /// The parameter type: `int`, or wider for systems whose values need it.
    param: &'static str,
    title: String,
    upstream: String,
    groups: Vec<GroupView>,
    /// (enumerator, value literal, name safe in a comment).
    codes: Vec<(String, String, String)>,
    /// (enumerator, index among its number's meanings) of meanings after the first.
    meaning_indexes: Vec<(String, usize)>,
    rows: Vec<RowView>,
    dense: Option<DenseView>,
    /// (C literal, length in bytes, value), sorted by length, then bytes.
    by_name: Vec<(String, usize, String)>,
    /// (C literal, length in bytes, value), folded names sorted by bytes.
    folded: Vec<(String, usize, String)>,
    flags: Vec<FlagView>,
    retired: Vec<String>,
    unmapped: Option<(String, String)>,
    /// `reason`: the name's alias, with `from_reason`.
    name_alias: Option<String>,
    /// (C literal, text safe in a comment, length) of each prefix people paste before names.
    prefixes: Vec<(String, String, usize)>,
}

struct GroupView {
    c_name: String,
    index: usize,
    predicate: String,
    id: String,
    title: String,
    title_comment: String,
    /// The group's description as a C literal; `None` where data/ has none.
    description: Option<String>,
    /// The group's description, for the predicate's comment (may be empty).
    description_comment: String,
    condition: String,
    min: String,
    max: String,
}

struct RowView {
    value: String,
    name: String,
    description: String,
    category: String,
    retry: String,
    status: String,
    flags: u32,
    meanings: usize,
    source: String,
}

struct DenseView {
    min: String,
    /// `code` lies outside the table.
    outside: String,
    len: usize,
    lines: Vec<String>,
}

struct FlagView {
    function: String,
    bit: u32,
    doc: String,
}

/// The project's and the data's versions, as both headers print them.
pub(crate) struct Versions {
    pub major: String,
    pub minor: String,
    pub patch: String,
    /// The whole version as a string literal.
    pub literal: String,
    /// Every system's upstream version, as a string literal.
    pub data: String,
}

impl Versions {
    pub(crate) fn of(model: &Model) -> Self {
        let mut parts = model.version.split('.').map(str::to_owned);
        Self {
            major: parts.next().unwrap_or_default(),
            minor: parts.next().unwrap_or_default(),
            patch: parts.next().unwrap_or_default(),
            literal: c_string(&model.version),
            data: c_string(
                &model.systems.iter().map(|s| format!("{}: {}", s.id, s.version_text())).collect::<Vec<_>>().join("; "),
            ),
        }
    }
}

/// A mapping's rules split for dispatch: (value, index) of the single-code
/// rules and (condition, index) of the ranges, narrowest first; indexes
/// point into `rules`, which is in specificity order.
pub(crate) type Dispatch = (Vec<(String, usize)>, Vec<(String, usize)>);

pub(crate) fn dispatch(from: &System, rules: &[&MappingRule], condition: fn(&System, i64, i64) -> String) -> Dispatch {
    let (singles, ranges): (Vec<_>, Vec<_>) = rules.iter().enumerate().partition(|(_, r)| r.is_single());
    (
        singles.into_iter().map(|(i, r)| (c_int(from, r.lo), i)).collect(),
        ranges.into_iter().map(|(i, r)| (condition(from, r.lo, r.hi), i)).collect(),
    )
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let vocab = &model.vocabulary;
    let header = Header {
        notice: GENERATED_NOTICE,
        version: Versions::of(model),
        long_strings: model.systems.iter().any(|s| {
            s.codes.iter().any(|c| c.description.len() > 4095 || c.name.len() > 4095)
                || s.groups.iter().any(|g| g.description.len() > 4095)
        }),
        vocabularies: vec![
            vocabulary_view("netcodes_category", "What kind of failure a code is; shared by every code system.", Some("NETCODES_CATEGORY_NONE"), "category", &vocab.categories),
            vocabulary_view("netcodes_retry", "Whether and how to retry after a code; shared by every code system.", Some("NETCODES_RETRY_NONE"), "retry", &vocab.retries),
            vocabulary_view("netcodes_status", "A code's status in its upstream.", Some("NETCODES_STATUS_NONE"), "status", &vocab.statuses),
            vocabulary_view("netcodes_mapping_kind", "How sure a mapping rule is.", None, "mapping kind", &vocab.mapping_kinds),
        ],
        retry_rules: vocab
            .retries
            .iter()
            .map(|t| {
                let decision = t.decision.expect("every retry class decides");
                let condition = match decision.rule {
                    DecisionRule::No => "0",
                    DecisionRule::Yes => "1",
                    DecisionRule::IfIdempotent => "idempotent != 0",
                    DecisionRule::IfRetryAfter => "retry_after_seconds >= 0",
                };
                (t.c_name.clone(), condition, decision.delay, u8::from(decision.new_connection))
            })
            .collect(),
        systems: model.systems.iter().map(|s| system_view(model, s)).collect(),
        mappings: model.mappings.iter().map(|m| mapping_view(model, m)).collect(),
    };
    let contents = header.render().expect("the C header template renders");
    vec![GeneratedFile::new("generated/c/netcodes.h", contents)]
}

fn vocabulary_view(ty: &'static str, doc: &'static str, none: Option<&'static str>, what: &str, terms: &[Term]) -> VocabularyView {
    let lookup = |field: &str, doc: String, text: fn(&Term) -> &String| {
        (format!("{ty}_{field}"), doc, terms.iter().map(|t| c_string(text(t))).collect())
    };
    let example = terms.first().map_or_else(String::new, |t| format!(", e.g. \"{}\"", comment_safe(&t.id)));
    VocabularyView {
        ty,
        doc,
        none,
        terms: terms
            .iter()
            .enumerate()
            .map(|(value, t)| TermView { c_name: t.c_name.clone(), value, comment: comment_safe(&t.description) })
            .collect(),
        lookups: vec![
            lookup("id", format!("The identifier of a {what}{example}; NULL for any other value."), |t| &t.id),
            lookup("title", format!("A short human title of a {what}."), |t| &t.title),
            lookup("description", format!("One sentence on what a {what} means."), |t| &t.description),
        ],
    }
}

fn mapping_view(model: &Model, mapping: &Mapping) -> MappingView {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let rules: Vec<&MappingRule> = mapping.rules_by_specificity().collect();
    let (singles, ranges) = dispatch(from, &rules, range_condition);
    MappingView {
        function: mapping.c_function.clone(),
        from: from.id.clone(),
        to: to.id.clone(),
        param: from.int_type.c(),
        ret: to.int_type.c(),
        table_path: comment_safe(&mapping.table_path),
        unmapped: to.unmapped.as_ref().map(|(name, _)| name.clone()).unwrap_or_default(),
        rules: rules
            .iter()
            .map(|r| RuleView {
                to: to.codes[r.to_row].c_name.clone(),
                kind: model.vocabulary.mapping_kinds[r.kind].c_name.clone(),
                note: if r.note.is_empty() { "NETCODES_NULL".to_owned() } else { c_string(&r.note) },
                from: if r.is_single() {
                    from.value_text(r.lo)
                } else {
                    format!("{} to {}", from.value_text(r.lo), from.value_text(r.hi))
                },
            })
            .collect(),
        singles,
        ranges,
    }
}

/// A value as a C constant of type `int` (every code fits one, by
/// validation), in hexadecimal where upstream writes it so; INT_MIN has no
/// literal of type int.
pub(crate) fn c_int(system: &System, value: i64) -> String {
    match system.hex_width {
        _ if value == i64::from(i32::MIN) => "(-2147483647 - 1)".to_owned(),
        Some(width) if value >= 0 => format!("0x{value:0width$x}"),
        _ => value.to_string(),
    }
}

/// `code` lies outside `lo..=hi`, without comparisons that are always false.
fn outside_condition(system: &System, lo: i64, hi: i64) -> String {
    let (type_min, type_max) = system.int_type.c_range();
    let mut parts = Vec::new();
    if lo > type_min {
        parts.push(format!("code < {}", c_int(system, lo)));
    }
    if hi < type_max {
        parts.push(format!("code > {}", c_int(system, hi)));
    }
    if parts.is_empty() { "0".to_owned() } else { parts.join(" || ") }
}

/// `code` lies in `lo..=hi`. Bounds at the ends of the parameter type are
/// left out, since compilers warn about comparisons that are always true.
fn range_condition(system: &System, lo: i64, hi: i64) -> String {
    if lo == hi {
        return format!("code == {}", c_int(system, lo));
    }
    let (type_min, type_max) = system.int_type.c_range();
    let mut parts = Vec::new();
    if lo > type_min {
        parts.push(format!("code >= {}", c_int(system, lo)));
    }
    if hi < type_max {
        parts.push(format!("code <= {}", c_int(system, hi)));
    }
    if parts.is_empty() { "1".to_owned() } else { parts.join(" && ") }
}

fn system_view(model: &Model, system: &System) -> SystemView {
    let vocab = &model.vocabulary;
    let int = |value: i64| c_int(system, value);
    SystemView {
        id: system.id.clone(),
        prefix: system.c_prefix.clone(),
        fns: system.c_fn_prefix.clone(),
        c_type: system.c_type.clone(),
        param: system.int_type.c(),
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
                description: (!g.description.is_empty()).then(|| c_string(&g.description)),
                description_comment: comment_safe(&g.description),
                condition: range_condition(system, g.min, g.max),
                min: int(g.min),
                max: int(g.max),
            })
            .collect(),
        codes: system.codes.iter().map(|c| (c.c_name.clone(), int(c.value), comment_safe(&c.name))).collect(),
        meaning_indexes: system
            .codes
            .iter()
            .filter(|c| !c.primary)
            .map(|c| (c.c_name.clone(), system.meanings(c.value).iter().position(|m| m.ident == c.ident).unwrap_or(0)))
            .collect(),
        rows: system
            .codes
            .iter()
            .map(|c| RowView {
                value: int(c.value),
                name: if c.name.is_empty() { "NETCODES_NULL".to_owned() } else { c_string(&c.name) },
                description: c_string(&c.description),
                category: vocab.categories[c.category].c_name.clone(),
                retry: vocab.retries[c.retry].c_name.clone(),
                status: vocab.statuses[c.status].c_name.clone(),
                flags: c.flag_bits,
                meanings: c.meaning_count,
                source: c_string(&system.sources[c.source].id),
            })
            .collect(),
        dense: system.dense.as_ref().map(|dense| DenseView {
            min: int(dense.min),
            outside: outside_condition(system, dense.min, dense.max),
            len: dense.rows.len(),
            lines: dense
                .rows
                .chunks(8)
                .map(|chunk| {
                    let cells: Vec<String> = chunk
                        .iter()
                        .map(|row| row.map_or_else(|| "NETCODES_NULL".to_owned(), |row| format!("&netcodes_rows[{row}]")))
                        .collect();
                    cells.join(", ")
                })
                .collect(),
        }),
        by_name: {
            let mut names: Vec<&(String, usize)> = system.names.iter().collect();
            names.sort_by(|a, b| (a.0.len(), a.0.as_bytes()).cmp(&(b.0.len(), b.0.as_bytes())));
            names.into_iter().map(|(name, row)| (c_string(name), name.len(), int(system.codes[*row].value))).collect()
        },
        folded: system.folded.iter().map(|(name, row)| (c_string(name), name.len(), int(system.codes[*row].value))).collect(),
        flags: system
            .flags
            .iter()
            .map(|f| FlagView { function: f.c_function.clone(), bit: f.bit, doc: comment_safe(&f.doc.replace('`', "")) })
            .collect(),
        retired: system.retired.iter().map(|c| int(c.value)).collect(),
        unmapped: system.unmapped.as_ref().map(|(name, value)| (name.clone(), format!("({}{})", int(*value), system.int_type.c_suffix()))),
        name_alias: system.name_alias.clone(),
        prefixes: system
            .lookup_prefixes
            .iter()
            .zip(&system.pasted_prefixes)
            .map(|(folded, pasted)| (c_string(folded), comment_safe(pasted), folded.len()))
            .collect(),
    }
}

/// Text for a `/* */` comment. Comments only repeat names that the lookup
/// functions return exactly; here anything that could end the comment, form a
/// trigraph or splice a line is simply left out (a `/` is kept: without `*`
/// it can neither open nor close a comment).
pub(crate) fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() || " .,:;'()-_+=#&%/".contains(c) { c } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn system(int_type: IntType, hex_width: Option<usize>) -> System {
        let model = crate::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("data/ loads");
        let mut system = model.systems.into_iter().next().expect("a system");
        system.int_type = int_type;
        system.hex_width = hex_width;
        system
    }

    #[test]
    fn int_constants_and_range_conditions() {
        let s = system(IntType::I32, None);
        assert_eq!(c_int(&s, i64::from(i32::MIN)), "(-2147483647 - 1)");
        assert_eq!(c_int(&s, -105), "-105");
        assert_eq!(range_condition(&s, 400, 499), "code >= 400 && code <= 499");
        assert_eq!(range_condition(&s, 0, 0), "code == 0");
        // No comparison a compiler would call always true.
        assert_eq!(range_condition(&s, i64::from(i32::MIN), -1), "code <= -1");
        assert_eq!(range_condition(&s, 501, i64::from(i32::MAX)), "code >= 501");
        assert_eq!(range_condition(&s, i64::from(i32::MIN), i64::from(i32::MAX)), "1");
        let wide = system(IntType::U64, Some(4));
        assert_eq!(c_int(&wide, 0x100), "0x0100");
        assert_eq!((IntType::I32.c_suffix(), IntType::U32.c_suffix(), IntType::U64.c_suffix()), ("", "UL", "ULL"));
        assert_eq!(range_condition(&wide, 0, 0x1ff), "code <= 0x01ff");
        assert_eq!(outside_condition(&wide, 0, 0x1ff), "code > 0x01ff");
        assert_eq!(outside_condition(&s, -5, 7), "code < -5 || code > 7");
    }

    #[test]
    fn comments_cannot_be_closed_or_spliced() {
        assert_eq!(comment_safe("a */ b \\ ??/ c/d"), "a  / b     / c/d");
    }
}
