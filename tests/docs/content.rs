//! The built site against the model: every code's anchor, heading,
//! description and facts, every mapping row, every vocabulary term, symbol,
//! title and description, compared as the text a reader sees.

use std::collections::BTreeSet;
use std::fmt;

use codegen::model::{Code, Mapping, Model, System, SystemKind};
use codegen::render::docs::{mapping_file, page_file, rule_anchor, value_anchor};

use super::html::Document;
use super::site::Site;

#[derive(Default)]
pub struct Counts {
    pages: BTreeSet<String>,
    codes: usize,
    retired: usize,
    facts: usize,
    rules: usize,
    texts: usize,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} pages, {} codes (anchor, heading, description), {} retired codes, {} facts, {} mapping rows, {} other texts compared",
            self.pages.len(),
            self.codes,
            self.retired,
            self.facts,
            self.rules,
            self.texts
        )
    }
}

/// Collects every difference, then fails with the first ones.
struct Checker<'a> {
    site: &'a Site,
    problems: Vec<String>,
    counts: Counts,
}

pub fn check(model: &Model, site: &Site) -> Counts {
    let mut checker = Checker { site, problems: Vec::new(), counts: Counts::default() };
    for (index, system) in model.systems.iter().enumerate() {
        checker.system(model, index, system);
    }
    for mapping in &model.mappings {
        checker.mapping(model, mapping);
    }
    checker.vocabulary(model);
    checker.symbols(model);
    checker.navigation(model);
    let shown: Vec<&String> = checker.problems.iter().take(25).collect();
    assert!(
        checker.problems.is_empty(),
        "the built docs differ from data/ in {} places:\n{}",
        checker.problems.len(),
        shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
    checker.counts
}

/// The page's own title, not the menu bar's.
fn content_h1(doc: &Document) -> Option<usize> {
    let main = doc.elements.iter().position(|e| e.name == "main")?;
    doc.next_named(main, "h1")
}

fn html_page(markdown_file: &str) -> String {
    format!("{}.html", markdown_file.strip_suffix(".md").expect("a Markdown page"))
}

/// How pages name a code: `404 Not Found`, `HostNotFoundError (3)`.
fn label(system: &System, value: i64) -> String {
    match system.codes.iter().find(|c| c.value == value) {
        None => value.to_string(),
        Some(code) if system.kind == SystemKind::Http && code.name.is_empty() => value.to_string(),
        Some(code) if system.kind == SystemKind::Http => format!("{value} {}", code.name),
        Some(code) => format!("{} ({value})", code.name),
    }
}

fn link_to(system: &System, value: i64) -> String {
    let code = system.codes.iter().find(|c| c.value == value).expect("a mapping target is a code");
    format!("{}#{}", html_page(&page_file(system)), value_anchor(system, code))
}

impl<'a> Checker<'a> {
    fn same(&mut self, what: impl fmt::Display, got: Option<&str>, expected: &str) {
        self.counts.texts += 1;
        if got != Some(expected) {
            self.problems.push(format!("{what}: expected {expected:?}, found {got:?}"));
        }
    }

    fn page(&mut self, name: &str) -> Option<&'a Document> {
        let site = self.site;
        self.counts.pages.insert(name.to_owned());
        let page = site.pages.get(name);
        if page.is_none() {
            self.problems.push(format!("{name}: missing"));
        }
        page
    }

    /// The page's title and its first paragraph.
    fn title_and_intro(&mut self, name: &str, title: &str, intro: &str) {
        let Some(doc) = self.page(name) else { return };
        let h1 = content_h1(doc);
        let got_title = h1.map(|i| doc.elements[i].text.clone());
        let got_intro = h1.and_then(|i| doc.next_named(i, "p")).map(|i| doc.elements[i].text.clone());
        self.same(format_args!("{name} <h1>"), got_title.as_deref(), title);
        self.same(format_args!("{name} first paragraph"), got_intro.as_deref(), intro);
    }

    /// `facts` must be among the list items after element `at` and before
    /// the next heading.
    fn facts(&mut self, what: &str, doc: &Document, at: usize, facts: &[String]) {
        let items = doc.items_until_heading(at);
        for fact in facts {
            self.counts.facts += 1;
            if !items.contains(&fact.as_str()) {
                self.problems.push(format!("{what}: no fact {fact:?} among {items:?}"));
            }
        }
    }

    /// The cells of the table row that holds the element with `id`.
    fn row(&mut self, page: &str, id: &str) -> Option<(Vec<String>, Vec<Vec<String>>)> {
        let doc = self.site.pages.get(page)?;
        let Some(row) = doc.by_id(id).and_then(|a| doc.ancestor(a, "tr")) else {
            self.problems.push(format!("{page}: no table row with #{id}"));
            return None;
        };
        let cells = doc.descendants(row, "td");
        let texts = cells.iter().map(|&i| doc.elements[i].text.clone()).collect();
        let hrefs = cells
            .iter()
            .map(|&i| {
                doc.descendants(i, "a")
                    .iter()
                    .filter_map(|&a| doc.elements[a].attr("href"))
                    .map(str::to_owned)
                    .collect()
            })
            .collect();
        Some((texts, hrefs))
    }

    fn system(&mut self, model: &Model, index: usize, system: &System) {
        let name = html_page(&page_file(system));
        self.title_and_intro(&name, &system.title, &system.description);
        let Some(doc) = self.page(&name) else { return };
        if let Some(h1) = content_h1(doc) {
            let facts = [
                format!("Upstream: {} ({})", system.upstream, system.version),
                format!("Source: {}", system.source),
                format!("Reference: {}", system.url),
            ];
            self.facts(&name, doc, h1, &facts);
        }
        for code in &system.codes {
            self.code(model, index, system, doc, &name, code);
        }
        if !system.retired.is_empty() {
            let retired_page = format!("{}-removed.html", system.id);
            self.page(&retired_page);
            for code in &system.retired {
                self.counts.retired += 1;
                let Some((cells, _)) = self.row(&retired_page, &code.anchor) else { continue };
                let name_cell = if code.name.is_empty() { "(never named)".to_owned() } else { code.name.clone() };
                let expected = [
                    code.value.to_string(),
                    name_cell,
                    code.status.id().to_owned(),
                    model.categories[code.category].title.clone(),
                    code.description.clone(),
                ];
                if cells != expected {
                    self.problems
                        .push(format!("{retired_page} #{}: expected {expected:?}, found {cells:?}", code.anchor));
                }
            }
        }
    }

    fn code(&mut self, model: &Model, index: usize, system: &System, doc: &Document, page: &str, code: &Code) {
        self.counts.codes += 1;
        let what = format!("{page} #{}", code.anchor);
        let Some(heading) = doc.by_id(&code.anchor).filter(|&i| doc.elements[i].is_heading()) else {
            self.problems.push(format!("{what}: no heading with this id"));
            return;
        };
        let source = code.source.and_then(|i| model.http.as_ref().map(|h| &h.sources[i]));
        let expected_heading = match (system.kind, source) {
            (SystemKind::Http, Some(source)) if code.name.is_empty() => source.title.clone(),
            (SystemKind::Http, Some(source)) => format!("{}: {}", source.title, code.name),
            _ => label(system, code.value),
        };
        self.same(format_args!("{what} heading"), Some(&doc.elements[heading].text), &expected_heading);
        if system.kind == SystemKind::Http && code.primary {
            let section = doc.by_id(&value_anchor(system, code)).map(|i| doc.elements[i].text.as_str());
            self.same(format_args!("{page} #{} heading", code.value), section, &label(system, code.value));
        }
        let description = doc.next_named(heading, "p").map(|i| doc.elements[i].text.as_str());
        self.same(format_args!("{what} description"), description, &code.description);

        let mut facts = vec![
            format!("Value: {}", code.value),
            format!("Category: {}", model.categories[code.category].title),
            format!("Retry: {}", model.retries[code.retry].title),
            format!("Status: {}", code.status.id()),
            format!(
                "Names: Rust netcodes::{id}::{ty}::{ident}, C {c}, Python netcodes.{id}.{ty}.{ident}",
                id = system.id,
                ty = system.type_name,
                ident = code.ident,
                c = code.c_name
            ),
        ];
        if !code.upstream_name.is_empty() {
            facts.push(format!("Upstream name: {}", code.upstream_name));
        }
        if let Some(source) = source {
            facts.push(format!("Source: {}", source.title));
        }
        if let Some(reference) = &code.reference {
            facts.push(format!("Reference: {reference}"));
        }
        if system.kind == SystemKind::Qt {
            facts.push(match &code.since {
                Some(since) => format!("Since: Qt {since}"),
                None => "Since: not documented upstream".to_owned(),
            });
        }
        for mapping in model.mappings.iter().filter(|m| m.from == index) {
            let to = &model.systems[mapping.to];
            let Some(rule) = mapping.rule_for(code.value) else {
                facts.push(format!("Maps to {}: no rule in {}", to.title, mapping.title));
                continue;
            };
            facts.push(format!("Maps to {}: {} ({})", to.title, label(to, rule.to), rule.kind.id()));
            // The links go to the target's section and to the rule's row.
            let expected =
                [link_to(to, rule.to), format!("{}#{}", html_page(&mapping_file(mapping)), rule_anchor(system, rule))];
            let prefix = format!("Maps to {}: ", to.title);
            let item = doc.elements[heading + 1..]
                .iter()
                .enumerate()
                .take_while(|(_, e)| !e.is_heading())
                .find(|(_, e)| e.name == "li" && e.text.starts_with(&prefix))
                .map(|(offset, _)| heading + 1 + offset);
            let hrefs: Vec<&str> = item
                .map(|li| doc.descendants(li, "a").iter().filter_map(|&a| doc.elements[a].attr("href")).collect())
                .unwrap_or_default();
            if hrefs != expected {
                self.problems.push(format!("{what}: mapping links {hrefs:?}, expected {expected:?}"));
            }
        }
        self.facts(&what, doc, heading, &facts);
    }

    fn mapping(&mut self, model: &Model, mapping: &Mapping) {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        let page = html_page(&mapping_file(mapping));
        self.title_and_intro(&page, &mapping.title, &mapping.description);
        let Some(doc) = self.page(&page) else { return };
        if let Some(h1) = content_h1(doc) {
            let mut facts = vec![
                format!("From: {}", from.title),
                format!("To: {}", to.title),
                format!("Table: {}", mapping.table_path),
            ];
            facts.extend(mapping.source.iter().map(|s| format!("Reproduces: {s}")));
            facts.extend(mapping.versions.iter().map(|v| format!("Holds for: {v}")));
            self.facts(&page, doc, h1, &facts);
        }
        for rule in &mapping.rules {
            self.counts.rules += 1;
            let anchor = rule_anchor(from, rule);
            let Some((cells, hrefs)) = self.row(&page, &anchor) else { continue };
            let covers = if rule.lo == rule.hi { label(from, rule.lo) } else { format!("{} to {}", rule.lo, rule.hi) };
            let expected = [covers, label(to, rule.to), rule.kind.id().to_owned(), rule.note.clone()];
            if cells != expected {
                self.problems
                    .push(format!("{page} #{anchor} (line {}): expected {expected:?}, found {cells:?}", rule.line));
            }
            if hrefs.get(1).map(|h: &Vec<String>| h.as_slice()) != Some(&[link_to(to, rule.to)][..]) {
                self.problems.push(format!("{page} #{anchor}: target link {:?}", hrefs.get(1)));
            }
        }
        // The overview lists every mapping by its title.
        if let Some(overview) = self.page("mappings.html") {
            self.counts.texts += 1;
            if !overview.texts("td").contains(&mapping.title.as_str()) {
                self.problems.push(format!("mappings.html: no row for {:?}", mapping.title));
            }
        }
    }

    fn vocabulary(&mut self, model: &Model) {
        self.page("vocabulary.html");
        for (prefix, terms) in [("category", &model.categories), ("retry", &model.retries)] {
            for term in terms {
                let id = format!("{prefix}-{}", term.id.replace('_', "-"));
                let Some((cells, _)) = self.row("vocabulary.html", &id) else { continue };
                self.counts.texts += 1;
                let expected = [term.id.clone(), term.title.clone(), term.description.clone()];
                if cells != expected {
                    self.problems.push(format!("vocabulary.html #{id}: expected {expected:?}, found {cells:?}"));
                }
            }
        }
    }

    fn symbols(&mut self, model: &Model) {
        let Some(http) = &model.http else { return };
        let Some(doc) = self.page("http-symbols.html") else { return };
        let headers = doc.texts("th");
        let code_texts = doc.texts("code");
        let intro = content_h1(doc)
            .and_then(|h1| doc.next_named(h1, "p"))
            .map(|i| doc.elements[i].text.clone())
            .unwrap_or_default();
        let mut problems = Vec::new();
        for ecosystem in &http.ecosystems {
            if !headers.contains(&ecosystem.title.as_str()) {
                problems.push(format!("http-symbols.html: no column {:?}", ecosystem.title));
            }
            if !intro.contains(&format!("{} {}", ecosystem.title, ecosystem.version)) {
                problems.push(format!("http-symbols.html: intro lacks {:?} {:?}", ecosystem.title, ecosystem.version));
            }
        }
        for symbol in &http.symbols {
            if !code_texts.contains(&symbol.symbol.as_str()) {
                problems.push(format!("http-symbols.html: no symbol {:?} ({})", symbol.symbol, symbol.code));
            }
        }
        self.counts.texts += http.ecosystems.len() * 2 + http.symbols.len();
        self.problems.extend(problems);
    }

    /// The sidebar and the introduction name every system and mapping.
    fn navigation(&mut self, model: &Model) {
        let titles: Vec<&str> = model
            .systems
            .iter()
            .map(|s| s.title.as_str())
            .chain(model.mappings.iter().map(|m| m.title.as_str()))
            .collect();
        let (Some(toc), Some(intro)) = (self.page("toc.html"), self.page("introduction.html")) else { return };
        let (links, cells) = (toc.texts("a"), intro.texts("td"));
        let mut problems = Vec::new();
        for title in titles {
            // The sidebar numbers its entries: "2. Qt QNetworkReply::NetworkError".
            if !links.iter().any(|link| link.ends_with(&format!(". {title}")) || *link == title) {
                problems.push(format!("toc.html: no entry {title:?}"));
            }
            if !cells.contains(&title) {
                problems.push(format!("introduction.html: no row {title:?}"));
            }
        }
        self.counts.texts += 2 * (model.systems.len() + model.mappings.len());
        self.problems.extend(problems);
    }
}
