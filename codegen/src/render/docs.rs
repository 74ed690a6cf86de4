//! The docs site: an mdBook source tree with a page per code, an index page
//! per system (which keeps every code's anchor), a page per mapping, the
//! shared vocabulary and an introduction with tested examples. Each page is a
//! view and a template.
//!
//! Every piece of text from `data/` passes through `escape::markdown`, here
//! wrapped as [`code`] and [`external_link`] for the places it lands; links
//! and anchors come from the model.

use askama::Template;

use crate::escape::{json_string, markdown as md};
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};

const ROOT: &str = "generated/docs";

/// Text in code type. An HTML `<code>` element rather than backticks: a code
/// span would show `md`'s backslashes, and no backtick fence holds every string.
pub fn code(text: &str) -> String {
    format!("<code>{}</code>", md(text))
}

/// A link to a URL from data/: the angle-bracket destination holds spaces and
/// parentheses, and `md` escapes anything that would end it.
pub fn external_link(label: &str, url: &str) -> String {
    format!("[{}](<{}>)", md(label), md(url))
}

/// How a code is named in headings, links and the sidebar: `404 Not Found`,
/// `ContentNotFoundError (203)`, `0x0d HTTP_1_1_REQUIRED`.
pub fn code_label(system: &System, code: &Code) -> String {
    let value = system.value_text(code.value);
    match (system.number_first, code.name.is_empty()) {
        (_, true) => value,
        (true, false) => format!("{value} {}", code.name),
        (false, false) => format!("{} ({value})", code.name),
    }
}

/// The heading of a code's page, with what people search for in front:
/// `HTTP 499 Client Closed Request`, `QNetworkReply ContentNotFoundError (203)`.
pub fn page_heading(system: &System, code: &Code) -> String {
    if system.label.is_empty() { code_label(system, code) } else { format!("{} {}", system.label, code_label(system, code)) }
}

/// The `<title>` of a code's page: its heading and the gist of its
/// description, unique across the site.
pub fn page_title(system: &System, code: &Code) -> String {
    format!("{}: {}", page_heading(system, code), gist(&code.description))
}

/// The first sentence of a text, cut at a word near 90 characters.
fn gist(text: &str) -> String {
    let sentence = text.split_inclusive(". ").next().unwrap_or(text).trim_end().trim_end_matches('.');
    if sentence.chars().count() <= 90 {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(90).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// A link from `from_page` (a path under `src/`) to another page and anchor.
fn link(from_page: &str, label: &str, to_page: &str, anchor: Option<&str>) -> String {
    let depth = from_page.matches('/').count();
    let anchor = anchor.map_or_else(String::new, |a| format!("#{a}"));
    format!("[{label}]({}{to_page}{anchor})", "../".repeat(depth))
}

/// A link to the page of a system's value, or the bare number.
fn code_link(from_page: &str, system: &System, value: i64) -> String {
    match system.primary(value).or_else(|| system.retired_code(value)) {
        Some(code) => link(from_page, &md(&code_label(system, code)), &code.page, None),
        None => system.value_text(value),
    }
}

#[derive(Template)]
#[template(path = "docs/book.toml")]
struct BookToml<'a> {
    notice: &'static str,
    site_url: &'a str,
}

#[derive(Template)]
#[template(path = "docs/SUMMARY.md")]
struct Summary {
    notice: &'static str,
    systems: Vec<SummarySystem>,
    mappings: Vec<(String, String)>,
}

struct SummarySystem {
    title: String,
    page: String,
    /// (label, page) of every value, and the names page.
    pages: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "docs/introduction.md")]
struct Introduction {
    notice: &'static str,
    /// (link, codes, version)
    systems: Vec<(String, usize, String)>,
    /// (link, rows)
    mappings: Vec<(String, usize)>,
    rust: String,
    c: String,
    python: String,
    javascript: String,
}

#[derive(Template)]
#[template(path = "docs/vocabulary.md")]
struct VocabularyPage {
    notice: &'static str,
    /// (heading, anchor prefix, rows of (id, title, description))
    tables: Vec<(&'static str, &'static str, Vec<(String, String, String, String)>)>,
}

#[derive(Template)]
#[template(path = "docs/system.md")]
struct SystemPage {
    notice: &'static str,
    title: String,
    intro: String,
    facts: Vec<String>,
    /// (heading, anchor, rows)
    groups: Vec<(String, String, Vec<IndexRow>)>,
    retired: Vec<IndexRow>,
}

/// One meaning's row in a system's index.
struct IndexRow {
    /// Anchors on the row: the meaning's, and the value's on its first meaning.
    anchors: Vec<String>,
    link: String,
    source: String,
    gist: String,
    category: String,
    retry: String,
}

#[derive(Template)]
#[template(path = "docs/code.md")]
struct CodePage {
    notice: &'static str,
    heading: String,
    system: String,
    /// (anchor, heading) per meaning when the value has several.
    meanings: Vec<MeaningView>,
    mappings_out: Vec<String>,
    mappings_in: Vec<String>,
    names: Vec<(String, String)>,
    neighbours: (Option<String>, Option<String>),
}

struct MeaningView {
    heading: Option<String>,
    anchor: String,
    description: String,
    facts: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "docs/table.md")]
struct TablePage {
    notice: &'static str,
    title: String,
    intro: String,
    facts: Vec<String>,
    tables: Vec<Table>,
}

struct Table {
    heading: Option<String>,
    text: Option<String>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "docs/meta.json")]
struct Meta {
    notice: String,
    /// (html page, title, description)
    pages: Vec<(String, String, String)>,
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/book.toml"),
            BookToml { notice: GENERATED_NOTICE, site_url: &model.site_path() }.render().expect("renders"),
        ),
        page("introduction.md", introduction(model).render().expect("renders")),
        page("vocabulary.md", vocabulary_page(model).render().expect("renders")),
    ];
    let mut summary = Vec::new();
    let mut meta = Vec::new();
    for (index, system) in model.systems.iter().enumerate() {
        files.push(page(&system.page, system_page(model, system).render().expect("renders")));
        let mut pages = Vec::new();
        let mut values: Vec<&Code> = system.primary_codes().chain(&system.retired).collect();
        values.sort_by_key(|c| c.value);
        for (at, code) in values.iter().enumerate() {
            let neighbours = (at.checked_sub(1).map(|i| values[i]), values.get(at + 1).copied());
            let view = code_page(model, index, code, neighbours);
            files.push(page(&code.page, view.render().expect("renders")));
            pages.push((md(&code_label(system, code)), code.page.clone()));
            meta.push((html(&code.page), page_title(system, code), code.description.clone()));
        }
        if !system.ecosystems.is_empty() {
            let names_page = format!("{}-symbols.md", system.id);
            files.push(page(&names_page, symbols_page(system).render().expect("renders")));
            pages.push((md(&format!("{} in every language", system.title)), names_page));
        }
        summary.push(SummarySystem { title: md(&system.title), page: system.page.clone(), pages });
    }
    let mut mappings = Vec::new();
    if !model.mappings.is_empty() {
        files.push(page("mappings.md", mappings_page(model).render().expect("renders")));
        for mapping in &model.mappings {
            files.push(page(&mapping.page, mapping_page(model, mapping).render().expect("renders")));
            mappings.push((md(&mapping.title), mapping.page.clone()));
        }
    }
    files.push(page("SUMMARY.md", Summary { notice: GENERATED_NOTICE, systems: summary, mappings }.render().expect("renders")));
    let meta = Meta {
        notice: json_string(GENERATED_NOTICE),
        pages: meta.into_iter().map(|(page, title, description)| (json_string(&page), json_string(&title), json_string(&description))).collect(),
    };
    files.push(GeneratedFile::new(format!("{ROOT}/meta.json"), meta.render().expect("renders")));
    files
}

fn page(file: &str, contents: String) -> GeneratedFile {
    GeneratedFile::new(format!("{ROOT}/src/{file}"), contents)
}

fn html(file: &str) -> String {
    format!("{}.html", file.strip_suffix(".md").expect("a Markdown page"))
}

fn term_link(from_page: &str, prefix: &str, term: &Term) -> String {
    link(from_page, &md(&term.title), "vocabulary.md", Some(&format!("{prefix}-{}", term.id.replace('_', "-"))))
}

fn introduction(model: &Model) -> Introduction {
    Introduction {
        notice: GENERATED_NOTICE,
        systems: model
            .systems
            .iter()
            .map(|s| (link("", &md(&s.title), &s.page, None), s.codes.len(), md(&s.version)))
            .collect(),
        mappings: model.mappings.iter().map(|m| (link("", &md(&m.title), &m.page, None), m.rules.len())).collect(),
        rust: examples::rust(model),
        c: examples::c(model),
        python: examples::python(model),
        javascript: examples::javascript(model),
    }
}

fn vocabulary_page(model: &Model) -> VocabularyPage {
    let rows = |prefix: &str, terms: &[Term]| {
        terms
            .iter()
            .map(|t| (format!("{prefix}-{}", t.id.replace('_', "-")), code(&t.id), md(&t.title), md(&t.description)))
            .collect()
    };
    let vocab = &model.vocabulary;
    VocabularyPage {
        notice: GENERATED_NOTICE,
        tables: vec![
            ("Categories", "category", rows("category", &vocab.categories)),
            ("Retry classes", "retry", rows("retry", &vocab.retries)),
            ("Statuses", "status", rows("status", &vocab.statuses)),
            ("Kinds of mapping", "kind", rows("kind", &vocab.mapping_kinds)),
        ],
    }
}

fn system_page(model: &Model, system: &System) -> SystemPage {
    let index = model.systems.iter().position(|s| s.id == system.id).expect("in the model");
    let mut facts = vec![
        format!("Upstream: {} ({})", md(&system.upstream), md(&system.version)),
        format!("Source: {}", md(&system.source)),
        format!("Reference: {}", external_link(&system.url, &system.url)),
        format!(
            "In code: Rust {}, C {} and {} in {}, Python {}",
            code(&format!("netcodes::{}::{}", system.id, system.type_name)),
            code(&system.c_type),
            code(&format!("{}*()", system.c_fn_prefix)),
            code("netcodes.h"),
            code(&format!("netcodes.{}.{}", system.id, system.type_name)),
        ),
    ];
    for mapping in model.mappings.iter().filter(|m| m.from == index) {
        facts.push(format!(
            "Mapped to {} by {}",
            md(&model.systems[mapping.to].title),
            link("", &md(&mapping.title), &mapping.page, None)
        ));
    }
    if !system.ecosystems.is_empty() {
        facts.push(link("", &md(&format!("What every ecosystem calls these codes")), &format!("{}-symbols.md", system.id), None));
    }
    let row = |code: &Code, first: bool| IndexRow {
        anchors: if first && code.value_anchor != code.anchor {
            vec![code.value_anchor.clone(), code.anchor.clone()]
        } else {
            vec![code.anchor.clone()]
        },
        link: link("", &md(&code_label(system, code)), &code.page, None),
        source: if system.sources.len() > 1 { md(&system.sources[code.source].title) } else { String::new() },
        gist: md(&gist(&code.description)),
        category: term_link("", "category", &model.vocabulary.categories[code.category]),
        retry: term_link("", "retry", &model.vocabulary.retries[code.retry]),
    };
    let groups = system
        .groups
        .iter()
        .enumerate()
        .filter_map(|(group_index, group)| {
            let rows: Vec<IndexRow> =
                system.codes.iter().filter(|c| c.group == group_index).map(|c| row(c, c.primary)).collect();
            (!rows.is_empty()).then(|| {
                (
                    format!("{} ({} to {})", md(&group.title), system.value_text(group.min), system.value_text(group.max)),
                    format!("{}-group-{}", system.id, group.id.replace('_', "-")),
                    rows,
                )
            })
        })
        .collect();
    SystemPage {
        notice: GENERATED_NOTICE,
        title: md(&system.title),
        intro: md(&system.description),
        facts,
        groups,
        retired: system.retired.iter().map(|c| row(c, true)).collect(),
    }
}

fn code_page(model: &Model, index: usize, this: &Code, neighbours: (Option<&Code>, Option<&Code>)) -> CodePage {
    let system = &model.systems[index];
    let code_text = code;
    let code = this;
    let vocab = &model.vocabulary;
    let here = code.page.as_str();
    let retired = vocab.statuses[code.status].retired;
    let meanings: &[Code] = if retired { std::slice::from_ref(code) } else { system.meanings(code.value) };
    let several = meanings.len() > 1;
    let meaning_views = meanings
        .iter()
        .map(|m| {
            let mut facts = vec![("Value".to_owned(), system.value_text(m.value))];
            facts.push((
                "Upstream name".to_owned(),
                if m.upstream_name.is_empty() { "none documented".to_owned() } else { md(&m.upstream_name) },
            ));
            if system.sources.len() > 1 {
                let source = &system.sources[m.source];
                let text = if source.url.is_empty() { md(&source.title) } else { external_link(&source.title, &source.url) };
                facts.push(("Source".to_owned(), text));
            }
            facts.push(("Group".to_owned(), link(here, &md(&system.groups[m.group].title), &system.page, Some(&format!("{}-group-{}", system.id, system.groups[m.group].id.replace('_', "-"))))));
            facts.push(("Category".to_owned(), term_link(here, "category", &vocab.categories[m.category])));
            let retry = &vocab.retries[m.retry];
            facts.push(("Retry".to_owned(), format!("{}: {}", term_link(here, "retry", retry), md(&retry.description))));
            facts.push(("Status".to_owned(), term_link(here, "status", &vocab.statuses[m.status])));
            if let Some(since) = &m.since {
                facts.push(("Since".to_owned(), md(since)));
            }
            if let Some(reference) = &m.reference {
                facts.push(("Reference".to_owned(), md(reference)));
            }
            for flag in &system.flags {
                facts.push((code_text(&format!("{}()", flag.method)), if m.flag_bits & flag.bit != 0 { "yes" } else { "no" }.to_owned()));
            }
            let former: Vec<String> =
                system.former_names_of(m.value).iter().filter(|_| m.primary).map(|f| format!("{} ({})", md(&f.name), md(&f.reference))).collect();
            if !former.is_empty() {
                facts.push(("Former names".to_owned(), former.join("; ")));
            }
            MeaningView {
                heading: several.then(|| {
                    let source = md(&system.sources[m.source].title);
                    if m.name.is_empty() { source } else { format!("{source}: {}", md(&m.name)) }
                }),
                anchor: m.anchor.clone(),
                description: md(&m.description),
                facts,
            }
        })
        .collect();
    let mut mappings_out = Vec::new();
    let mut mappings_in = Vec::new();
    if !retired {
        for mapping in model.mappings.iter().filter(|m| m.from == index) {
            let to = &model.systems[mapping.to];
            if let Some(rule) = mapping.rule_for(code.value) {
                mappings_out.push(format!(
                    "{}: {} ({}){}",
                    link(here, &md(&to.title), &mapping.page, Some(&rule.anchor)),
                    code_link(here, to, rule.to),
                    md(&vocab.mapping_kinds[rule.kind].id),
                    if rule.note.is_empty() { String::new() } else { format!(": {}", md(&rule.note)) }
                ));
            }
        }
        for mapping in model.mappings.iter().filter(|m| m.to == index) {
            let from = &model.systems[mapping.from];
            let sources: Vec<String> = mapping
                .rules
                .iter()
                .filter(|r| r.to == code.value)
                .map(|r| {
                    if r.is_single() {
                        code_link(here, from, r.lo)
                    } else {
                        link(here, &format!("{} to {}", from.value_text(r.lo), from.value_text(r.hi)), &mapping.page, Some(&r.anchor))
                    }
                })
                .collect();
            if !sources.is_empty() {
                mappings_in.push(format!("{}: {}", link(here, &md(&from.title), &mapping.page, None), sources.join(", ")));
            }
        }
    }
    let mut names = Vec::new();
    if !retired {
        names.push(("Rust".to_owned(), code_text(&format!("netcodes::{}::{}::{}", system.id, system.type_name, code.ident))));
        names.push(("C".to_owned(), code_text(&code.c_name)));
        names.push(("Python".to_owned(), code_text(&format!("netcodes.{}.{}.{}", system.id, system.type_name, code.ident))));
        for ecosystem_index in 0..system.ecosystems.len() {
            let symbols: Vec<String> = system
                .symbols_of(code)
                .iter()
                .filter(|s| s.ecosystem == ecosystem_index)
                .map(|s| if s.primary { code_text(&s.name) } else { format!("{} (alias)", code_text(&s.name)) })
                .collect();
            if !symbols.is_empty() {
                names.push((md(&system.ecosystems[ecosystem_index].title), symbols.join(", ")));
            }
        }
    }
    let neighbour = |c: Option<&Code>| c.map(|c| link(here, &md(&code_label(system, c)), &c.page, None));
    CodePage {
        notice: GENERATED_NOTICE,
        heading: md(&page_heading(system, code)),
        system: link(here, &md(&system.title), &system.page, Some(&code.value_anchor)),
        meanings: meaning_views,
        mappings_out,
        mappings_in,
        names,
        neighbours: (neighbour(neighbours.0), neighbour(neighbours.1)),
    }
}

fn symbols_page(system: &System) -> TablePage {
    let page = format!("{}-symbols.md", system.id);
    let mut header = vec!["Code".to_owned(), "Name".to_owned()];
    header.extend(system.ecosystems.iter().map(|e| md(&e.title)));
    let rows = system
        .primary_codes()
        .map(|entry| {
            let mut row = vec![link(&page, &system.value_text(entry.value), &entry.page, None), md(&entry.name)];
            for index in 0..system.ecosystems.len() {
                let names: Vec<String> = system
                    .symbols_of(entry)
                    .iter()
                    .filter(|s| s.ecosystem == index)
                    .map(|s| {
                        let mut text = code(&s.name);
                        if !s.primary {
                            text.push_str(" (alias");
                            if let Some(since) = &s.since {
                                text.push_str(&format!(", since {}", md(since)));
                            }
                            text.push(')');
                        }
                        text
                    })
                    .collect();
                row.push(names.join("<br>"));
            }
            row
        })
        .collect();
    let versions: Vec<String> =
        system.ecosystems.iter().map(|e| format!("{} {}", external_link(&e.title, &e.url), md(&e.version))).collect();
    TablePage {
        notice: GENERATED_NOTICE,
        title: md(&format!("{} in every language", system.title)),
        intro: format!(
            "What each ecosystem calls each code, read from the real libraries: {}. \
             An empty cell means the ecosystem has no name for that code.",
            versions.join(", ")
        ),
        facts: Vec::new(),
        tables: vec![Table { heading: None, text: None, header, rows }],
    }
}

fn mappings_page(model: &Model) -> TablePage {
    let kinds = model
        .vocabulary
        .mapping_kinds
        .iter()
        .map(|kind| vec![format!("<a id=\"kind-{id}\"></a>{id}", id = md(&kind.id)), md(&kind.description)])
        .collect();
    let tables = model
        .mappings
        .iter()
        .map(|mapping| {
            let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
            vec![
                link("", &md(&mapping.title), &mapping.page, None),
                link("", &md(&from.title), &from.page, None),
                link("", &md(&to.title), &to.page, None),
                mapping.rules.len().to_string(),
                if mapping.total { "all codes" } else { "some codes" }.to_owned(),
            ]
        })
        .collect();
    TablePage {
        notice: GENERATED_NOTICE,
        title: "Mappings".to_owned(),
        intro: "What a code of one system is called in another. Each mapping is a table of rows, each from one \
                code or a range of numbers to one code of the other system. The most specific row wins: a single \
                code beats a range, and a range beats any range that holds it. A range also answers for numbers \
                its system does not define. Every row says how sure it is."
            .to_owned(),
        facts: Vec::new(),
        tables: vec![
            Table { heading: Some("Kinds of rows".to_owned()), text: None, header: vec!["Kind".into(), "Meaning".into()], rows: kinds },
            Table {
                heading: Some("Tables".to_owned()),
                text: None,
                header: ["Mapping", "From", "To", "Rows", "Covers"].map(str::to_owned).to_vec(),
                rows: tables,
            },
        ],
    }
}

fn mapping_page(model: &Model, mapping: &Mapping) -> TablePage {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let here = mapping.page.as_str();
    let vocab = &model.vocabulary;
    let mut facts = vec![
        format!("From: {}", link(here, &md(&from.title), &from.page, None)),
        format!("To: {}", link(here, &md(&to.title), &to.page, None)),
        format!(
            "Covers: {}",
            if mapping.total {
                format!("every code on {}", link(here, &md(&from.title), &from.page, None))
            } else {
                "only the codes it has rows for".to_owned()
            }
        ),
    ];
    if let Some(source) = &mapping.source {
        facts.push(format!("Reproduces: {}", md(source)));
    }
    if let Some(versions) = &mapping.versions {
        facts.push(format!("Holds for: {}", md(versions)));
    }
    let counts: Vec<String> = vocab
        .mapping_kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| (kind, mapping.rules.iter().filter(|r| r.kind == i).count()))
        .filter(|(_, count)| *count > 0)
        .map(|(kind, count)| format!("{count} {}", link(here, &md(&kind.id), "mappings.md", Some(&format!("kind-{}", kind.id)))))
        .collect();
    facts.push(format!("Rows: {} ({})", mapping.rules.len(), counts.join(", ")));
    facts.push(format!(
        "In code: Rust {} and {}, C {}, Python {}",
        code(&format!("netcodes::{}::{}::{}()", to.id, to.type_name, mapping.function)),
        code(&format!("netcodes::{}::{}::{}()", from.id, from.type_name, mapping.to_method)),
        code(&format!("{}()", mapping.c_function)),
        code(&format!("netcodes.{}.{}()", to.id, mapping.function)),
    ));
    facts.push(format!("Table: {}", code(&mapping.table_path)));
    let rows = mapping
        .rules
        .iter()
        .map(|rule| {
            let covers = if rule.is_single() {
                code_link(here, from, rule.lo)
            } else {
                format!("{} to {}", from.value_text(rule.lo), from.value_text(rule.hi))
            };
            let kind = &vocab.mapping_kinds[rule.kind];
            vec![
                format!("<a id=\"{}\"></a>{covers}", rule.anchor),
                code_link(here, to, rule.to),
                link(here, &md(&kind.id), "mappings.md", Some(&format!("kind-{}", kind.id))),
                md(&rule.note),
            ]
        })
        .collect();
    TablePage {
        notice: GENERATED_NOTICE,
        title: md(&mapping.title),
        intro: md(&mapping.description),
        facts,
        tables: vec![Table {
            heading: Some("Rows".to_owned()),
            text: Some(
                "In the order of the codes they cover. A row for a range answers for every number in it that no \
                 narrower row covers."
                    .to_owned(),
            ),
            header: ["From", "To", "Kind", "Note"].map(str::to_owned).to_vec(),
            rows,
        }],
    }
}

/// The introduction's examples, written from the model's own answers (the
/// docs test extracts and runs every one).
mod examples {
    use crate::model::*;

    fn first_mapping(model: &Model) -> Option<(&Mapping, &MappingRule)> {
        let mapping = model.mappings.iter().find(|m| m.source.is_some()).or(model.mappings.first())?;
        Some((mapping, mapping.rules_by_specificity().next()?))
    }

    pub fn rust(model: &Model) -> String {
        let mut out = String::new();
        for system in &model.systems {
            let code = &system.codes[system.example];
            out.push_str(&format!(
                "let code = netcodes::{id}::{ty}::from({value});\nassert_eq!(code, netcodes::{id}::{ty}::{ident});\n",
                id = system.id,
                ty = system.type_name,
                value = code.value,
                ident = code.ident
            ));
            if !code.name.is_empty() {
                out.push_str(&format!("assert_eq!(code.name(), Some({:?}));\n", code.name));
            }
            out.push_str("println!(\"{code}: {:?}\", code.category());\n");
        }
        if let Some((mapping, rule)) = first_mapping(model) {
            let to = &model.systems[mapping.to];
            out.push_str(&format!(
                "// {title}\nassert_eq!(netcodes::{id}::{ty}::{function}({value}), Some(netcodes::{id}::{ty}::{target}));\n",
                title = mapping.title.replace('\n', " "),
                id = to.id,
                ty = to.type_name,
                function = mapping.function,
                value = rule.lo,
                target = to.codes[rule.to_row].ident
            ));
        }
        out
    }

    pub fn c(model: &Model) -> String {
        let mut out = String::from("#include <stdio.h>\n#include \"netcodes.h\"\n\nint main(void) {\n    int ok = 1;\n");
        for system in &model.systems {
            let code = &system.codes[system.example];
            if code.name.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "    printf(\"%s\\n\", {f}name({c}));\n    ok = ok && {f}description({c}) != NULL;\n",
                f = system.c_fn_prefix,
                c = code.c_name
            ));
        }
        if let Some((mapping, rule)) = first_mapping(model) {
            let to = &model.systems[mapping.to];
            out.push_str(&format!(
                "    /* {title} */\n    ok = ok && {function}({value}) == {target};\n",
                title = mapping.title.replace("*/", ""),
                function = mapping.c_function,
                value = rule.lo,
                target = to.codes[rule.to_row].c_name
            ));
        }
        out.push_str("    return ok ? 0 : 1;\n}\n");
        out
    }

    pub fn python(model: &Model) -> String {
        let mut out = String::from("import netcodes\n\n");
        for system in &model.systems {
            let code = &system.codes[system.example];
            out.push_str(&format!(
                "code = netcodes.{id}.{ty}({value})\nassert code is netcodes.{id}.{ty}.{ident}\nprint(code.upstream_name, code.category, code.retry)\n",
                id = system.id,
                ty = system.type_name,
                value = code.value,
                ident = code.ident
            ));
        }
        if let Some((mapping, rule)) = first_mapping(model) {
            let to = &model.systems[mapping.to];
            out.push_str(&format!(
                "rule = netcodes.{id}.{function}_rule({value})\nassert rule is not None and rule.to is netcodes.{id}.{ty}.{target}\nprint(rule.kind, rule.note)\n",
                id = to.id,
                ty = to.type_name,
                function = mapping.function,
                value = rule.lo,
                target = to.codes[rule.to_row].ident
            ));
        }
        out
    }

    pub fn javascript(model: &Model) -> String {
        let mut out = String::from("import { retryDecision } from \"netcodes\";\n");
        for system in &model.systems {
            out.push_str(&format!("import * as {id} from \"netcodes/{id}\";\n", id = system.id));
        }
        out.push('\n');
        for system in &model.systems {
            let code = &system.codes[system.example];
            out.push_str(&format!(
                "console.assert({id}.lookup({value}) === {id}.{ty}.{ident});\nconsole.log({id}.lookup({value}).category, {id}.lookup({value}).retry);\n",
                id = system.id,
                ty = system.type_name,
                value = code.value,
                ident = code.ident
            ));
        }
        if let Some((mapping, rule)) = first_mapping(model) {
            let to = &model.systems[mapping.to];
            out.push_str(&format!(
                "console.assert({id}.{function}({value}) === {id}.{ty}.{target});\nconsole.log({id}.{function}Rule({value}).kind);\n",
                id = to.id,
                ty = to.type_name,
                function = mapping.js_function,
                value = rule.lo,
                target = to.codes[rule.to_row].ident
            ));
        }
        if let Some(system) = model.systems.first() {
            out.push_str(&format!(
                "console.log(retryDecision({id}.lookup({value}), {{ idempotent: true }}));\n",
                id = system.id,
                value = system.codes[system.example].value
            ));
        }
        out
    }
}
