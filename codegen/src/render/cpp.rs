//! `generated/c/netcodes.hpp`: the C++17 header. A view of the model with
//! every text already a C++ string literal, and one template. It stands
//! alone: it does not include `netcodes.h`.

use askama::Template;

use crate::escape::c_string;
use crate::model::*;
use crate::render::c::{Versions, c_int, comment_safe, dispatch};
use crate::render::{GENERATED_NOTICE, GeneratedFile};

/// The functions every system declares for one code, each also declared in
/// namespace `netcodes` itself (`netcodes::name(code)`), and taking Qt's enum
/// where a system has one: (name, further parameters, further arguments,
/// constexpr). `to_string` and `describe` build a `std::string`.
const PER_CODE: &[(&str, &str, &str, bool)] = &[
    ("value", "", "", true),
    ("is_known", "", "", true),
    ("name", "", "", true),
    ("name_or", ", std::string_view fallback", ", fallback", true),
    ("description", "", "", true),
    ("description_or", ", std::string_view fallback", ", fallback", true),
    ("category", "", "", true),
    ("retry", "", "", true),
    ("status", "", "", true),
    ("group", "", "", true),
    ("is_retired", "", "", true),
    ("meanings", "", "", true),
    (
        "retry_decision",
        ", bool idempotent, std::optional<std::uint32_t> retry_after = std::nullopt",
        ", idempotent, retry_after",
        true,
    ),
    ("to_string", "", "", false),
    ("describe", "", "", false),
];

/// Names every system's namespace declares besides the per-code functions:
/// a group, flag or mapping must not take them.
pub const PER_SYSTEM_FUNCTIONS: &[&str] = &[
    "value", "is_known", "name", "name_or", "description", "description_or", "category", "retry", "status", "group",
    "is_retired", "meanings", "retry_decision", "to_string", "describe", "lookup", "from_name", "from_exact_name",
    "from_qt_enum", "to_qt_enum", "id", "title", "tables",
];

/// Lower-case names declared in namespace `netcodes` itself, which a
/// system's namespace must not take.
pub const FIXED_NAMES: &[&str] = &[
    "detail", "version", "version_major", "version_minor", "version_patch", "data_version", "id", "title",
    "to_qstring", "to_latin1", "value", "is_known", "name", "name_or", "description", "description_or", "category",
    "retry", "status", "group", "is_retired", "meanings", "retry_decision", "to_string", "describe",
];

#[derive(Template)]
#[template(path = "netcodes.hpp", escape = "none")]
struct Header {
    notice: &'static str,
    version: Versions,
    vocabularies: Vec<VocabularyView>,
    decisions: Vec<DecisionView>,
    systems: Vec<SystemView>,
    mappings: Vec<MappingView>,
    qt: Vec<QtView>,
}

/// `Category` and the other vocabulary enums.
struct VocabularyView {
    ty: &'static str,
    doc: &'static str,
    /// Enumerators: `RATE_LIMIT`.
    terms: Vec<String>,
    /// (function, one literal per term): `id`, `title`, `description`.
    lookups: Vec<(&'static str, Vec<String>)>,
}

/// What a retry class decides.
struct DecisionView {
    term: String,
    /// Whether to retry, as a C++ expression of `idempotent` and `retry_after`.
    retry: &'static str,
    delay: u32,
    new_connection: bool,
}

struct SystemView {
    id: String,
    /// `NetworkError`
    ty: String,
    /// `std::int32_t`
    int: &'static str,
    /// (enumerator, value literal).
    enumerators: Vec<(String, String)>,
    groups: Vec<GroupView>,
    /// `id`, `title` and `description` of a group.
    group_texts: Vec<GroupText>,
    /// One initializer per meaning.
    rows: Vec<String>,
    dense: Option<DenseView>,
    /// (name literal, enumerator): the exact names, sorted by bytes.
    names: Vec<(String, String)>,
    /// The same for folded names.
    folded: Vec<(String, String)>,
    /// Literals of the prefixes the forgiving lookup strips.
    prefixes: Vec<String>,
    /// (predicate, bit).
    flags: Vec<(String, u32)>,
    retired: Vec<String>,
    name_alias: Option<String>,
    number_first: bool,
    /// `"unknown qt code "`
    unknown: String,
    /// `qt::value, qt::is_known, ...`
    using: String,
}

/// A text of a group, as data/ has it.
type GroupField = fn(&Group) -> &String;

/// The text functions of a system's `Group`: (function, its comment, the text).
const GROUP_TEXTS: [(&str, &str, GroupField); 3] = [
    ("id", "The identifier of a group, as data/ spells it.", |g| &g.id),
    ("title", "A short human title of a group.", |g| &g.title),
    ("description", "What a group's range is for; empty where the title says it all.", |g| &g.description),
];

/// One text function of a system's `Group`.
struct GroupText {
    function: &'static str,
    comment: &'static str,
    /// (enumerator, C++ literal) of every group.
    answers: Vec<(String, String)>,
}

struct GroupView {
    upper: String,
    predicate: String,
    /// Whether `number` lies in the group.
    condition: String,
}

struct DenseView {
    min: String,
    max: String,
    len: usize,
    lines: Vec<String>,
}

struct MappingView {
    /// Target system's id and type.
    to: String,
    to_ty: String,
    /// `::netcodes::qt::NetworkError`
    from_ty: String,
    function: String,
    /// Safe in a comment.
    table_path: String,
    /// Initializers, in specificity order.
    rules: Vec<String>,
    /// (value, index into `rules`) of single-code rules.
    singles: Vec<(String, usize)>,
    /// (condition on `number`, index into `rules`) of ranges, narrowest first.
    ranges: Vec<(String, usize)>,
}

/// A per-code function that also takes Qt's enum.
struct Forwarder {
    /// `constexpr` or `inline`.
    specifiers: &'static str,
    name: String,
    /// Parameters and arguments after the code.
    params: &'static str,
    args: &'static str,
    /// ` noexcept` for the constexpr ones.
    noexcept: &'static str,
}

/// A system whose codes a Qt enum also holds.
struct QtView {
    id: String,
    ty: String,
    qt_ty: String,
    guard: String,
    /// `NETCODES_HPP_QT_QT`: the block's own guard.
    block_guard: String,
    min: String,
    max: String,
    /// Every per-code function, for Qt's enum.
    forwarders: Vec<Forwarder>,
    /// (target system id, function) of mappings from this system.
    mappings: Vec<(String, String)>,
    using: String,
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let vocab = &model.vocabulary;
    let header = Header {
        notice: GENERATED_NOTICE,
        version: Versions::of(model),
        vocabularies: vec![
            vocabulary_view("Category", "What kind of failure a code is; shared by every code system.", &vocab.categories),
            vocabulary_view("Retry", "Whether and how to retry after a code; shared by every code system.", &vocab.retries),
            vocabulary_view("CodeStatus", "A code's status in its upstream.", &vocab.statuses),
            vocabulary_view("MappingKind", "How sure a mapping rule is.", &vocab.mapping_kinds),
        ],
        decisions: vocab
            .retries
            .iter()
            .filter_map(|t| {
                let decision = t.decision?;
                let retry = match decision.rule {
                    DecisionRule::No => "false",
                    DecisionRule::Yes => "true",
                    DecisionRule::IfIdempotent => "idempotent",
                    DecisionRule::IfRetryAfter => "retry_after.has_value()",
                };
                Some(DecisionView { term: t.upper.clone(), retry, delay: decision.delay, new_connection: decision.new_connection })
            })
            .collect(),
        systems: model.systems.iter().map(|s| system_view(model, s)).collect(),
        mappings: model.mappings.iter().map(|m| mapping_view(model, m)).collect(),
        qt: model.systems.iter().filter_map(|s| qt_view(model, s)).collect(),
    };
    vec![GeneratedFile::new("generated/c/netcodes.hpp", header.render().expect("the C++ header template renders"))]
}

fn vocabulary_view(ty: &'static str, doc: &'static str, terms: &[Term]) -> VocabularyView {
    let texts = |text: fn(&Term) -> &String| terms.iter().map(|t| c_string(text(t))).collect();
    VocabularyView {
        ty,
        doc,
        terms: terms.iter().map(|t| t.upper.clone()).collect(),
        lookups: vec![("id", texts(|t| &t.id)), ("title", texts(|t| &t.title)), ("description", texts(|t| &t.description))],
    }
}

/// `number` (a `long long`) lies in `lo..=hi`.
fn range_condition(system: &System, lo: i64, hi: i64) -> String {
    if lo == hi {
        format!("number == {}", c_int(system, lo))
    } else {
        format!("number >= {} && number <= {}", c_int(system, lo), c_int(system, hi))
    }
}

/// `qt::value, qt::is_known, ...`: the using-declarations of one system's per-code functions.
fn using(system: &System) -> String {
    PER_CODE.iter().map(|(name, ..)| format!("{}::{name}", system.id)).collect::<Vec<_>>().join(", ")
}

fn system_view(model: &Model, system: &System) -> SystemView {
    let vocab = &model.vocabulary;
    let int = |value: i64| c_int(system, value);
    let ty = &system.type_name;
    let enumerator = |row: usize| format!("{ty}::{}", system.codes[row].ident);
    let text = |t: Option<&String>| c_string(t.map_or("", String::as_str));
    SystemView {
        id: system.id.clone(),
        ty: ty.clone(),
        int: system.int_type.cpp(),
        enumerators: system.codes.iter().map(|c| (c.ident.clone(), int(c.value))).collect(),
        group_texts: GROUP_TEXTS
            .iter()
            .map(|&(function, comment, text)| GroupText {
                function,
                comment,
                answers: system.groups.iter().map(|g| (g.upper.clone(), c_string(text(g)))).collect(),
            })
            .collect(),
        groups: system
            .groups
            .iter()
            .map(|g| GroupView {
                upper: g.upper.clone(),
                predicate: g.method.clone(),
                condition: range_condition(system, g.min, g.max),
            })
            .collect(),
        rows: system
            .codes
            .iter()
            .enumerate()
            .map(|(row, c)| {
                format!(
                    "{{{}, {}, {}, {}, Category::{}, Retry::{}, CodeStatus::{}, {}, {}, {}, {}u, {}u}}",
                    enumerator(row),
                    c_string(&c.ident),
                    c_string(&c.name),
                    c_string(&c.description),
                    vocab.categories[c.category].upper,
                    vocab.retries[c.retry].upper,
                    vocab.statuses[c.status].upper,
                    c_string(&system.sources[c.source].id),
                    text(c.since.as_ref()),
                    text(c.reference.as_ref()),
                    c.flag_bits,
                    c.meaning_count,
                )
            })
            .collect(),
        dense: system.dense.as_ref().map(|dense| DenseView {
            min: int(dense.min),
            max: int(dense.max),
            len: dense.rows.len(),
            lines: dense
                .rows
                .chunks(16)
                .map(|chunk| chunk.iter().map(|row| row.map_or_else(|| "-1".to_owned(), |r| r.to_string())).collect::<Vec<_>>().join(", "))
                .collect(),
        }),
        names: system.names.iter().map(|(name, row)| (c_string(name), enumerator(*row))).collect(),
        folded: system.folded.iter().map(|(name, row)| (c_string(name), enumerator(*row))).collect(),
        prefixes: system.lookup_prefixes.iter().map(|p| c_string(p)).collect(),
        flags: system.flags.iter().map(|f| (f.method.clone(), f.bit)).collect(),
        retired: system.retired.iter().map(|c| int(c.value)).collect(),
        name_alias: system.name_alias.clone(),
        number_first: system.number_first,
        unknown: c_string(&format!("unknown {} code ", system.id)),
        using: using(system),
    }
}

fn mapping_view(model: &Model, mapping: &Mapping) -> MappingView {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let rules: Vec<&MappingRule> = mapping.rules_by_specificity().collect();
    let (singles, ranges) = dispatch(from, &rules, range_condition);
    MappingView {
        to: to.id.clone(),
        to_ty: to.type_name.clone(),
        from_ty: format!("::netcodes::{}::{}", from.id, from.type_name),
        function: mapping.function.clone(),
        table_path: comment_safe(&mapping.table_path),
        rules: rules
            .iter()
            .map(|r| {
                format!(
                    "{{{}::{}, MappingKind::{}, {}}}",
                    to.type_name,
                    to.codes[r.to_row].ident,
                    model.vocabulary.mapping_kinds[r.kind].upper,
                    c_string(&r.note)
                )
            })
            .collect(),
        singles,
        ranges,
    }
}

fn qt_view(model: &Model, system: &System) -> Option<QtView> {
    let qt = system.qt_enum.as_ref()?;
    let forwarder = |name: String, params, args, constant: bool| Forwarder {
        specifiers: if constant { "constexpr" } else { "inline" },
        name,
        params,
        args,
        noexcept: if constant { " noexcept" } else { "" },
    };
    let mut forwarders: Vec<Forwarder> =
        PER_CODE.iter().map(|&(name, params, args, constant)| forwarder(name.to_owned(), params, args, constant)).collect();
    let predicates = system.groups.iter().map(|g| &g.method).chain(system.flags.iter().map(|f| &f.method));
    forwarders.extend(predicates.chain(&system.name_alias).map(|name| forwarder(name.clone(), "", "", true)));
    Some(QtView {
        id: system.id.clone(),
        ty: system.type_name.clone(),
        qt_ty: qt.ty.clone(),
        guard: qt.guard.clone(),
        block_guard: format!("NETCODES_HPP_QT_{}", system.id.to_ascii_uppercase()),
        min: c_int(system, system.min),
        max: c_int(system, system.max),
        forwarders,
        mappings: model
            .mappings
            .iter()
            .filter(|m| std::ptr::eq(&model.systems[m.from], system))
            .map(|m| (model.systems[m.to].id.clone(), m.function.clone()))
            .collect(),
        using: using(system),
    })
}
