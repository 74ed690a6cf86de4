//! The `netcodes` Python package: a module per system with its exact `.pyi`
//! stub (one view, one template, printed twice), `py.typed`, the vocabulary
//! and mapping modules, `pyproject.toml` and the README.
//!
//! Every string literal that holds text from `data/` is built here through
//! [`python_string`]; templates print only those literals, numbers and
//! identifiers the model has validated.

use askama::Template;

use crate::escape::{python_docstring, python_string};
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile, PackageReadme};

/// Names a system module defines or imports besides its code type and
/// mapping functions.
pub const MODULE_NAMES: &[&str] = &[
    "Group", "Meaning", "meanings", "lookup", "from_name", "from_exact_name", "is_retired", "Rule", "MappingKind",
    "Category", "Retry", "RetryDecision", "Record", "code_number", "enum", "annotations",
];

/// Properties of every code type's members (besides `enum.IntEnum`'s own).
pub const MEMBER_NAMES: &[&str] = &[
    "name", "value", "upstream_name", "description", "category", "retry", "group", "status", "since", "reference",
    "retry_decision",
];

const ROOT: &str = "generated/python";

#[derive(Template)]
#[template(path = "python/system.py", escape = "none")]
struct Module<'a> {
    notice: &'static str,
    stub: bool,
    s: &'a SystemView,
}

#[derive(Template)]
#[template(path = "python/_core.py", escape = "none")]
struct Core {
    notice: &'static str,
}

#[derive(Template)]
#[template(path = "python/vocabulary.py", escape = "none")]
struct VocabularyModule<'a> {
    notice: &'static str,
    stub: bool,
    enums: &'a [EnumView],
    /// (retry member, rule literal, least delay, new connection) per retry class.
    decisions: &'a [(String, String, u32, &'static str)],
}

#[derive(Template)]
#[template(path = "python/mapping.py", escape = "none")]
struct MappingModule<'a> {
    notice: &'static str,
    stub: bool,
    doc: String,
    kinds: &'a EnumView,
}

#[derive(Template)]
#[template(path = "python/cli.py", escape = "none")]
struct Cli {
    notice: &'static str,
    stub: bool,
    help: String,
    /// (system id, [(target system id, mapping function)]) as literals.
    systems: Vec<(String, Vec<(String, String)>)>,
    system_list: String,
}

#[derive(Template)]
#[template(path = "python/__init__.py", escape = "none")]
struct Init<'a> {
    notice: &'static str,
    stub: bool,
    doc: String,
    version: String,
    modules: &'a [String],
    all: &'a [String],
}

#[derive(Template)]
#[template(path = "python/pyproject.toml", escape = "none")]
struct Pyproject {
    notice: &'static str,
    version: String,
    description: String,
}

/// A vocabulary enum: members with their id, title and description literals.
struct EnumView {
    name: &'static str,
    doc: String,
    /// Upper-case name of the private table of texts.
    table: &'static str,
    members: Vec<(String, String, String, String)>,
}

struct SystemView {
    type_name: String,
    module_doc: String,
    group_doc: String,
    class_doc: String,
    upstream_name_doc: String,
    /// `str | None` where some code has no name.
    name_type: &'static str,
    /// HTTP: `phrase`, the property `http.HTTPStatus` has.
    name_property: Option<String>,
    /// HTTP: `reason`, with `from_reason()`.
    name_alias: Option<String>,
    /// (member, id, title, description or None, min, max), as Python literals.
    groups: Vec<(String, String, String, String, i64, i64)>,
    /// (identifier, value) of each value's first meaning: the enum's members.
    members: Vec<(String, i64)>,
    /// (identifier, value, index among the value's meanings) of the others.
    meaning_constants: Vec<(String, i64, usize)>,
    /// What people paste before names, folded, as Python literals.
    prefixes: Vec<String>,
    /// The id of the system's own source, a Python literal.
    own_source: String,
    /// value -> (name, description, category, retry, group, status, since, reference, flags)
    rows: Vec<RowView>,
    /// (name literal, value) of every exact name, and of every folded one.
    by_name: Vec<(String, i64)>,
    folded: Vec<(String, i64)>,
    flags: Vec<(String, String, u32)>,
    retired: Vec<i64>,
    meanings: Vec<(i64, Vec<MeaningView>)>,
    /// (value, source) of the one-meaning numbers that another source defines.
    other_sources: Vec<(i64, String)>,
    mappings: Vec<MappingView>,
    /// `__all__`, in the order ruff's RUF022 expects.
    all: Vec<String>,
}

struct RowView {
    value: i64,
    name: String,
    description: String,
    category: String,
    retry: String,
    group: String,
    status: String,
    since: String,
    reference: String,
    flags: u32,
}

struct MeaningView {
    source: String,
    ident: String,
    name: String,
    description: String,
    category: String,
    retry: String,
    status: String,
}

/// A mapping into this module's system.
struct MappingView {
    function: String,
    /// `_FROM_HTTP_STATUS`: prefix of the module's private tables.
    table: String,
    doc: String,
    rule_doc: String,
    /// Single-code rules, by code.
    exact: Vec<(i64, RuleView)>,
    /// Range rules, narrowest first.
    ranges: Vec<(i64, i64, RuleView)>,
}

struct RuleView {
    /// The target's value.
    to: i64,
    /// The kind's id, a Python literal.
    kind: String,
    note: String,
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let vocab = &model.vocabulary;
    let enums = [
        enum_view("Category", "What kind of failure a code is. Shared by every code system.", "_CATEGORY_TEXT", &vocab.categories),
        enum_view("Retry", "Whether and how to retry after a code. Shared by every code system.", "_RETRY_TEXT", &vocab.retries),
    ];
    let kinds = enum_view("MappingKind", "How sure a mapping rule is.", "_KIND_TEXT", &vocab.mapping_kinds);
    let decisions: Vec<(String, String, u32, &'static str)> = vocab
        .retries
        .iter()
        .map(|t| {
            let decision = t.decision.expect("every retry class decides");
            (t.upper.clone(), python_string(decision.rule.id()), decision.delay, if decision.new_connection { "True" } else { "False" })
        })
        .collect();
    let systems: Vec<SystemView> = model.systems.iter().enumerate().map(|(i, s)| system_view(model, i, s)).collect();

    let mut modules: Vec<String> = model.systems.iter().map(|s| s.id.clone()).collect();
    modules.extend(["mapping".to_owned(), "vocabulary".to_owned()]);
    modules.sort();
    let mut all: Vec<String> =
        ["Category", "MappingKind", "Retry", "RetryDecision", "Rule", "__version__"].map(str::to_owned).to_vec();
    all.extend(modules.iter().cloned());
    sort_all(&mut all);
    let version = python_string(&model.version);

    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/pyproject.toml"),
            Pyproject { notice: GENERATED_NOTICE, version: version.clone(), description: crate::escape::toml_string(&package_summary(model)) }
                .render()
                .expect("renders"),
        ),
        GeneratedFile::new(format!("{ROOT}/README.md"), readme(model)),
        // The repository's license travels with the wheel (PEP 639 license-files).
        GeneratedFile::new(format!("{ROOT}/LICENSE"), crate::render::license_text()),
        GeneratedFile::new(format!("{ROOT}/netcodes/py.typed"), format!("# {GENERATED_NOTICE}\n")),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/__main__.py"),
            format!("# {GENERATED_NOTICE}\n\"\"\"python -m netcodes: the command of netcodes.cli.\"\"\"\n\nimport sys\n\nfrom netcodes.cli import main\n\nif __name__ == \"__main__\":\n    sys.exit(main())\n"),
        ),
    ];
    for stub in [false, true] {
        let ext = if stub { "pyi" } else { "py" };
        let init = Init { notice: GENERATED_NOTICE, stub, doc: package_doc(model), version: version.clone(), modules: &modules, all: &all };
        files.push(GeneratedFile::new(format!("{ROOT}/netcodes/__init__.{ext}"), init.render().expect("renders")));
        let vocabulary = VocabularyModule { notice: GENERATED_NOTICE, stub, enums: &enums, decisions: &decisions };
        files.push(GeneratedFile::new(format!("{ROOT}/netcodes/vocabulary.{ext}"), vocabulary.render().expect("renders")));
        let mapping = MappingModule { notice: GENERATED_NOTICE, stub, doc: mapping_module_doc(model), kinds: &kinds };
        files.push(GeneratedFile::new(format!("{ROOT}/netcodes/mapping.{ext}"), mapping.render().expect("renders")));
        if !stub {
            // What every system module shares: internal, so without a stub.
            let core = Core { notice: GENERATED_NOTICE };
            files.push(GeneratedFile::new(format!("{ROOT}/netcodes/_core.py"), core.render().expect("renders")));
        }
        let cli = Cli { notice: GENERATED_NOTICE, stub, help: python_string(&super::cli::help(model)), systems: cli_systems(model), system_list: model.systems.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ") };
        files.push(GeneratedFile::new(format!("{ROOT}/netcodes/cli.{ext}"), cli.render().expect("renders")));
        for (system, view) in model.systems.iter().zip(&systems) {
            let module = Module { notice: GENERATED_NOTICE, stub, s: view };
            files.push(GeneratedFile::new(format!("{ROOT}/netcodes/{}.{ext}", system.id), module.render().expect("renders")));
        }
    }
    files
}

fn enum_view(name: &'static str, doc: &str, table: &'static str, terms: &[Term]) -> EnumView {
    EnumView {
        name,
        doc: python_docstring(doc, 4),
        table,
        members: terms
            .iter()
            .map(|t| (t.upper.clone(), python_string(&t.id), python_string(&t.title), python_string(&t.description)))
            .collect(),
    }
}

/// isort order, as ruff's RUF022 checks `__all__`: CamelCase names, then the
/// rest (`__version__`, modules, functions), each alphabetically.
fn sort_all(names: &mut [String]) {
    names.sort_by(|a, b| {
        let camel = |n: &str| !n.starts_with(|c: char| c.is_ascii_uppercase());
        (camel(a), a).cmp(&(camel(b), b))
    });
}

/// Each system with the mapping functions that take its codes, for the command.
fn cli_systems(model: &Model) -> Vec<(String, Vec<(String, String)>)> {
    model
        .systems
        .iter()
        .enumerate()
        .map(|(index, system)| {
            let mappings = model
                .mappings
                .iter()
                .filter(|m| m.from == index)
                .map(|m| (python_string(&model.systems[m.to].id), python_string(&m.function)))
                .collect();
            (python_string(&system.id), mappings)
        })
        .collect()
}

/// One line on what the package holds, from the systems it has.
fn package_summary(model: &Model) -> String {
    let titles: Vec<&str> = model.systems.iter().map(|s| s.title.as_str()).collect();
    format!(
        "Network error and status codes ({}), with descriptions, categories, retry advice and cross-mappings.",
        titles.join(", ")
    )
}

fn package_doc(model: &Model) -> String {
    let mut doc = String::from("Network error and status codes, one module per code system.\n\n");
    for system in &model.systems {
        doc.push_str(&format!("- netcodes.{}: {}\n", system.id, system.title));
    }
    doc.push_str(
        "- netcodes.mapping: MappingKind and Rule, what the mapping functions answer\n\
         - netcodes.vocabulary: Category and Retry, shared by every system\n",
    );
    python_docstring(&doc, 0)
}

fn mapping_module_doc(model: &Model) -> String {
    let mut doc = String::from(
        "What the mapping functions answer: the target code, and how sure that is.\n\n\
         Every mapping function lives in the module of the system it answers in and takes any int, \
         usually a member of the other system's enum. f(code) answers a member or None; f_rule(code) \
         answers a Rule with the member, the kind of mapping and the table's note. A rule for the single \
         code wins over a range, and a narrower range over a wider one.\n",
    );
    for mapping in &model.mappings {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        doc.push_str(&format!(
            "\n- netcodes.{}.{}(code: int) -> {} | None: {} (from netcodes.{}.{})",
            to.id, mapping.function, to.type_name, mapping.title, from.id, from.type_name
        ));
    }
    python_docstring(&doc, 0)
}

fn system_view(model: &Model, index: usize, system: &System) -> SystemView {
    let vocab = &model.vocabulary;
    let optional = |text: Option<&str>| text.filter(|t| !t.is_empty()).map_or_else(|| "None".to_owned(), python_string);
    let mut meanings: Vec<(i64, Vec<MeaningView>)> = Vec::new();
    let mut other_sources: Vec<(i64, String)> = Vec::new();
    for code in &system.codes {
        let view = MeaningView {
            source: python_string(&system.sources[code.source].id),
            ident: python_string(&code.ident),
            name: optional(Some(&code.name)),
            description: python_string(&code.description),
            category: python_string(&vocab.categories[code.category].id),
            retry: python_string(&vocab.retries[code.retry].id),
            status: python_string(&vocab.statuses[code.status].id),
        };
        // Only numbers with several meanings: the others are in the rows,
        // with their source here when it is not upstream's own.
        if code.meaning_count < 2 {
            if code.source != 0 {
                other_sources.push((code.value, view.source));
            }
            continue;
        }
        match meanings.last_mut() {
            Some((value, list)) if *value == code.value => list.push(view),
            _ => meanings.push((code.value, vec![view])),
        }
    }
    let mappings: Vec<MappingView> = model.mappings.iter().filter(|m| m.to == index).map(|m| mapping_view(model, m)).collect();
    let mut all: Vec<String> =
        [&system.type_name, "Group", "Meaning", "lookup", "from_name", "from_exact_name", "meanings", "is_retired"]
        .map(str::to_owned)
        .to_vec();
    if let Some(alias) = &system.name_alias {
        all.push(format!("from_{alias}"));
    }
    for m in &mappings {
        all.push(m.function.clone());
        all.push(format!("{}_rule", m.function));
    }
    sort_all(&mut all);

    SystemView {
        type_name: system.type_name.clone(),
        module_doc: python_docstring(&format!("{}.\n\n{}", system.title, system.description), 0),
        group_doc: python_docstring(&format!(
            "The value ranges of {} as upstream documents them, each holding codes of one kind.",
            system.title
        ), 4),
        class_doc: class_doc(system),
        upstream_name_doc: python_docstring(&upstream_name_doc(system), 8),
        name_type: if system.primary_codes().any(|c| c.name.is_empty()) { "str | None" } else { "str" },
        name_property: system.python_name_property.clone(),
        name_alias: system.name_alias.clone(),
        groups: system
            .groups
            .iter()
            .map(|g| (g.upper.clone(), python_string(&g.id), python_string(&g.title), optional(Some(&g.description)), g.min, g.max))
            .collect(),
        members: system.primary_codes().map(|c| (c.ident.clone(), c.value)).collect(),
        meaning_constants: system
            .codes
            .iter()
            .filter(|c| !c.primary)
            .map(|c| {
                let index = system.meanings(c.value).iter().position(|m| m.ident == c.ident).expect("a meaning of its value");
                (c.ident.clone(), c.value, index)
            })
            .collect(),
        prefixes: system.lookup_prefixes.iter().map(|p| python_string(p)).collect(),
        own_source: python_string(&system.sources[0].id),
        rows: system
            .primary_codes()
            .map(|c| RowView {
                value: c.value,
                name: optional(Some(&c.name)),
                description: python_string(&c.description),
                category: python_string(&vocab.categories[c.category].id),
                retry: python_string(&vocab.retries[c.retry].id),
                group: python_string(&system.groups[c.group].id),
                status: python_string(&vocab.statuses[c.status].id),
                since: optional(c.since.as_deref()),
                reference: optional(c.reference.as_deref()),
                flags: c.flag_bits,
            })
            .collect(),
        by_name: system.names.iter().map(|(name, row)| (python_string(name), system.codes[*row].value)).collect(),
        folded: system.folded.iter().map(|(name, row)| (python_string(name), system.codes[*row].value)).collect(),
        flags: system.flags.iter().map(|f| (f.method.clone(), python_docstring(&f.doc.replace('`', ""), 8), f.bit)).collect(),
        retired: system.retired.iter().map(|c| c.value).collect(),
        meanings,
        other_sources,
        mappings,
        all,
    }
}

fn class_doc(system: &System) -> String {
    let ty = &system.type_name;
    let id = &system.id;
    let mut doc = format!(
        "{}, as an IntEnum: members are ints and compare equal to the plain number.\n\n\
         Each member carries upstream_name, description, category, retry and group. \
         {ty}(value) raises ValueError for a value netcodes does not know, naming the value, as the \
         standard library's enums do; netcodes.{id}.lookup(value) returns None instead, and \
         netcodes.{id}.from_name(name) finds a member by any of its names.",
        system.title,
    );
    // IntEnum keeps one member per value: the other meanings are Meanings.
    if let Some([first, other]) = system.codes.windows(2).find(|pair| pair[0].value == pair[1].value) {
        doc.push_str(&format!(
            "\n\nA value with several meanings is one member, which answers with the first meaning; \
             the names of its other meanings are Meaning objects, ints equal to the number that answer \
             with their own facts ({ty}.{} == {ty}.{} == {}, but its phrase is its own). \
             netcodes.{id}.meanings({}) lists every meaning.",
            other.ident, first.ident, first.value, first.value
        ));
    }
    if !system.retired.is_empty() {
        doc.push_str(&format!(
            "\n\nNumbers upstream retired are not members; netcodes.{id}.is_retired() tells them apart \
             from numbers that never existed."
        ));
    }
    python_docstring(&doc, 4)
}

fn upstream_name_doc(system: &System) -> String {
    let example = &system.codes[system.example];
    if example.name != example.upstream_name {
        // Chromium's table writes NAME_NOT_RESOLVED, its tools print ERR_NAME_NOT_RESOLVED.
        format!(
            "The name as upstream prints it, e.g. \"{}\" (\"{}\" in {}).",
            example.name, example.upstream_name, system.source
        )
    } else if system.primary_codes().any(|c| c.name.is_empty()) {
        format!(
            "The name of the value's primary meaning, e.g. \"{}\", as its source spells it; None where the source documents none.",
            example.name
        )
    } else {
        format!("The name exactly as upstream spells it, e.g. \"{}\".", example.name)
    }
}

fn mapping_view(model: &Model, mapping: &Mapping) -> MappingView {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let rule_view = |rule: &MappingRule| RuleView {
        to: to.codes[rule.to_row].value,
        kind: python_string(&model.vocabulary.mapping_kinds[rule.kind].id),
        note: if rule.note.is_empty() { "None".to_owned() } else { python_string(&rule.note) },
    };
    let mut exact = Vec::new();
    let mut ranges = Vec::new();
    for rule in mapping.rules_by_specificity() {
        if rule.is_single() {
            exact.push((rule.lo, rule_view(rule)));
        } else {
            ranges.push((rule.lo, rule.hi, rule_view(rule)));
        }
    }
    let function = &mapping.function;
    let mut doc = format!(
        "{}.\n\n{}\n\nAnswers for any int, usually a netcodes.{}.{} member: a rule for the single code \
         wins, else the narrowest range that holds it; None where no rule covers the code. \
         {function}_rule() also says how sure the answer is.",
        mapping.title, mapping.description, from.id, from.type_name
    );
    if mapping.total {
        doc.push_str(&format!(" Every current {} code has a rule.", from.type_name));
    }
    if let Some(source) = &mapping.source {
        doc.push_str(&format!("\n\nReproduces {source}"));
        if let Some(versions) = &mapping.versions {
            doc.push_str(&format!("; holds for {versions}"));
        }
        doc.push('.');
    }
    MappingView {
        function: function.clone(),
        table: format!("_{}", function.to_uppercase()),
        doc: python_docstring(&doc, 4),
        rule_doc: python_docstring(&format!(
            "The rule of \"{}\" that answers for code: the {} it maps to, the kind of mapping and the \
             table's note; None where no rule covers the code.",
            mapping.title, to.type_name
        ), 4),
        exact,
        ranges,
    }
}

#[derive(Template)]
#[template(path = "python/README.md", escape = "none")]
struct Readme<'a> {
    notice: &'static str,
    facts: PackageReadme<'a>,
}

fn readme(model: &Model) -> String {
    Readme { notice: GENERATED_NOTICE, facts: PackageReadme::of(model) }.render().expect("renders")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dunder_all_is_in_isort_order() {
        let mut names: Vec<String> =
            ["lookup", "Status", "__version__", "Group", "from_name", "http"].map(str::to_owned).to_vec();
        sort_all(&mut names);
        assert_eq!(names, ["Group", "Status", "__version__", "from_name", "http", "lookup"]);
    }
}
