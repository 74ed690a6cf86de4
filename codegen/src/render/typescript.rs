//! The `netcodes` npm package: ESM JavaScript with `.d.ts` types, one entry
//! point per system (`netcodes/chromium`), the shared vocabulary and the
//! retry decision at the root, an internal `_core.js` with the code every
//! system module shares, `package.json` and the README.
//!
//! Every string literal that holds text from `data/` is built here through
//! [`js_string`]; templates print only those literals, numbers and
//! identifiers the model has validated.

use askama::Template;

use crate::escape::{js_comment, js_string, json_string, markdown};
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile, PackageReadme};

/// Names a system module exports besides its code type and mapping functions.
pub const MODULE_NAMES: &[&str] =
    &["system", "groups", "codes", "lookup", "meanings", "fromName", "fromExactName", "isRetired"];

/// Properties every code object has (flags and a name alias add theirs).
pub const MEMBER_NAMES: &[&str] = &[
    "value", "ident", "name", "description", "category", "retry", "status", "group", "source", "primary", "since",
    "reference", "meanings",
];

/// Types every system module declares, and the globals its code and types
/// use: a system's `type_name` cannot be one.
pub const TYPE_NAMES: &[&str] = &["Code", "Table", "Meaning", "Value", "Ident", "Group", "Source", "Object", "Set", "Extract"];

/// System ids the package's own files already use (`index.js`).
pub const RESERVED_SYSTEM_IDS: &[&str] = &["index"];

const ROOT: &str = "generated/typescript";

#[derive(Template)]
#[template(path = "typescript/system.js", escape = "none")]
struct SystemJs<'a> {
    notice: &'static str,
    s: &'a SystemView,
}

#[derive(Template)]
#[template(path = "typescript/system.d.ts", escape = "none")]
struct SystemDts<'a> {
    notice: &'static str,
    s: &'a SystemView,
}

#[derive(Template)]
#[template(path = "typescript/_core.js", escape = "none")]
struct CoreJs<'a> {
    notice: &'static str,
    v: &'a VocabularyView,
}

#[derive(Template)]
#[template(path = "typescript/index.js", escape = "none")]
struct IndexJs<'a> {
    notice: &'static str,
    version: String,
    v: &'a VocabularyView,
}

#[derive(Template)]
#[template(path = "typescript/index.d.ts", escape = "none")]
struct IndexDts<'a> {
    notice: &'static str,
    v: &'a VocabularyView,
    systems: &'a [String],
}

#[derive(Template)]
#[template(path = "typescript/package.json", escape = "none")]
struct PackageJson<'a> {
    notice: String,
    version: String,
    description: String,
    systems: &'a [String],
}

/// A vocabulary term: id, title and description literals.
struct TermView {
    id: String,
    title: String,
    description: String,
}

/// A retry class and what it decides.
struct RetryView {
    term: TermView,
    rule: &'static str,
    delay: u32,
    new_connection: bool,
}

struct VocabularyView {
    categories: Vec<TermView>,
    retries: Vec<RetryView>,
    statuses: Vec<TermView>,
    kinds: Vec<TermView>,
    /// The decision rules, for the type of `RetryTerm.decision`.
    rules: Vec<&'static str>,
}

struct SystemView {
    id: String,
    type_name: String,
    /// The identifier of the code examples use.
    example: String,
    /// js_string literals of the system's facts.
    title: String,
    upstream: String,
    version: String,
    url: String,
    /// (id literal, title literal, min, max)
    /// (id, title, description or `null`, min, max).
    groups: Vec<(String, String, String, i64, i64)>,
    sources: Vec<String>,
    /// (property, bit, doc comment text)
    flags: Vec<(String, u32, String)>,
    /// The name alias's property (HTTP: `reason`).
    alias: Option<String>,
    /// Rows grouped by value, each meaning's fields as one list, primary first.
    rows: Vec<(i64, Vec<RowView>)>,
    /// The `.d.ts` table: (ident, value, name literal or `undefined`, primary).
    table: Vec<(String, i64, String, bool)>,
    /// (name literal, index into the module's rows)
    names: Vec<(String, usize)>,
    folded: Vec<(String, usize)>,
    prefixes: Vec<String>,
    retired: Vec<i64>,
    /// (min, max) of the model's dense index: lookups index an array.
    dense: Option<(i64, i64)>,
    mappings: Vec<MappingView>,
}

struct RowView {
    ident: String,
    /// A literal, or `undefined`.
    name: String,
    description: String,
    category: usize,
    retry: usize,
    status: usize,
    group: usize,
    source: usize,
    since: String,
    reference: String,
    flags: u32,
}

/// A mapping into this module's system.
struct MappingView {
    function: String,
    /// `RULES_FROM_CHROMIUM`: the module's private table.
    table: String,
    /// The source system's id and code type, for the doc comment.
    from: String,
    from_type: String,
    total: bool,
    /// (lo, hi, target row, kind, index into `notes` or -1), in the order
    /// generated code tries them: single codes, then ranges narrowest first.
    rules: Vec<(i64, i64, usize, usize, i64)>,
    /// Each distinct note once (as literals), in the order rules first use them.
    notes: Vec<String>,
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let vocabulary = vocabulary_view(&model.vocabulary);
    let ids: Vec<String> = model.systems.iter().map(|s| s.id.clone()).collect();
    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/package.json"),
            PackageJson {
                notice: json_string(GENERATED_NOTICE),
                version: json_string(&model.version),
                description: json_string(&package_summary(model)),
                systems: &ids,
            }
            .render()
            .expect("renders"),
        ),
        GeneratedFile::new(format!("{ROOT}/README.md"), readme(model)),
        GeneratedFile::new(format!("{ROOT}/LICENSE"), crate::render::license_text()),
        GeneratedFile::new(
            format!("{ROOT}/_core.js"),
            CoreJs { notice: GENERATED_NOTICE, v: &vocabulary }.render().expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/index.js"),
            IndexJs { notice: GENERATED_NOTICE, version: js_string(&model.version), v: &vocabulary }
                .render()
                .expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/index.d.ts"),
            IndexDts { notice: GENERATED_NOTICE, v: &vocabulary, systems: &ids }.render().expect("renders"),
        ),
    ];
    for (index, system) in model.systems.iter().enumerate() {
        let view = system_view(model, index, system);
        files.push(GeneratedFile::new(
            format!("{ROOT}/{}.js", system.id),
            SystemJs { notice: GENERATED_NOTICE, s: &view }.render().expect("renders"),
        ));
        files.push(GeneratedFile::new(
            format!("{ROOT}/{}.d.ts", system.id),
            SystemDts { notice: GENERATED_NOTICE, s: &view }.render().expect("renders"),
        ));
    }
    files
}

fn term_view(term: &Term) -> TermView {
    TermView { id: js_string(&term.id), title: js_string(&term.title), description: js_string(&term.description) }
}

fn vocabulary_view(vocab: &Vocabulary) -> VocabularyView {
    VocabularyView {
        categories: vocab.categories.iter().map(term_view).collect(),
        retries: vocab
            .retries
            .iter()
            .map(|t| {
                let decision = t.decision.expect("every retry class decides");
                RetryView {
                    term: term_view(t),
                    rule: decision.rule.id(),
                    delay: decision.delay,
                    new_connection: decision.new_connection,
                }
            })
            .collect(),
        statuses: vocab.statuses.iter().map(term_view).collect(),
        kinds: vocab.mapping_kinds.iter().map(term_view).collect(),
        rules: DecisionRule::ALL.iter().map(|(id, _)| *id).collect(),
    }
}

/// One line on what the package holds, from the systems it has.
fn package_summary(model: &Model) -> String {
    let titles: Vec<&str> = model.systems.iter().map(|s| s.title.as_str()).collect();
    format!(
        "Network error and status codes ({}), with descriptions, categories, retry advice and cross-mappings.",
        titles.join(", ")
    )
}

fn optional(text: Option<&str>) -> String {
    text.filter(|t| !t.is_empty()).map_or_else(|| "undefined".to_owned(), js_string)
}

fn system_view(model: &Model, index: usize, system: &System) -> SystemView {
    let mut rows: Vec<(i64, Vec<RowView>)> = Vec::new();
    for code in &system.codes {
        let view = RowView {
            ident: js_string(&code.ident),
            name: optional(Some(&code.name)),
            description: js_string(&code.description),
            category: code.category,
            retry: code.retry,
            status: code.status,
            group: code.group,
            source: code.source,
            since: optional(code.since.as_deref()),
            reference: optional(code.reference.as_deref()),
            flags: code.flag_bits,
        };
        match rows.last_mut() {
            Some((value, list)) if *value == code.value => list.push(view),
            _ => rows.push((code.value, vec![view])),
        }
    }
    SystemView {
        id: system.id.clone(),
        type_name: system.type_name.clone(),
        example: system.codes[system.example].ident.clone(),
        title: js_string(&system.title),
        upstream: js_string(&system.upstream),
        version: js_string(&system.version),
        url: js_string(&system.url),
        groups: system
            .groups
            .iter()
            .map(|g| {
                let description = if g.description.is_empty() { "null".to_owned() } else { js_string(&g.description) };
                (js_string(&g.id), js_string(&g.title), description, g.min, g.max)
            })
            .collect(),
        sources: system.sources.iter().map(|s| js_string(&s.id)).collect(),
        flags: system.flags.iter().map(|f| (f.js_property.clone(), f.bit, js_comment(&f.doc))).collect(),
        alias: system.js_name_alias.clone(),
        rows,
        table: system
            .codes
            .iter()
            .map(|c| (c.ident.clone(), c.value, optional(Some(&c.name)), c.primary))
            .collect(),
        names: system.names.iter().map(|(name, row)| (js_string(name), *row)).collect(),
        folded: system.folded.iter().map(|(name, row)| (js_string(name), *row)).collect(),
        prefixes: system.lookup_prefixes.iter().map(|p| js_string(p)).collect(),
        retired: system.retired.iter().map(|c| c.value).collect(),
        dense: system.dense.as_ref().map(|d| (d.min, d.max)),
        mappings: model.mappings.iter().filter(|m| m.to == index).map(|m| mapping_view(model, m)).collect(),
    }
}

fn mapping_view(model: &Model, mapping: &Mapping) -> MappingView {
    let from = &model.systems[mapping.from];
    let mut notes: Vec<&str> = Vec::new();
    let mut rules = Vec::new();
    for rule in mapping.rules_by_specificity() {
        let note = if rule.note.is_empty() {
            -1
        } else {
            let at = notes.iter().position(|n| *n == rule.note).unwrap_or_else(|| {
                notes.push(&rule.note);
                notes.len() - 1
            });
            i64::try_from(at).expect("fewer notes than rows")
        };
        rules.push((rule.lo, rule.hi, rule.to_row, rule.kind, note));
    }
    MappingView {
        function: mapping.js_function.clone(),
        table: format!("RULES_{}", mapping.function.to_ascii_uppercase()),
        from: from.id.clone(),
        from_type: from.type_name.clone(),
        total: mapping.total,
        rules,
        notes: notes.into_iter().map(js_string).collect(),
    }
}

#[derive(Template)]
#[template(path = "typescript/README.md", escape = "none")]
struct Readme<'a> {
    notice: &'static str,
    facts: PackageReadme<'a>,
    /// (module, prefix) of every prefix `fromName()` strips.
    prefixes: Vec<(String, String)>,
}

fn readme(model: &Model) -> String {
    Readme {
        notice: GENERATED_NOTICE,
        facts: PackageReadme::of(model),
        prefixes: model
            .systems
            .iter()
            .flat_map(|s| s.pasted_prefixes.iter().map(|p| (s.id.clone(), markdown(p))))
            .collect(),
    }
    .render()
    .expect("renders")
}
