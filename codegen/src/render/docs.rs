//! The docs site: an mdBook source tree with a page per system and per
//! mapping, and one stable anchor per code.
//!
//! Every piece of text from `data/` passes through `escape::markdown`, here
//! wrapped as [`paragraph`], [`code`] and [`external_link`] for the places it
//! lands; anchors and page names come from the model.

use askama::Template;

use crate::escape::markdown as md;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};
use crate::validate::Project;

const ROOT: &str = "generated/docs";
const MAPPINGS_FILE: &str = "mappings.md";

#[derive(Template)]
#[template(path = "docs/book.toml")]
struct BookToml {
    notice: &'static str,
}

#[derive(Template)]
#[template(path = "docs/SUMMARY.md")]
struct Summary {
    notice: &'static str,
    systems: Vec<SummaryItem>,
    mappings: Vec<SummaryLink>,
}

struct SummaryItem {
    title: String,
    file: String,
    subpages: Vec<SummaryLink>,
}

struct SummaryLink {
    title: String,
    file: String,
}

#[derive(Template)]
#[template(path = "docs/system.md")]
struct SystemPage {
    notice: &'static str,
    page: SystemView,
}

struct SystemView {
    title: String,
    intro: String,
    facts: Vec<String>,
    groups: Vec<GroupView>,
}

struct GroupView {
    title: String,
    anchor: String,
    sections: Vec<SectionView>,
}

/// One value: its heading, and one entry per meaning.
struct SectionView {
    heading: String,
    anchor: String,
    entries: Vec<EntryView>,
}

struct EntryView {
    /// Only where a value has headed meanings (HTTP).
    heading: Option<String>,
    anchor: String,
    description: String,
    facts: Vec<String>,
}

#[derive(Template)]
#[template(path = "docs/table.md")]
struct TablePage {
    notice: &'static str,
    page: TableView,
}

struct TableView {
    title: String,
    intro: String,
    /// A bulleted list after the introduction.
    facts: Vec<String>,
    tables: Vec<Table>,
}

struct Table {
    heading: Option<String>,
    text: Option<String>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

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

/// The page a system's codes live on.
pub fn page_file(system: &System) -> String {
    format!("{}.md", system.id)
}

/// The page of a mapping table. The `map-` prefix keeps it apart from system
/// pages, whose ids hold no hyphen.
pub fn mapping_file(mapping: &Mapping) -> String {
    format!("map-{}.md", mapping.id.replace('_', "-"))
}

/// The anchor of a value's section: what links to "the code" point at.
pub fn value_anchor(system: &System, code: &Code) -> String {
    match system.kind {
        SystemKind::Http => code.value.to_string(),
        _ => code.anchor.clone(),
    }
}

/// The anchor of a rule's row on its mapping page. It names what the rule
/// covers, so it stays put when rows are added.
pub fn rule_anchor(from: &System, rule: &MappingRule) -> String {
    let number = |value: i64| if value < 0 { format!("minus-{}", value.unsigned_abs()) } else { value.to_string() };
    match code_of(from, rule.lo) {
        Some(code) if rule.lo == rule.hi => format!("from-{}", value_anchor(from, code)),
        _ if rule.lo == rule.hi => format!("from-{}", number(rule.lo)),
        _ => format!("from-{}-to-{}", number(rule.lo), number(rule.hi)),
    }
}

fn retired_file(system: &System) -> String {
    format!("{}-removed.md", system.id)
}

/// The first meaning of a value: the one a lookup by number answers.
fn code_of(system: &System, value: i64) -> Option<&Code> {
    system.primary(value)
}

/// How a code is named in headings and links: `404 Not Found`, `HostNotFoundError (3)`.
fn code_label(system: &System, code: &Code) -> String {
    match (system.kind, code.name.is_empty()) {
        (SystemKind::Http, true) => code.value.to_string(),
        (SystemKind::Http, false) => format!("{} {}", code.value, md(&code.name)),
        _ => format!("{} ({})", md(&code.name), code.value),
    }
}

/// A link to a value's section from another page.
fn code_link(system: &System, value: i64) -> String {
    match code_of(system, value) {
        Some(code) => format!("[{}]({}#{})", code_label(system, code), page_file(system), value_anchor(system, code)),
        None => value.to_string(),
    }
}

pub fn render(_project: &Project, model: &Model) -> Vec<GeneratedFile> {
    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/book.toml"),
            BookToml { notice: GENERATED_NOTICE }.render().expect("renders"),
        ),
        GeneratedFile::new(format!("{ROOT}/src/introduction.md"), introduction(model)),
        table_file("vocabulary.md", vocabulary_page(model)),
    ];
    let mut summary = Vec::new();
    for (index, system) in model.systems.iter().enumerate() {
        let page = SystemPage { notice: GENERATED_NOTICE, page: system_page(model, index) };
        files.push(GeneratedFile::new(format!("{ROOT}/src/{}", page_file(system)), page.render().expect("renders")));
        let mut subpages = Vec::new();
        if !system.retired.is_empty() {
            files.push(table_file(&retired_file(system), retired_page(model, system)));
            subpages.push(SummaryLink { title: retired_title(system), file: retired_file(system) });
        }
        if system.kind == SystemKind::Http
            && let Some(http) = &model.http
        {
            files.push(table_file("http-symbols.md", symbols_page(system, http)));
            subpages.push(SummaryLink {
                title: "HTTP status codes in every language".to_owned(),
                file: "http-symbols.md".to_owned(),
            });
        }
        summary.push(SummaryItem { title: md(&system.title), file: page_file(system), subpages });
    }
    let mut mappings = Vec::new();
    if !model.mappings.is_empty() {
        files.push(table_file(MAPPINGS_FILE, mappings_page(model)));
        for mapping in &model.mappings {
            files.push(table_file(&mapping_file(mapping), mapping_page(model, mapping)));
            mappings.push(SummaryLink { title: md(&mapping.title), file: mapping_file(mapping) });
        }
    }
    let summary = Summary { notice: GENERATED_NOTICE, systems: summary, mappings };
    files.push(GeneratedFile::new(format!("{ROOT}/src/SUMMARY.md"), summary.render().expect("renders")));
    files
}

fn table_file(file: &str, page: TableView) -> GeneratedFile {
    GeneratedFile::new(
        format!("{ROOT}/src/{file}"),
        TablePage { notice: GENERATED_NOTICE, page }.render().expect("renders"),
    )
}

fn category_link(model: &Model, code: &Code) -> String {
    let term = &model.categories[code.category];
    format!("[{}](vocabulary.md#category-{})", md(&term.title), term.id.replace('_', "-"))
}

fn retry_link(model: &Model, code: &Code) -> String {
    let term = &model.retries[code.retry];
    format!("[{}](vocabulary.md#retry-{})", md(&term.title), term.id.replace('_', "-"))
}

fn kind_link(kind: MappingKind) -> String {
    format!("[{id}]({MAPPINGS_FILE}#kind-{id})", id = kind.id())
}

fn system_page(model: &Model, index: usize) -> SystemView {
    let system = &model.systems[index];
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
            "Mapped to {} by [{}]({})",
            md(&model.systems[mapping.to].title),
            md(&mapping.title),
            mapping_file(mapping)
        ));
    }
    if !system.retired.is_empty() {
        facts.push(format!(
            "{} retired numbers are listed on [their own page]({}).",
            system.retired.len(),
            retired_file(system)
        ));
    }
    let mut groups = Vec::new();
    for (group_index, group) in system.groups.iter().enumerate() {
        let codes: Vec<&Code> = system.codes.iter().filter(|c| c.group == group_index).collect();
        if codes.is_empty() {
            continue;
        }
        // Chromium lists its codes from 0 downwards, as its header does.
        let mut values: Vec<i64> = codes.iter().map(|c| c.value).collect();
        values.dedup();
        if system.kind == SystemKind::Chromium {
            values.reverse();
        }
        let headed = system.kind == SystemKind::Http;
        let sections = values
            .into_iter()
            .map(|value| {
                let meanings = system.meanings(value);
                SectionView {
                    heading: code_label(system, &meanings[0]),
                    anchor: value_anchor(system, &meanings[0]),
                    entries: meanings.iter().map(|code| entry_view(model, index, code, headed)).collect(),
                }
            })
            .collect();
        groups.push(GroupView {
            title: format!("{} ({} to {})", md(&group.title), group.min, group.max),
            anchor: format!("{}-group-{}", system.id, group.id.replace('_', "-")),
            sections,
        });
    }
    SystemView { title: md(&system.title), intro: md(&system.description), facts, groups }
}

fn entry_view(model: &Model, index: usize, entry: &Code, headed: bool) -> EntryView {
    let system = &model.systems[index];
    let source = entry.source.and_then(|i| model.http.as_ref().map(|h| &h.sources[i]));
    let mut facts = vec![format!("Value: {}", entry.value)];
    if !entry.upstream_name.is_empty() {
        facts.push(format!("Upstream name: {}", md(&entry.upstream_name)));
    } else if system.kind == SystemKind::Http {
        facts.push("Reason phrase: none documented".to_owned());
    }
    if let Some(source) = source {
        facts.push(if source.url.is_empty() {
            format!("Source: {}", md(&source.title))
        } else {
            format!("Source: {}", external_link(&source.title, &source.url))
        });
    }
    facts.push(format!("Category: {}", category_link(model, entry)));
    facts.push(format!("Retry: {}", retry_link(model, entry)));
    facts.push(format!("Status: {}", entry.status.id()));
    if system.kind == SystemKind::Qt {
        facts.push(match &entry.since {
            Some(since) => format!("Since: Qt {}", md(since)),
            None => "Since: not documented upstream".to_owned(),
        });
    }
    if let Some(reference) = &entry.reference {
        facts.push(format!("Reference: {}", md(reference)));
    }
    let history = model.http.as_ref().filter(|_| entry.primary && system.kind == SystemKind::Http);
    let former: Vec<String> = history
        .iter()
        .flat_map(|h| h.reason_history.iter().filter(|r| r.code == entry.value))
        .map(|r| format!("{} ({})", md(&r.reason), md(&r.reference)))
        .collect();
    if !former.is_empty() {
        facts.push(format!("Earlier reason phrases: {}", former.join("; ")));
    }
    for (flag, on) in system.flags.iter().zip(&entry.flags) {
        facts.push(format!("{}: {}", code(&flag.method), on));
    }
    if entry.empty_body {
        facts.push("Body: none allowed".to_owned());
    }
    for mapping in model.mappings.iter().filter(|m| m.from == index) {
        let to = &model.systems[mapping.to];
        facts.push(match mapping.rule_for(entry.value) {
            Some(rule) => format!(
                "Maps to {}: {} ([{}]({}#{}))",
                md(&to.title),
                code_link(to, rule.to),
                rule.kind.id(),
                mapping_file(mapping),
                rule_anchor(system, rule)
            ),
            None => {
                format!("Maps to {}: no rule in [{}]({})", md(&to.title), md(&mapping.title), mapping_file(mapping))
            }
        });
    }
    facts.push(format!(
        "Names: Rust {}, C {}, Python {}",
        code(&format!("netcodes::{}::{}::{}", system.id, system.type_name, entry.ident)),
        code(&entry.c_name),
        code(&format!("netcodes.{}.{}.{}", system.id, system.type_name, entry.ident)),
    ));
    EntryView {
        heading: headed.then(|| {
            let who = source.map_or_else(String::new, |s| md(&s.title));
            if entry.name.is_empty() { who } else { format!("{who}: {}", md(&entry.name)) }
        }),
        anchor: entry.anchor.clone(),
        description: md(&entry.description),
        facts,
    }
}

fn retired_title(system: &System) -> String {
    format!("Removed {}", md(&system.title))
}

fn retired_page(model: &Model, system: &System) -> TableView {
    TableView {
        title: retired_title(system),
        intro: format!(
            "Numbers {} retired. They are never reused and generated code does not offer them as codes; \
             {} in every language recognises them.",
            md(&system.upstream),
            code("is_retired()")
        ),
        facts: Vec::new(),
        tables: vec![Table {
            heading: None,
            text: None,
            header: ["Value", "Name", "Status", "Category", "What it was"].map(str::to_owned).to_vec(),
            rows: system
                .retired
                .iter()
                .rev()
                .map(|code| {
                    vec![
                        format!("<a id=\"{}\"></a>{}", code.anchor, code.value),
                        if code.name.is_empty() { "(never named)".to_owned() } else { md(&code.name) },
                        code.status.id().to_owned(),
                        category_link(model, code),
                        md(&code.description),
                    ]
                })
                .collect(),
        }],
    }
}

fn vocabulary_page(model: &Model) -> TableView {
    let rows = |prefix: &str, terms: &[Term]| -> Vec<Vec<String>> {
        terms
            .iter()
            .map(|t| {
                vec![
                    format!("<a id=\"{prefix}-{}\"></a>{}", t.id.replace('_', "-"), code(&t.id)),
                    md(&t.title),
                    md(&t.description),
                ]
            })
            .collect()
    };
    TableView {
        title: "Categories and retry advice".to_owned(),
        intro: "Every code of every system names one category and one retry class from this shared vocabulary, \
                so the same kind of failure is classified the same way whichever system reported it."
            .to_owned(),
        facts: Vec::new(),
        tables: vec![
            Table {
                heading: Some("Categories".to_owned()),
                text: None,
                header: ["Id", "Title", "Meaning"].map(str::to_owned).to_vec(),
                rows: rows("category", &model.categories),
            },
            Table {
                heading: Some("Retry classes".to_owned()),
                text: None,
                header: ["Id", "Title", "Meaning"].map(str::to_owned).to_vec(),
                rows: rows("retry", &model.retries),
            },
        ],
    }
}

fn symbols_page(system: &System, http: &HttpExtras) -> TableView {
    let mut header = vec!["Code".to_owned(), "Reason".to_owned()];
    header.extend(http.ecosystems.iter().map(|e| md(&e.title)));
    let mut rows = Vec::new();
    for entry in system.primary_codes() {
        let mut row =
            vec![format!("[{}]({}#{})", entry.value, page_file(system), value_anchor(system, entry)), md(&entry.name)];
        for (index, _) in http.ecosystems.iter().enumerate() {
            let names: Vec<String> = http
                .symbols
                .iter()
                .filter(|s| s.code == entry.value && s.ecosystem == index)
                .map(|s| {
                    let mut text = code(&s.symbol);
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
        rows.push(row);
    }
    let versions: Vec<String> =
        http.ecosystems.iter().map(|e| format!("{} {}", external_link(&e.title, &e.url), md(&e.version))).collect();
    TableView {
        title: "HTTP status codes in every language".to_owned(),
        intro: format!(
            "What each ecosystem calls each status, read from the real libraries: {}. \
             An empty cell means the ecosystem has no name for that code.",
            versions.join(", ")
        ),
        facts: Vec::new(),
        tables: vec![Table { heading: None, text: None, header, rows }],
    }
}

/// What each kind of mapping row promises, in the overview's table.
const KINDS: [(MappingKind, &str); 3] = [
    (
        MappingKind::Upstream,
        "What the upstream software itself does: the rows reproduce its own conversion, defaults included, \
         whether or not it is the best answer.",
    ),
    (MappingKind::Equivalent, "The same failure under the other system's name."),
    (
        MappingKind::Approximate,
        "The closest code the other system has, usually a broader one; the note says what is lost.",
    ),
];

fn mappings_page(model: &Model) -> TableView {
    let kinds = KINDS
        .iter()
        .map(|(kind, meaning)| vec![format!("<a id=\"kind-{id}\"></a>{id}", id = kind.id()), (*meaning).to_owned()])
        .collect();
    let tables = model
        .mappings
        .iter()
        .map(|mapping| {
            let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
            vec![
                format!("[{}]({})", md(&mapping.title), mapping_file(mapping)),
                format!("[{}]({})", md(&from.title), page_file(from)),
                format!("[{}]({})", md(&to.title), page_file(to)),
                mapping.rules.len().to_string(),
                if mapping.total { "all codes" } else { "some codes" }.to_owned(),
            ]
        })
        .collect();
    TableView {
        title: "Mappings".to_owned(),
        intro: "What a code of one system is called in another. Each mapping is a table of rows, each from one \
                code or a range of numbers to one code of the other system. The most specific row wins: a single \
                code beats a range, and a range beats any range that holds it. A range also answers for numbers \
                its system does not define. Every row says how sure it is."
            .to_owned(),
        facts: Vec::new(),
        tables: vec![
            Table {
                heading: Some("Kinds of rows".to_owned()),
                text: None,
                header: ["Kind", "Meaning"].map(str::to_owned).to_vec(),
                rows: kinds,
            },
            Table {
                heading: Some("Tables".to_owned()),
                text: None,
                header: ["Mapping", "From", "To", "Rows", "Covers"].map(str::to_owned).to_vec(),
                rows: tables,
            },
        ],
    }
}

/// Which codes of the `from` system have a row: validation proves a total table is.
fn coverage(from: &System, mapping: &Mapping) -> String {
    if mapping.total {
        format!("every code on [{}]({})", md(&from.title), page_file(from))
    } else {
        "only the codes it has rows for".to_owned()
    }
}

fn mapping_page(model: &Model, mapping: &Mapping) -> TableView {
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let mut facts = vec![
        format!("From: [{}]({})", md(&from.title), page_file(from)),
        format!("To: [{}]({})", md(&to.title), page_file(to)),
        format!("Covers: {}", coverage(from, mapping)),
    ];
    if let Some(source) = &mapping.source {
        facts.push(format!("Reproduces: {}", md(source)));
    }
    if let Some(versions) = &mapping.versions {
        facts.push(format!("Holds for: {}", md(versions)));
    }
    let counts: Vec<String> = KINDS
        .iter()
        .map(|(kind, _)| (kind, mapping.rules.iter().filter(|r| r.kind == *kind).count()))
        .filter(|(_, count)| *count > 0)
        .map(|(kind, count)| format!("{count} {}", kind_link(*kind)))
        .collect();
    facts.push(format!("Rows: {} ({})", mapping.rules.len(), counts.join(", ")));
    facts.push(format!(
        "In code: Rust {} and {}, C {}, Python {}",
        code(&format!("netcodes::{}::{}::{}()", to.id, to.type_name, mapping.function)),
        code(&format!("netcodes::{}::{}::to_{}()", from.id, from.type_name, to.id)),
        code(&format!("{}{}()", to.c_fn_prefix, mapping.function)),
        code(&format!("netcodes.{}.{}()", to.id, mapping.function)),
    ));
    facts.push(format!("Table: {}", code(&mapping.table_path)));
    // In the order of the `from` system's page: Chromium from 0 downwards.
    let mut rules: Vec<&MappingRule> = mapping.rules.iter().collect();
    if from.kind == SystemKind::Chromium {
        rules.reverse();
    }
    let rows = rules
        .into_iter()
        .map(|rule| {
            let covers =
                if rule.lo == rule.hi { code_link(from, rule.lo) } else { format!("{} to {}", rule.lo, rule.hi) };
            vec![
                format!("<a id=\"{}\"></a>{covers}", rule_anchor(from, rule)),
                code_link(to, rule.to),
                kind_link(rule.kind),
                md(&rule.note),
            ]
        })
        .collect();
    TableView {
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

fn introduction(model: &Model) -> String {
    let mut out = format!("<!-- {GENERATED_NOTICE} -->\n# netcodes\n\n");
    out.push_str(
        "netcodes is one reference for the codes network software reports: HTTP status codes (the IANA \
         registry and the unofficial codes servers, proxies and CDNs really send), the obsolete HTTP Warning \
         codes, Qt's `QNetworkReply::NetworkError` and Chromium's net errors. Every code has its upstream \
         name and value, a description of what happened and what to do, a category and retry advice, and its \
         closest equivalents in the other systems. The same tables generate a Rust crate, a C header, a \
         Python package and these pages.\n\n",
    );
    out.push_str("| System | Codes | Follows |\n|---|---|---|\n");
    for system in &model.systems {
        out.push_str(&format!(
            "| [{}]({}) | {} | {} |\n",
            md(&system.title),
            page_file(system),
            system.codes.len(),
            md(&system.version)
        ));
    }
    if !model.mappings.is_empty() {
        out.push_str(&format!(
            "\n[Mappings]({MAPPINGS_FILE}) say what a code of one system is called in another, and how sure \
             that is:\n\n| Mapping | Rows |\n|---|---|\n"
        ));
        for mapping in &model.mappings {
            out.push_str(&format!(
                "| [{}]({}) | {} |\n",
                md(&mapping.title),
                mapping_file(mapping),
                mapping.rules.len()
            ));
        }
    }
    out.push_str(INTRO_EXAMPLES);
    out
}

/// Examples for each language. The docs test extracts and runs every fenced
/// block below, so they stay true.
const INTRO_EXAMPLES: &str = r#"
## Rust

The `netcodes` crate (`generated/rust`) has no required dependencies and works in `no_std`.

```rust
use netcodes::chromium::NetError;
use netcodes::qt::NetworkError;

let error = NetError::from(-105);
assert_eq!(error.name(), Some("ERR_NAME_NOT_RESOLVED"));
assert_eq!(error, NetError::ERR_NAME_NOT_RESOLVED);
assert_eq!("ContentNotFoundError".parse::<NetworkError>(), Ok(NetworkError::CONTENT_NOT_FOUND_ERROR));
// A code from a newer Chromium keeps its number.
assert_eq!(NetError::from(-9999).name(), None);
assert_eq!(i32::from(NetError::from(-9999)), -9999);
// Mappings: what Qt reports for an HTTP 502, and Chromium's error in Qt's terms.
assert_eq!(NetworkError::from_http_status(502), Some(NetworkError::UNKNOWN_SERVER_ERROR));
assert_eq!(error.to_qt(), Some(NetworkError::HOST_NOT_FOUND_ERROR));
```

## C and C++

Copy `generated/c/netcodes.h` into the project: one header, C99 or C++11 and later.

```c
#include <stdio.h>
#include "netcodes.h"

int main(void) {
    int code = 0;
    printf("%s\n", netcodes_chromium_name(-105)); /* ERR_NAME_NOT_RESOLVED */
    printf("%s\n", netcodes_qt_name(NETCODES_QT_CONTENT_NOT_FOUND_ERROR));
    if (netcodes_qt_from_name("ContentNotFoundError", &code)) {
        printf("%d\n", code); /* 203 */
    }
    /* What Qt reports for an HTTP 502: UnknownServerError. */
    printf("%s\n", netcodes_qt_name(netcodes_qt_from_http_status(502)));
    return netcodes_chromium_name(-9999) == NULL
        && netcodes_qt_from_http_status(502) == NETCODES_QT_UNKNOWN_SERVER_ERROR ? 0 : 1;
}
```

## Python

Install the package with `pip install generated/python` (Python 3.11 or later).

```python
import netcodes

error = netcodes.chromium.NetError(-105)
assert error.name == "ERR_NAME_NOT_RESOLVED"
assert netcodes.qt.lookup(203) is netcodes.qt.NetworkError.CONTENT_NOT_FOUND_ERROR
assert netcodes.chromium.lookup(-9999) is None
print(error.category, error.retry)
# Mappings: what Qt reports for an HTTP 502, and how sure a mapping is.
assert netcodes.qt.from_http_status(502) is netcodes.qt.NetworkError.UNKNOWN_SERVER_ERROR
rule = netcodes.qt.from_chromium_rule(-105)
assert rule is not None and rule.to is netcodes.qt.NetworkError.HOST_NOT_FOUND_ERROR
print(rule.kind, rule.note)
```
"#;
