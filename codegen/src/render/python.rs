//! The `netcodes` Python package: modules, exact `.pyi` stubs, `py.typed`.
//!
//! Every docstring and string literal that holds text from `data/` is built
//! here and passed through [`python_string`]; templates print only those
//! literals, numbers and identifiers the model has validated.

use askama::Template;

use crate::escape::python_string;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile, Lookup};
use crate::validate::Project;

#[derive(Template)]
#[template(path = "python/system.py")]
struct Module<'a> {
    notice: &'static str,
    s: &'a SystemView,
}

#[derive(Template)]
#[template(path = "python/system.pyi")]
struct Stub<'a> {
    notice: &'static str,
    s: &'a SystemView,
}

#[derive(Template)]
#[template(path = "python/vocabulary.py")]
struct Vocabulary<'a> {
    notice: &'static str,
    categories: &'a [TermView],
    retries: &'a [TermView],
}

#[derive(Template)]
#[template(path = "python/vocabulary.pyi")]
struct VocabularyStub<'a> {
    notice: &'static str,
    categories: &'a [TermView],
    retries: &'a [TermView],
}

#[derive(Template)]
#[template(path = "python/mapping.py")]
struct MappingModule {
    notice: &'static str,
    doc: String,
}

#[derive(Template)]
#[template(path = "python/mapping.pyi")]
struct MappingStub {
    notice: &'static str,
}

#[derive(Template)]
#[template(path = "python/__init__.py")]
struct Init<'a> {
    notice: &'static str,
    doc: String,
    version: String,
    modules: &'a [String],
    all: &'a [String],
}

#[derive(Template)]
#[template(path = "python/__init__.pyi")]
struct InitStub<'a> {
    notice: &'static str,
    modules: &'a [String],
    all: &'a [String],
}

#[derive(Template)]
#[template(path = "python/pyproject.toml")]
struct Pyproject {
    notice: &'static str,
    version: String,
}

struct TermView {
    upper: String,
    id: String,
    title: String,
    description: String,
}

struct SystemView {
    type_name: String,
    /// Python string literals, ready to print as docstrings.
    module_doc: String,
    group_doc: String,
    class_doc: String,
    upstream_name_doc: String,
    is_http: bool,
    has_since: bool,
    has_retired: bool,
    groups: Vec<GroupView>,
    members: Vec<MemberView>,
    rows: Vec<RowView>,
    by_name: Vec<(String, String)>,
    flags: Vec<FlagView>,
    retired: Vec<i64>,
    meanings: Vec<(i64, Vec<MeaningView>)>,
    /// `(phrase literal, member)` in precedence order; the module folds them.
    reasons: Vec<(String, String)>,
    mappings: Vec<MappingView>,
    /// `__all__`, in the order ruff's RUF022 expects.
    all: Vec<String>,
}

struct GroupView {
    upper: String,
    id: String,
    title: String,
    min: i64,
    max: i64,
}

struct MemberView {
    ident: String,
    /// The value, or for a further meaning of a value, the member it is an alias of.
    value: String,
}

struct RowView {
    value: i64,
    name: String,
    description: String,
    category: String,
    retry: String,
    group: String,
    since: String,
    flags: u8,
}

struct FlagView {
    method: String,
    doc: String,
    bit: u8,
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
    /// `from_http_status`
    function: String,
    /// `_FROM_HTTP_STATUS`: prefix of the module's private tables.
    table: String,
    doc: String,
    rule_doc: String,
    /// Single-code rules, by code.
    exact: Vec<(i64, RuleView)>,
    /// Range rules, narrowest first (`Mapping::rules_by_specificity`).
    ranges: Vec<(i64, i64, RuleView)>,
}

struct RuleView {
    /// The target member: `UNKNOWN_SERVER_ERROR`.
    to: String,
    /// `UPSTREAM`
    kind: String,
    /// A string literal or `None`.
    note: String,
}

/// Keywords a lower_snake mapping function name could spell.
const PYTHON_KEYWORDS: [&str; 32] = [
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
];

const ROOT: &str = "generated/python";

/// Names a system module defines or imports besides its code type and mapping functions.
const MODULE_NAMES: [&str; 14] = [
    "Group",
    "Meaning",
    "meanings",
    "from_reason",
    "lookup",
    "from_name",
    "is_retired",
    "Rule",
    "MappingKind",
    "Category",
    "Retry",
    "enum",
    "dataclass",
    "annotations",
];

pub fn render(project: &Project, model: &Model) -> Vec<GeneratedFile> {
    let terms = |terms: &[Term]| -> Vec<TermView> {
        terms
            .iter()
            .map(|t| TermView {
                upper: t.upper.clone(),
                id: python_string(&t.id),
                title: python_string(&t.title),
                description: python_string(&t.description),
            })
            .collect()
    };
    let categories = terms(&model.categories);
    let retries = terms(&model.retries);
    let systems: Vec<SystemView> = model.systems.iter().enumerate().map(|(i, s)| system_view(model, i, s)).collect();

    let mut modules: Vec<String> = model.systems.iter().map(|s| s.id.clone()).collect();
    modules.extend(["mapping".to_owned(), "vocabulary".to_owned()]);
    modules.sort();
    let mut all: Vec<String> = ["Category", "MappingKind", "Retry", "Rule", "__version__"].map(str::to_owned).to_vec();
    all.extend(modules.iter().cloned());
    sort_all(&mut all);
    let version = python_string(&project.version);

    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/pyproject.toml"),
            Pyproject { notice: GENERATED_NOTICE, version: version.clone() }.render().expect("renders"),
        ),
        GeneratedFile::new(format!("{ROOT}/README.md"), readme(model)),
        // The repository's license travels with the wheel (PEP 639 license-files).
        GeneratedFile::new(format!("{ROOT}/LICENSE"), crate::render::license_text()),
        GeneratedFile::new(format!("{ROOT}/netcodes/py.typed"), format!("# {GENERATED_NOTICE}\n")),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/__init__.py"),
            Init { notice: GENERATED_NOTICE, doc: package_doc(model), version, modules: &modules, all: &all }
                .render()
                .expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/__init__.pyi"),
            InitStub { notice: GENERATED_NOTICE, modules: &modules, all: &all }.render().expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/vocabulary.py"),
            Vocabulary { notice: GENERATED_NOTICE, categories: &categories, retries: &retries }
                .render()
                .expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/vocabulary.pyi"),
            VocabularyStub { notice: GENERATED_NOTICE, categories: &categories, retries: &retries }
                .render()
                .expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/mapping.py"),
            MappingModule { notice: GENERATED_NOTICE, doc: mapping_module_doc(model) }.render().expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/mapping.pyi"),
            MappingStub { notice: GENERATED_NOTICE }.render().expect("renders"),
        ),
    ];
    for (system, view) in model.systems.iter().zip(&systems) {
        files.push(GeneratedFile::new(
            format!("{ROOT}/netcodes/{}.py", system.id),
            Module { notice: GENERATED_NOTICE, s: view }.render().expect("renders"),
        ));
        files.push(GeneratedFile::new(
            format!("{ROOT}/netcodes/{}.pyi", system.id),
            Stub { notice: GENERATED_NOTICE, s: view }.render().expect("renders"),
        ));
    }
    files
}

/// isort order, as ruff's RUF022 checks `__all__`: CamelCase names, then the
/// rest (`__version__`, modules, functions), each alphabetically.
fn sort_all(names: &mut [String]) {
    names.sort_by(|a, b| {
        let camel = |n: &str| !n.starts_with(|c: char| c.is_ascii_uppercase());
        (camel(a), a).cmp(&(camel(b), b))
    });
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
    python_string(&doc)
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
    python_string(&doc)
}

fn system_view(model: &Model, index: usize, system: &System) -> SystemView {
    let lookup = Lookup::new(model, system);
    let primaries: Vec<&Code> = system.primary_codes().collect();
    let sources = model.http.as_ref().map(|h| h.sources.as_slice()).unwrap_or_default();
    let optional = |text: &str| if text.is_empty() { "None".to_owned() } else { python_string(text) };
    let is_http = system.kind == SystemKind::Http;
    let mut meanings: Vec<(i64, Vec<MeaningView>)> = Vec::new();
    let mut reasons: Vec<(String, String)> = Vec::new();
    if is_http {
        for code in &system.codes {
            let view = MeaningView {
                source: python_string(code.source.map_or("", |i| sources[i].id.as_str())),
                ident: python_string(&code.ident),
                name: optional(&code.name),
                description: python_string(&code.description),
                category: model.categories[code.category].upper.clone(),
                retry: model.retries[code.retry].upper.clone(),
                status: python_string(code.status.id()),
            };
            match meanings.last_mut() {
                Some((value, list)) if *value == code.value => list.push(view),
                _ => meanings.push((code.value, vec![view])),
            }
        }
        // The same precedence as the Rust crate: the registered meaning's
        // phrase, then earlier RFCs' phrases, then the other vendors'.
        let history = model.http.as_ref().map(|h| h.reason_history.as_slice()).unwrap_or_default();
        let phrases = primaries
            .iter()
            .map(|c| (c.name.as_str(), c.value))
            .chain(history.iter().map(|h| (h.reason.as_str(), h.code)))
            .chain(system.codes.iter().filter(|c| !c.primary).map(|c| (c.name.as_str(), c.value)));
        for (phrase, value) in phrases.filter(|(phrase, _)| !phrase.is_empty()) {
            if let Some(code) = system.primary(value) {
                reasons.push((python_string(phrase), code.ident.clone()));
            }
        }
    }
    let mappings: Vec<MappingView> =
        model.mappings.iter().filter(|m| m.to == index).map(|m| mapping_view(model, m)).collect();
    let has_retired = !system.retired.is_empty();
    let mut all: Vec<String> = vec![system.type_name.clone(), "Group".into(), "lookup".into(), "from_name".into()];
    if is_http {
        all.extend(["Meaning", "meanings", "from_reason"].map(str::to_owned));
    }
    if has_retired {
        all.push("is_retired".into());
    }
    for m in &mappings {
        for name in [m.function.clone(), format!("{}_rule", m.function)] {
            // Validation checks function names for C; these are Python's own clashes.
            assert!(
                !MODULE_NAMES.contains(&name.as_str())
                    && !all.contains(&name)
                    && !PYTHON_KEYWORDS.contains(&name.as_str()),
                "mapping function netcodes.{}.{name} clashes with a name the module already has",
                system.id,
            );
            all.push(name);
        }
    }
    sort_all(&mut all);

    SystemView {
        type_name: system.type_name.clone(),
        module_doc: python_string(&format!("{}\n\n{}", system.title, system.description)),
        group_doc: python_string(&format!(
            "The value ranges of {} as upstream documents them, each holding codes of one kind.",
            system.title
        )),
        class_doc: class_doc(system),
        upstream_name_doc: python_string(&upstream_name_doc(system)),
        is_http,
        has_since: system.kind == SystemKind::Qt,
        has_retired,
        groups: system
            .groups
            .iter()
            .map(|g| GroupView {
                upper: g.upper.clone(),
                id: python_string(&g.id),
                title: python_string(&g.title),
                min: g.min,
                max: g.max,
            })
            .collect(),
        members: system
            .codes
            .iter()
            .map(|c| MemberView {
                ident: c.ident.clone(),
                value: match system.primary(c.value) {
                    Some(primary) if !c.primary => primary.ident.clone(),
                    _ => c.value.to_string(),
                },
            })
            .collect(),
        rows: primaries
            .iter()
            .map(|c| RowView {
                value: c.value,
                name: optional(&c.name),
                description: python_string(&c.description),
                category: model.categories[c.category].upper.clone(),
                retry: model.retries[c.retry].upper.clone(),
                group: system.groups[c.group].upper.clone(),
                since: c.since.as_deref().map_or_else(|| "None".to_owned(), python_string),
                flags: c.flags.iter().enumerate().fold(0u8, |acc, (i, &on)| acc | (u8::from(on) << i)),
            })
            .collect(),
        by_name: lookup
            .by_name
            .iter()
            .map(|(name, row)| (python_string(name), system.codes[*row].ident.clone()))
            .collect(),
        flags: system
            .flags
            .iter()
            .enumerate()
            .map(|(i, f)| FlagView {
                method: f.method.clone(),
                doc: python_string(&f.doc.replace('`', "")),
                bit: 1 << i,
            })
            .collect(),
        retired: system.retired.iter().map(|c| c.value).collect(),
        meanings,
        reasons,
        mappings,
        all,
    }
}

fn class_doc(system: &System) -> String {
    let ty = &system.type_name;
    let id = &system.id;
    let mut doc = format!(
        "{}, as an IntEnum: members are ints and compare equal to the plain number{}.\n\n\
         Each member carries upstream_name, description, category, retry and group. \
         {ty}(value) raises ValueError for a value netcodes does not know, naming the value, as the \
         standard library's enums do; netcodes.{id}.lookup(value) returns None instead, and \
         netcodes.{id}.from_name(name) finds a member by any of its names.",
        system.title,
        if system.kind == SystemKind::Http { " and to the http.HTTPStatus member of the same value" } else { "" },
    );
    // IntEnum keeps one member per value: name the other meanings' aliases.
    let shared = system.codes.windows(2).find(|pair| pair[0].value == pair[1].value);
    if let Some([first, other]) = shared {
        doc.push_str(&format!(
            "\n\nA value with several meanings is one member: the names of its other meanings are \
             aliases of it ({ty}.{} is {ty}.{}, with that meaning's description). \
             netcodes.{id}.meanings({}) lists every meaning.",
            other.ident, first.ident, first.value
        ));
    }
    if !system.retired.is_empty() {
        doc.push_str(&format!(
            "\n\nNumbers upstream retired are not members; netcodes.{id}.is_retired() tells them apart \
             from numbers that never existed."
        ));
    }
    python_string(&doc)
}

fn upstream_name_doc(system: &System) -> String {
    let Some(example) = system.codes.iter().find(|c| !c.name.is_empty()) else {
        return "The name as upstream spells it.".to_owned();
    };
    match system.kind {
        SystemKind::Http => format!(
            "The reason phrase of the value's primary meaning (\"{}\"), as the registry or the vendor spells it; \
             None where the vendor documents none.",
            example.name
        ),
        // Chromium's table writes NAME_NOT_RESOLVED, its tools print ERR_NAME_NOT_RESOLVED.
        _ if example.name != example.upstream_name => format!(
            "The name as upstream prints it, e.g. \"{}\" (\"{}\" in {}).",
            example.name, example.upstream_name, system.source
        ),
        _ => format!("The name exactly as upstream spells it, e.g. \"{}\".", example.name),
    }
}

fn mapping_view(model: &Model, mapping: &Mapping) -> MappingView {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let rule_view = |rule: &MappingRule| RuleView {
        to: to
            .primary(rule.to)
            .unwrap_or_else(|| panic!("{}: target {} is a code of {}", mapping.table_path, rule.to, to.id))
            .ident
            .clone(),
        kind: rule.kind.id().to_uppercase(),
        note: if rule.note.is_empty() { "None".to_owned() } else { python_string(&rule.note) },
    };
    let mut exact = Vec::new();
    let mut ranges = Vec::new();
    for rule in mapping.rules_by_specificity() {
        if rule.lo == rule.hi {
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
        doc: python_string(&doc),
        rule_doc: python_string(&format!(
            "The rule of \"{}\" that answers for code: the {} it maps to, the kind of mapping and the \
             table's note; None where no rule covers the code.",
            mapping.title, to.type_name
        )),
        exact,
        ranges,
    }
}

fn readme(model: &Model) -> String {
    let mut out = format!("<!-- {GENERATED_NOTICE} -->\n# netcodes\n\n");
    out.push_str(
        "Network error and status codes for Python: HTTP statuses (registry and vendor codes), \
         Qt `QNetworkReply::NetworkError` and Chromium net errors, each an `IntEnum` with a description, \
         a category, retry advice and cross-mappings. Standard library only; typed (`py.typed`, exact stubs).\n\n",
    );
    out.push_str(
        "```python\nimport netcodes\n\n\
         # Every code is an IntEnum member that carries its facts.\n\
         err = netcodes.chromium.NetError.ERR_NAME_NOT_RESOLVED\n\
         print(err.value, err.upstream_name, err.description, err.category, err.retry)\n\n\
         # Unknown values: lookup() answers None, the constructor raises ValueError.\n\
         assert netcodes.qt.lookup(1000) is None\n\n\
         # HTTP statuses compare equal to http.HTTPStatus and plain ints.\n\
         assert netcodes.http.Status.NOT_FOUND == 404\n\
         assert netcodes.http.from_reason(\"request entity too large\") == 413\n",
    );
    // Prefer a table that reproduces upstream behaviour: the most telling example.
    let with_rules = || model.mappings.iter().filter(|m| !m.rules.is_empty());
    if let Some(mapping) = with_rules().find(|m| m.source.is_some()).or(with_rules().next()) {
        let to = &model.systems[mapping.to];
        let example = mapping.rules_by_specificity()[0];
        out.push_str(&format!(
            "\n# Cross-mappings, with how sure each answer is (a netcodes.mapping.Rule).\n\
             rule = netcodes.{}.{}_rule({})\n\
             if rule is not None:\n    print(rule.to.name, rule.kind.value, rule.note)\n",
            to.id, mapping.function, example.lo
        ));
    }
    out.push_str("```\n\n## Modules\n\n");
    for system in &model.systems {
        out.push_str(&format!(
            "- `netcodes.{}`: {}: `{}`, `lookup()`, `from_name()`\n",
            system.id,
            crate::escape::markdown(&system.title),
            system.type_name
        ));
    }
    out.push_str("- `netcodes.mapping`: `MappingKind` and `Rule`, what the mapping functions answer\n");
    out.push_str("- `netcodes.vocabulary`: `Category` and `Retry`, shared by every system\n");
    if !model.mappings.is_empty() {
        out.push_str(
            "\n## Mappings\n\nEach takes any int (usually a member of the source system) and answers a member or \
             `None`; the `_rule` variant answers a `Rule` with the kind and the note.\n\n",
        );
        for mapping in &model.mappings {
            out.push_str(&format!(
                "- `netcodes.{}.{}()`: {}\n",
                model.systems[mapping.to].id,
                mapping.function,
                crate::escape::markdown(&mapping.title)
            ));
        }
    }
    out
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
