//! The docs site: an mdBook source tree with a page per system and per
//! mapping, and one stable anchor per code.

use askama::Template;

use crate::escape::markdown as md;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};
use crate::validate::Project;

const ROOT: &str = "generated/docs";

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
    tables: Vec<Table>,
}

struct Table {
    heading: Option<String>,
    text: Option<String>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The page a system's codes live on.
pub fn page_file(system: &System) -> String {
    format!("{}.md", system.id)
}

/// The anchor of a value's section: what links to "the code" point at.
pub fn value_anchor(system: &System, code: &Code) -> String {
    match system.kind {
        SystemKind::Http => code.value.to_string(),
        _ => code.anchor.clone(),
    }
}

fn retired_file(system: &System) -> String {
    format!("{}-removed.md", system.id)
}

pub fn render(_project: &Project, model: &Model) -> Vec<GeneratedFile> {
    let mut files = vec![
        GeneratedFile::new(format!("{ROOT}/book.toml"), BookToml { notice: GENERATED_NOTICE }.render().expect("renders")),
        GeneratedFile::new(format!("{ROOT}/src/introduction.md"), introduction(model)),
        table_file("vocabulary.md", vocabulary_page(model)),
    ];
    let mut summary = Vec::new();
    for system in &model.systems {
        let page = SystemPage { notice: GENERATED_NOTICE, page: system_page(model, system) };
        files.push(GeneratedFile::new(format!("{ROOT}/src/{}", page_file(system)), page.render().expect("renders")));
        let mut subpages = Vec::new();
        if !system.retired.is_empty() {
            files.push(table_file(&retired_file(system), retired_page(model, system)));
            subpages.push(SummaryLink { title: format!("Removed {} codes", md(&system.title)), file: retired_file(system) });
        }
        if system.kind == SystemKind::Http
            && let Some(http) = &model.http
        {
            files.push(table_file("http-symbols.md", symbols_page(system, http)));
            subpages.push(SummaryLink { title: "HTTP status codes in every language".to_owned(), file: "http-symbols.md".to_owned() });
        }
        summary.push(SummaryItem { title: md(&system.title), file: page_file(system), subpages });
    }
    let summary = Summary { notice: GENERATED_NOTICE, systems: summary, mappings: Vec::new() };
    files.push(GeneratedFile::new(format!("{ROOT}/src/SUMMARY.md"), summary.render().expect("renders")));
    files
}

fn table_file(file: &str, page: TableView) -> GeneratedFile {
    GeneratedFile::new(format!("{ROOT}/src/{file}"), TablePage { notice: GENERATED_NOTICE, page }.render().expect("renders"))
}

fn category_link(model: &Model, code: &Code) -> String {
    let term = &model.categories[code.category];
    format!("[{}](vocabulary.md#category-{})", md(&term.title), term.id.replace('_', "-"))
}

fn retry_link(model: &Model, code: &Code) -> String {
    let term = &model.retries[code.retry];
    format!("[{}](vocabulary.md#retry-{})", md(&term.title), term.id.replace('_', "-"))
}

fn system_page(model: &Model, system: &System) -> SystemView {
    let mut facts = vec![
        format!("Upstream: {} ({})", md(&system.upstream), md(&system.version)),
        format!("Source: {}", md(&system.source)),
        format!("Reference: <{}>", system.url),
        format!(
            "In code: Rust `netcodes::{id}::{ty}`, C `{c_type}` and `{fns}*()` in `netcodes.h`, Python `netcodes.{id}.{ty}`",
            id = system.id,
            ty = system.type_name,
            c_type = system.c_type,
            fns = system.c_fn_prefix
        ),
    ];
    if !system.retired.is_empty() {
        facts.push(format!(
            "{} retired numbers are listed on [their own page]({}).",
            system.retired.len(),
            retired_file(system)
        ));
    }
    let mut groups = Vec::new();
    for (index, group) in system.groups.iter().enumerate() {
        let codes: Vec<&Code> = system.codes.iter().filter(|c| c.group == index).collect();
        if codes.is_empty() {
            continue;
        }
        // Chromium lists its codes from 0 downwards, as its header does.
        let mut values: Vec<i64> = codes.iter().map(|c| c.value).collect();
        values.dedup();
        if system.kind == SystemKind::Chromium {
            values.reverse();
        }
        let sections = values
            .into_iter()
            .map(|value| {
                let meanings: Vec<&&Code> = codes.iter().filter(|c| c.value == value).collect();
                let first = meanings[0];
                let headed = system.kind == SystemKind::Http;
                SectionView {
                    heading: if headed {
                        match first.name.is_empty() {
                            true => value.to_string(),
                            false => format!("{value} {}", md(&first.name)),
                        }
                    } else {
                        format!("{} ({value})", md(&first.name))
                    },
                    anchor: value_anchor(system, first),
                    entries: meanings.iter().map(|code| entry_view(model, system, code, headed)).collect(),
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

fn entry_view(model: &Model, system: &System, code: &Code, headed: bool) -> EntryView {
    let source = code.source.and_then(|i| model.http.as_ref().map(|h| &h.sources[i]));
    let mut facts = vec![format!("Value: {}", code.value)];
    if !code.upstream_name.is_empty() {
        facts.push(format!("Upstream name: {}", md(&code.upstream_name)));
    } else if system.kind == SystemKind::Http {
        facts.push("Reason phrase: none documented".to_owned());
    }
    if let Some(source) = source {
        facts.push(if source.url.is_empty() {
            format!("Source: {}", md(&source.title))
        } else {
            format!("Source: [{}]({})", md(&source.title), source.url)
        });
    }
    facts.push(format!("Category: {}", category_link(model, code)));
    facts.push(format!("Retry: {}", retry_link(model, code)));
    facts.push(format!("Status: {}", code.status.id()));
    if system.kind == SystemKind::Qt {
        facts.push(match &code.since {
            Some(since) => format!("Since: Qt {}", md(since)),
            None => "Since: not documented upstream".to_owned(),
        });
    }
    if let Some(reference) = &code.reference {
        facts.push(format!("Reference: {}", md(reference)));
    }
    for (flag, on) in system.flags.iter().zip(&code.flags) {
        facts.push(format!("`{}`: {}", flag.method, on));
    }
    if code.empty_body {
        facts.push("Body: none allowed".to_owned());
    }
    facts.push(format!(
        "Names: Rust `netcodes::{id}::{ty}::{ident}`, C `{c}`, Python `netcodes.{id}.{ty}.{ident}`",
        id = system.id,
        ty = system.type_name,
        ident = code.ident,
        c = code.c_name
    ));
    EntryView {
        heading: headed.then(|| {
            let who = source.map_or_else(String::new, |s| md(&s.title));
            if code.name.is_empty() { who } else { format!("{who}: {}", md(&code.name)) }
        }),
        anchor: code.anchor.clone(),
        description: md(&code.description),
        facts,
    }
}

fn retired_page(model: &Model, system: &System) -> TableView {
    TableView {
        title: format!("Removed {} codes", md(&system.title)),
        intro: format!(
            "Numbers {} retired. They are never reused and generated code does not offer them as codes; \
             `is_retired()` in every language recognises them.",
            md(&system.upstream)
        ),
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
                    format!("<a id=\"{prefix}-{}\"></a>`{}`", t.id.replace('_', "-"), t.id),
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
    for code in system.primary_codes() {
        let mut row = vec![format!("[{}](http.md#{})", code.value, code.value), md(&code.name)];
        for (index, _) in http.ecosystems.iter().enumerate() {
            let names: Vec<String> = http
                .symbols
                .iter()
                .filter(|s| s.code == code.value && s.ecosystem == index)
                .map(|s| {
                    let mut text = format!("`{}`", s.symbol.replace('`', ""));
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
        http.ecosystems.iter().map(|e| format!("[{}]({}) {}", md(&e.title), e.url, md(&e.version))).collect();
    TableView {
        title: "HTTP status codes in every language".to_owned(),
        intro: format!(
            "What each ecosystem calls each status, read from the real libraries: {}. \
             An empty cell means the ecosystem has no name for that code.",
            versions.join(", ")
        ),
        tables: vec![Table { heading: None, text: None, header, rows }],
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
    out.push_str(INTRO_EXAMPLES);
    out
}

/// Examples for each language. The docs test extracts and runs every fenced
/// block below, so they stay true.
const INTRO_EXAMPLES: &str = r#"
## Rust

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
```

## C and C++

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
    return netcodes_chromium_name(-9999) == NULL ? 0 : 1;
}
```

## Python

```python
import netcodes

error = netcodes.chromium.NetError(-105)
assert error.name == "ERR_NAME_NOT_RESOLVED"
assert netcodes.qt.lookup(203) is netcodes.qt.NetworkError.CONTENT_NOT_FOUND_ERROR
assert netcodes.chromium.lookup(-9999) is None
print(error.category, error.retry)
```
"#;
