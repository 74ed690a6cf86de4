//! The `netcodes` Python package: modules, exact `.pyi` stubs, `py.typed`.

use askama::Template;

use crate::escape::python_string;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile, Lookup};
use crate::validate::Project;

#[derive(Template)]
#[template(path = "python/system.py")]
struct Module<'a> {
    notice: &'static str,
    doc: String,
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
#[template(path = "python/__init__.py")]
struct Init<'a> {
    notice: &'static str,
    version: String,
    systems: &'a [SystemView],
}

#[derive(Template)]
#[template(path = "python/__init__.pyi")]
struct InitStub<'a> {
    notice: &'static str,
    systems: &'a [SystemView],
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
    id: String,
    type_name: String,
    /// Title without anything that needs escaping inside a docstring.
    title_plain: String,
    class_doc: String,
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
    reasons: Vec<(String, String)>,
    mappings_in: Vec<MappingView>,
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
    value: i64,
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

struct MappingView {
    function: String,
}

const ROOT: &str = "generated/python";

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
    let systems: Vec<SystemView> = model.systems.iter().map(|s| system_view(model, s)).collect();

    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/pyproject.toml"),
            Pyproject { notice: GENERATED_NOTICE, version: python_string(&project.version) }.render().expect("renders"),
        ),
        GeneratedFile::new(format!("{ROOT}/README.md"), readme(model)),
        GeneratedFile::new(format!("{ROOT}/netcodes/py.typed"), format!("# {GENERATED_NOTICE}\n")),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/__init__.py"),
            Init { notice: GENERATED_NOTICE, version: python_string(&project.version), systems: &systems }
                .render()
                .expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/__init__.pyi"),
            InitStub { notice: GENERATED_NOTICE, systems: &systems }.render().expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/vocabulary.py"),
            Vocabulary { notice: GENERATED_NOTICE, categories: &categories, retries: &retries }.render().expect("renders"),
        ),
        GeneratedFile::new(
            format!("{ROOT}/netcodes/vocabulary.pyi"),
            VocabularyStub { notice: GENERATED_NOTICE, categories: &categories, retries: &retries }
                .render()
                .expect("renders"),
        ),
    ];
    for (system, view) in model.systems.iter().zip(&systems) {
        let doc = python_string(&format!("{}\n\n{}", system.title, system.description));
        files.push(GeneratedFile::new(
            format!("{ROOT}/netcodes/{}.py", system.id),
            Module { notice: GENERATED_NOTICE, doc, s: view }.render().expect("renders"),
        ));
        files.push(GeneratedFile::new(
            format!("{ROOT}/netcodes/{}.pyi", system.id),
            Stub { notice: GENERATED_NOTICE, s: view }.render().expect("renders"),
        ));
    }
    files
}

fn system_view(model: &Model, system: &System) -> SystemView {
    let lookup = Lookup::new(system);
    let primaries: Vec<&Code> = system.primary_codes().collect();
    let sources = model.http.as_ref().map(|h| h.sources.as_slice()).unwrap_or_default();
    let optional = |text: &str| if text.is_empty() { "None".to_owned() } else { python_string(text) };
    let mut meanings: Vec<(i64, Vec<MeaningView>)> = Vec::new();
    let mut reasons: Vec<(String, String)> = Vec::new();
    if system.kind == SystemKind::Http {
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
        let history = model.http.as_ref().map(|h| h.reason_history.as_slice()).unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        let phrases = primaries
            .iter()
            .map(|c| (c.name.as_str(), c.value))
            .chain(history.iter().map(|h| (h.reason.as_str(), h.code)));
        for (phrase, value) in phrases {
            let key = phrase.to_lowercase();
            if phrase.is_empty() || !seen.insert(key.clone()) {
                continue;
            }
            if let Some(code) = primaries.iter().find(|c| c.value == value) {
                reasons.push((python_string(&key), code.ident.clone()));
            }
        }
    }
    SystemView {
        id: system.id.clone(),
        type_name: system.type_name.clone(),
        title_plain: system.title.chars().filter(|c| c.is_ascii_alphanumeric() || " .:,()-".contains(*c)).collect(),
        class_doc: format!(
            "A {} code. Any int is accepted by lookup(); constructing the enum from an unknown value raises ValueError.",
            system.upstream.chars().filter(|c| c.is_ascii_alphanumeric() || " .:,()-".contains(*c)).collect::<String>()
        ),
        is_http: system.kind == SystemKind::Http,
        has_since: system.kind == SystemKind::Qt,
        has_retired: !system.retired.is_empty(),
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
        members: system.codes.iter().map(|c| MemberView { ident: c.ident.clone(), value: c.value }).collect(),
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
            .map(|(i, f)| FlagView { method: f.method.clone(), doc: f.doc.replace('`', ""), bit: 1 << i })
            .collect(),
        retired: system.retired.iter().map(|c| c.value).collect(),
        meanings,
        reasons,
        mappings_in: Vec::new(),
    }
}

fn readme(model: &Model) -> String {
    let mut out = format!("<!-- {GENERATED_NOTICE} -->\n# netcodes\n\n");
    out.push_str(
        "Network error and status codes for Python: HTTP statuses (registry and vendor codes), \
         Qt `QNetworkReply::NetworkError` and Chromium net errors, each an `IntEnum` with a description, \
         a category, retry advice and cross-mappings. Standard library only; typed (`py.typed`).\n\n",
    );
    out.push_str("```python\nimport netcodes\n\n");
    out.push_str("err = netcodes.chromium.NetError(-105)\nprint(err.name, err.category, err.retry)\n");
    out.push_str("print(netcodes.qt.lookup(203).description)\n");
    out.push_str("assert netcodes.http.lookup(999) is None\n```\n\nModules:\n\n");
    for system in &model.systems {
        out.push_str(&format!("- `netcodes.{}`: {}\n", system.id, crate::escape::markdown(&system.title)));
    }
    out
}
