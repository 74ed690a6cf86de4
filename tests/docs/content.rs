//! The built site against the model, as the text a reader sees: every
//! system's index (each code's row under its stable anchor, linking to the
//! code's page), every code's page (heading, every meaning's description and
//! facts, the mappings both ways with their kind and note, the names in every
//! language), every mapping row, every vocabulary term and symbol, the
//! sidebar and the introduction. The page checks work on any parsed page, so
//! the browser test runs them on the DOM Chromium renders too.

use std::collections::BTreeSet;
use std::fmt;

use codegen::model::{Code, Lab, LabClient, LabCode, LabComparison, LabReport, Mapping, MappingRule, Model, System};

use super::html::{Cell, Document};
use super::site::{Site, resolve};

#[derive(Default)]
pub struct Counts {
    pub pages: BTreeSet<String>,
    pub codes: usize,
    pub meanings: usize,
    pub facts: usize,
    pub mapping_rows: usize,
    pub names: usize,
    pub texts: usize,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} pages, {} code pages ({} meanings, {} facts, {} names), {} mapping rows (on mapping and code pages), {} other texts compared",
            self.pages.len(),
            self.codes,
            self.meanings,
            self.facts,
            self.names,
            self.mapping_rows,
            self.texts
        )
    }
}

/// Collects every difference.
#[derive(Default)]
pub struct Checker {
    pub problems: Vec<String>,
    pub counts: Counts,
}

/// Checks every page of `site` against `model`; fails listing the first differences.
pub fn check(model: &Model, site: &Site) -> Counts {
    let mut checker = Checker::default();
    for (index, system) in model.systems.iter().enumerate() {
        checker.system_index(model, site, system);
        for code in code_pages(system) {
            match page(site, &mut checker, &html_page(&code.page)) {
                Some(doc) => checker.code_page(model, index, code, &html_page(&code.page), doc),
                None => continue,
            }
        }
        if !system.ecosystems.is_empty() {
            checker.symbols(site, system);
        }
    }
    for mapping in &model.mappings {
        checker.mapping(model, site, mapping);
    }
    if let Some(lab) = &model.lab {
        checker.lab(model, site, lab);
    }
    checker.vocabulary(model, site);
    checker.navigation(model, site);
    checker.finish("the built docs differ from data/");
    checker.counts
}

fn page<'a>(site: &'a Site, checker: &mut Checker, name: &str) -> Option<&'a Document> {
    checker.counts.pages.insert(name.to_owned());
    let doc = site.pages.get(name);
    if doc.is_none() {
        checker.problems.push(format!("{name}: missing"));
    }
    doc
}

/// Every page of a system's codes: one per value, current or retired.
pub fn code_pages(system: &System) -> Vec<&Code> {
    let mut codes: Vec<&Code> = system.codes.iter().filter(|c| c.primary).chain(&system.retired).collect();
    codes.sort_by_key(|c| c.value);
    codes
}

pub fn html_page(markdown_file: &str) -> String {
    format!("{}.html", markdown_file.strip_suffix(".md").expect("a Markdown page"))
}

/// How pages name a code, as its system's `display` says: `404 Not Found`,
/// `HostNotFoundError (3)`, the bare number when it has no name.
pub fn label(system: &System, code: &Code) -> String {
    let value = system.value_text(code.value);
    match (code.name.is_empty(), system.number_first) {
        (true, _) => value,
        (false, true) => format!("{value} {}", code.name),
        (false, false) => format!("{} ({value})", code.name),
    }
}

/// How pages name a value of a system: its code's label, or the number.
pub fn value_label(system: &System, value: i64) -> String {
    match system.primary(value).or_else(|| system.retired_code(value)) {
        Some(code) => label(system, code),
        None => system.value_text(value),
    }
}

/// A code page's heading: the label with what people search for in front
/// (the system's label, or its title before a bare number).
pub fn heading(system: &System, code: &Code) -> String {
    match (system.label.is_empty(), code.name.is_empty()) {
        (false, _) => format!("{} {}", system.label, label(system, code)),
        (true, true) => format!("{} {}", system.title, label(system, code)),
        (true, false) => label(system, code),
    }
}

/// What a mapping row's cell for the failure lab says: the titles of the
/// cases that observed the row, and of those in which the clients differed.
pub fn lab_text(model: &Model, rule: &MappingRule) -> Option<String> {
    let lab = model.lab.as_ref()?;
    let titles = |ids: &[String]| ids.iter().map(|id| lab.case(id).expect("a case").title.clone()).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if !rule.observed.is_empty() {
        parts.push(format!("observed in the failure lab: {}", titles(&rule.observed)));
    }
    if !rule.differs.is_empty() {
        parts.push(format!("the clients differ in the failure lab: {}", titles(&rule.differs)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A report as the lab's page shows it: `ContentNotFoundError (203) with HTTP
/// 404 Not Found`, `no error code; HTTP 404 Not Found`, and the codes of some runs.
fn report_label(model: &Model, lab: &Lab, client: &LabClient, report: &LabReport) -> String {
    let code_label = |code: &LabCode| match (code, client.system) {
        (LabCode::Value(value), Some(system)) => value_label(&model.systems[system], *value),
        (LabCode::Value(value), None) => value.to_string(),
        (LabCode::Text(text), _) => text.clone(),
    };
    let status_system = &model.systems[lab.status_system];
    let status = report.status.map(|value| heading(status_system, status_system.primary(value).expect("a status")));
    let mut text = match (&report.code, status) {
        (Some(code), Some(status)) => format!("{} with {status}", code_label(code)),
        (Some(code), None) => code_label(code),
        (None, Some(status)) => format!("no error code; {status}"),
        (None, None) => "nothing within the time limit".to_owned(),
    };
    if !report.also.is_empty() {
        text.push_str(&format!(" (in some runs {})", report.also.iter().map(code_label).collect::<Vec<_>>().join(", ")));
    }
    text
}

fn texts(cells: &[Cell]) -> Vec<String> {
    cells.iter().map(|c| c.text.clone()).collect()
}

impl Checker {
    pub fn finish(&self, what: &str) {
        let shown: Vec<&str> = self.problems.iter().take(25).map(String::as_str).collect();
        assert!(self.problems.is_empty(), "{what} in {} places:\n{}", self.problems.len(), shown.join("\n"));
    }

    fn same(&mut self, what: impl fmt::Display, got: Option<&str>, expected: &str) {
        self.counts.texts += 1;
        if got != Some(expected) {
            self.problems.push(format!("{what}: expected {expected:?}, found {got:?}"));
        }
    }

    /// The page's `<h1>` and the paragraph after it.
    fn title_and_intro(&mut self, name: &str, doc: &Document, title: &str, intro: &str) -> Option<usize> {
        let h1 = doc.content_h1();
        let got_title = h1.map(|i| doc.elements[i].text.clone());
        let got_intro = h1.and_then(|i| doc.next_named(i, "p")).map(|i| doc.elements[i].text.clone());
        self.same(format_args!("{name} <h1>"), got_title.as_deref(), title);
        self.same(format_args!("{name} first paragraph"), got_intro.as_deref(), intro);
        h1
    }

    /// `facts` must be among the list items after element `at` and before the next heading.
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
    fn row(&mut self, page: &str, doc: &Document, id: &str) -> Option<Vec<Cell>> {
        let Some(row) = doc.by_id(id).and_then(|a| doc.ancestor(a, "tr")) else {
            self.problems.push(format!("{page}: no table row with #{id}"));
            return None;
        };
        Some(doc.descendants(row, "td").into_iter().map(|td| doc.cell(td)).collect())
    }

    /// A link in a cell leads to `target` (a page, `page#anchor`).
    fn links_to(&mut self, what: impl fmt::Display, page: &str, cell: Option<&Cell>, target: &str) {
        self.counts.texts += 1;
        let resolved: Vec<String> = cell
            .map(|c| {
                c.links
                    .iter()
                    .filter_map(|href| resolve(page, href))
                    .map(|(path, fragment)| if fragment.is_empty() { path } else { format!("{path}#{fragment}") })
                    .collect()
            })
            .unwrap_or_default();
        if !resolved.iter().any(|r| r == target) {
            self.problems.push(format!("{what}: links to {resolved:?}, expected {target:?}"));
        }
    }

    /// A system's page: title, description, facts, and a row per meaning
    /// under the meaning's anchor (and the value's anchor on its first
    /// meaning), linking to the code's page.
    fn system_index(&mut self, model: &Model, site: &Site, system: &System) {
        let name = html_page(&system.page);
        let Some(doc) = page(site, self, &name) else { return };
        if let Some(h1) = self.title_and_intro(&name, doc, &system.title, &system.description) {
            let facts = [
                format!("Upstream: {} ({})", system.upstream, system.version_text()),
                format!("Source: {}", system.source),
                format!("Reference: {}", system.url),
            ];
            self.facts(&name, doc, h1, &facts);
        }
        let vocab = &model.vocabulary;
        for code in system.codes.iter().chain(&system.retired) {
            let mut anchors = vec![code.anchor.as_str()];
            if code.primary || vocab.statuses[code.status].retired {
                anchors.push(&code.value_anchor);
            }
            for anchor in anchors {
                let Some(cells) = self.row(&name, doc, anchor) else { continue };
                let what = format!("{name} #{anchor}");
                // Code | Source (where several sources give meanings) | What it means | Category | Retry
                let sources = system.sources.len() > 1;
                let cell = |i: usize| cells.get(if sources || i == 0 { i } else { i - 1 }).map(|c| c.text.as_str());
                self.same(format_args!("{what} columns"), Some(&cells.len().to_string()), if sources { "5" } else { "4" });
                self.same(format_args!("{what} code"), cell(0), &label(system, code));
                self.links_to(&what, &name, cells.first(), &html_page(&code.page));
                if sources {
                    self.same(format_args!("{what} source"), cell(1), &system.sources[code.source].title);
                }
                self.same(format_args!("{what} category"), cell(3), &vocab.categories[code.category].title);
                self.same(format_args!("{what} retry"), cell(4), &vocab.retries[code.retry].title);
                // What it means: the description's start.
                let gist = cell(2).unwrap_or_default().trim_end_matches('…');
                self.counts.texts += 1;
                if gist.is_empty() || !code.description.starts_with(gist) {
                    self.problems.push(format!("{what}: {gist:?} does not start the description {:?}", code.description));
                }
            }
        }
    }

    /// A code's page: heading, each meaning (heading, description, facts),
    /// the mappings both ways and the names in every language.
    pub fn code_page(&mut self, model: &Model, index: usize, code: &Code, name: &str, doc: &Document) {
        let system = &model.systems[index];
        let vocab = &model.vocabulary;
        self.counts.codes += 1;
        let what = format!("{name} ({} {})", system.id, code.value);
        let h1 = doc.content_h1();
        self.same(format_args!("{what} <h1>"), h1.map(|i| doc.elements[i].text.as_str()), &heading(system, code));
        let Some(h1) = h1 else { return };
        let retired = vocab.statuses[code.status].retired;
        let meanings: &[Code] = if retired { std::slice::from_ref(code) } else { system.meanings(code.value) };
        for meaning in meanings {
            self.counts.meanings += 1;
            let at = if meanings.len() > 1 {
                // Who gives each meaning; or, where one source gives several,
                // each one's name and reference.
                let expected = match (system.sources[meaning.source].title.as_str(), meaning.name.as_str()) {
                    (_, name) if system.sources.len() == 1 => match &meaning.reference {
                        Some(reference) => format!("{name}, {reference}"),
                        None => name.to_owned(),
                    },
                    (source, "") => source.to_owned(),
                    (source, name) => format!("{source}: {name}"),
                };
                let heading = doc.by_id(&meaning.anchor).filter(|&i| doc.elements[i].is_heading());
                self.same(format_args!("{what} #{} heading", meaning.anchor), heading.map(|i| doc.elements[i].text.as_str()), &expected);
                match heading {
                    Some(at) => at,
                    None => continue,
                }
            } else {
                h1
            };
            // After the heading: the description (a page with several
            // meanings says so first), then the facts.
            let paragraphs: Vec<&str> = (at + 1..doc.elements.len())
                .take_while(|&i| !doc.elements[i].is_heading())
                .filter(|&i| doc.elements[i].name == "p")
                .map(|i| doc.elements[i].text.as_str())
                .collect();
            self.counts.texts += 1;
            if !paragraphs.contains(&meaning.description.as_str()) {
                self.problems.push(format!("{what} {}: description {:?} not among {paragraphs:?}", meaning.anchor, meaning.description));
            }
            let Some(table) = doc.next_before_heading(at, "table") else {
                self.problems.push(format!("{what} {}: no facts table", meaning.anchor));
                continue;
            };
            let mut got: Vec<(String, String)> =
                doc.rows(table).iter().map(|cells| (cells[0].text.clone(), cells.get(1).map(|c| c.text.clone()).unwrap_or_default())).collect();
            let mut expected = self::facts(model, system, meaning);
            got.sort();
            expected.sort();
            self.counts.facts += expected.len();
            if got != expected {
                self.problems.push(format!("{what} {} facts:\n  expected {expected:?}\n  found    {got:?}", meaning.anchor));
            }
        }
        if retired {
            return;
        }
        self.mappings_out(model, index, code, name, doc);
        self.mappings_in(model, index, code, name, doc);
        self.names(system, code, meanings, name, doc);
    }

    /// "In other systems": an item per mapping from the code's system that
    /// covers it, `system: code (kind): note`, linking to the rule's row and
    /// to the target's page.
    fn mappings_out(&mut self, model: &Model, index: usize, code: &Code, name: &str, doc: &Document) {
        let system = &model.systems[index];
        let mut expected = Vec::new();
        let mut links = Vec::new();
        for mapping in model.mappings.iter().filter(|m| m.from == index) {
            let to = &model.systems[mapping.to];
            if let Some(rule) = mapping.rule_for(code.value) {
                let target = to.primary(rule.to).expect("a mapping target is a code");
                let kind = &model.vocabulary.mapping_kinds[rule.kind].id;
                let note = if rule.note.is_empty() { String::new() } else { format!(": {}", rule.note) };
                let lab = lab_text(model, rule).map_or_else(String::new, |text| format!(" ({text})"));
                expected.push(format!("{}: {} ({kind}){note}{lab}", to.title, label(to, target)));
                links.push([format!("{}#{}", html_page(&mapping.page), rule.anchor), html_page(&target.page)]);
            }
        }
        let items: Vec<usize> = doc
            .heading("h2", "In other systems")
            .map(|h| (h + 1..doc.elements.len()).take_while(|&i| !doc.elements[i].is_heading()).filter(|&i| doc.elements[i].name == "li").collect())
            .unwrap_or_default();
        let got: Vec<&str> = items.iter().map(|&i| doc.elements[i].text.as_str()).collect();
        self.counts.mapping_rows += expected.len();
        if got != expected {
            self.problems.push(format!("{name} ({} {}) in other systems:\n  expected {expected:?}\n  found    {got:?}", system.id, code.value));
            return;
        }
        for (&item, targets) in items.iter().zip(links) {
            let cell = doc.cell(item);
            for target in targets {
                self.links_to(format_args!("{name} mapping"), name, Some(&cell), &target);
            }
        }
    }

    fn mappings_in(&mut self, model: &Model, index: usize, code: &Code, name: &str, doc: &Document) {
        let system = &model.systems[index];
        let mut sections = 0;
        for mapping in model.mappings.iter().filter(|m| m.to == index) {
            let from = &model.systems[mapping.from];
            let rules: Vec<_> = mapping.rules.iter().filter(|r| r.to == code.value).collect();
            if rules.is_empty() {
                continue;
            }
            sections += 1;
            let expected: Vec<Vec<String>> = rules
                .iter()
                .map(|r| {
                    let covers = if r.is_single() {
                        value_label(from, r.lo)
                    } else {
                        format!("{} to {}", from.value_text(r.lo), from.value_text(r.hi))
                    };
                    vec![covers, model.vocabulary.mapping_kinds[r.kind].id.clone(), r.note.clone()]
                })
                .collect();
            let heading = format!("From {}", from.title);
            let Some(h3) = doc.heading("h3", &heading) else {
                self.problems.push(format!("{name} ({} {}): no section {heading:?}", system.id, code.value));
                continue;
            };
            let mapping_link = doc.next_before_heading(h3, "p").map(|p| doc.cell(p));
            self.links_to(format_args!("{name} {heading:?}"), name, mapping_link.as_ref(), &html_page(&mapping.page));
            let rows = doc.next_before_heading(h3, "table").map(|t| doc.rows(t)).unwrap_or_default();
            let got: Vec<Vec<String>> = rows.iter().map(|cells| texts(cells)).collect();
            self.counts.mapping_rows += expected.len();
            if got != expected {
                self.problems.push(format!("{name} {heading:?}:\n  expected {expected:?}\n  found    {got:?}"));
            }
        }
        self.counts.texts += 1;
        if (sections > 0) != doc.heading("h2", "From other systems").is_some() {
            self.problems.push(format!("{name}: {sections} mappings lead here, but the page's \"From other systems\" says otherwise"));
        }
    }

    /// Rust, C and Python names of every meaning, and each ecosystem's symbols.
    fn names(&mut self, system: &System, code: &Code, meanings: &[Code], name: &str, doc: &Document) {
        let mut expected: Vec<(String, Vec<String>)> = vec![
            ("Rust".to_owned(), meanings.iter().map(|m| format!("netcodes::{}::{}::{}", system.id, system.type_name, m.ident)).collect()),
            ("C".to_owned(), meanings.iter().map(|m| m.c_name.clone()).collect()),
            ("Python".to_owned(), meanings.iter().map(|m| format!("netcodes.{}.{}.{}", system.id, system.type_name, m.ident)).collect()),
        ];
        for (index, ecosystem) in system.ecosystems.iter().enumerate() {
            // Every meaning's names; an ecosystem with the system's own names
            // (CEF's) shows the code's name where it lists none.
            let mut symbols: Vec<String> =
                system.value_symbols(code.value).iter().filter(|s| s.ecosystem == index).map(|s| s.name.clone()).collect();
            if symbols.is_empty() && ecosystem.same_names && !code.name.is_empty() {
                symbols.push(code.name.clone());
            }
            if !symbols.is_empty() {
                expected.push((ecosystem.title.clone(), symbols));
            }
        }
        let table = doc.heading("h2", "Names in every language").and_then(|h| doc.next_before_heading(h, "table"));
        let got: Vec<(String, Vec<String>)> = table
            .map(|t| doc.rows(t).into_iter().map(|cells| (cells[0].text.clone(), cells.get(1).map(|c| c.code.clone()).unwrap_or_default())).collect())
            .unwrap_or_default();
        self.counts.names += expected.iter().map(|(_, names)| names.len()).sum::<usize>();
        if got != expected {
            self.problems.push(format!("{name} names:\n  expected {expected:?}\n  found    {got:?}"));
        }
    }

    fn mapping(&mut self, model: &Model, site: &Site, mapping: &Mapping) {
        let name = html_page(&mapping.page);
        if let Some(doc) = page(site, self, &name) {
            self.mapping_page(model, mapping, &name, doc);
        }
        // The overview lists every mapping by its title.
        if let Some(overview) = page(site, self, "mappings.html") {
            self.counts.texts += 1;
            if !overview.texts("td").contains(&mapping.title.as_str()) {
                self.problems.push(format!("mappings.html: no row for {:?}", mapping.title));
            }
        }
    }

    /// A mapping's page: title, description, facts and every row under its anchor.
    pub fn mapping_page(&mut self, model: &Model, mapping: &Mapping, name: &str, doc: &Document) {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        let name = name.to_owned();
        if let Some(h1) = self.title_and_intro(&name, doc, &mapping.title, &mapping.description) {
            let mut facts =
                vec![format!("From: {}", from.title), format!("To: {}", to.title), format!("Table: {}", mapping.table_path)];
            facts.extend(mapping.source.iter().map(|s| format!("Reproduces: {s}")));
            facts.extend(mapping.versions.iter().map(|v| format!("Holds for: {v}")));
            self.facts(&name, doc, h1, &facts);
        }
        let lab_column = mapping.rules.iter().any(|r| !r.observed.is_empty() || !r.differs.is_empty());
        for rule in &mapping.rules {
            self.counts.mapping_rows += 1;
            let Some(cells) = self.row(&name, doc, &rule.anchor) else { continue };
            let covers = if rule.is_single() {
                value_label(from, rule.lo)
            } else {
                format!("{} to {}", from.value_text(rule.lo), from.value_text(rule.hi))
            };
            let target = to.primary(rule.to).expect("a mapping target is a code");
            let mut expected =
                vec![covers, label(to, target), model.vocabulary.mapping_kinds[rule.kind].id.clone(), rule.note.clone()];
            if lab_column {
                expected.push(lab_text(model, rule).unwrap_or_default());
                let lab = model.lab.as_ref().expect("rows cite the lab");
                for case in rule.observed.iter().chain(&rule.differs) {
                    let anchor = &lab.case(case).expect("a case").anchor;
                    self.links_to(format_args!("{name} #{} lab", rule.anchor), &name, cells.get(4), &format!("{}#{anchor}", html_page(&lab.page)));
                }
            }
            if texts(&cells) != expected {
                self.problems.push(format!("{name} #{} (line {}): expected {expected:?}, found {:?}", rule.anchor, rule.line, texts(&cells)));
            }
            self.links_to(format_args!("{name} #{} target", rule.anchor), &name, cells.get(1), &html_page(&target.page));
        }
    }

    /// The failure lab's page: title, description, each client with its
    /// version, a row per case under its anchor with every client's report
    /// (linking to the codes' pages), every comparison through the mappings,
    /// and how each case is staged.
    fn lab(&mut self, model: &Model, site: &Site, lab: &Lab) {
        let name = html_page(&lab.page);
        if let Some(doc) = page(site, self, &name) {
            self.lab_page(model, lab, &name, doc);
        }
    }

    pub fn lab_page(&mut self, model: &Model, lab: &Lab, name: &str, doc: &Document) {
        let name = name.to_owned();
        if let Some(h1) = self.title_and_intro(&name, doc, &lab.title, &lab.description) {
            let facts: Vec<String> = lab.clients.iter().map(|c| format!("{} {}: {}", c.title, c.version, c.reads)).collect();
            self.facts(&name, doc, h1, &facts);
        }
        let headers = doc.texts("th");
        for client in &lab.clients {
            self.counts.texts += 1;
            if !headers.contains(&format!("{} {}", client.title, client.version).as_str()) {
                self.problems.push(format!("{name}: no column for {} {}", client.title, client.version));
            }
        }
        for case in &lab.cases {
            let Some(cells) = self.row(&name, doc, &case.anchor) else { continue };
            let mut expected = vec![case.title.clone()];
            expected.extend(lab.clients.iter().zip(&case.reports).map(|(client, report)| report_label(model, lab, client, report)));
            self.counts.texts += expected.len();
            if texts(&cells) != expected {
                self.problems.push(format!("{name} #{}: expected {expected:?}, found {:?}", case.anchor, texts(&cells)));
            }
            for ((client, report), cell) in lab.clients.iter().zip(&case.reports).zip(cells.iter().skip(1)) {
                if let (Some(LabCode::Value(value)), Some(system)) = (&report.code, client.system) {
                    let target = model.systems[system].primary(*value).expect("a code");
                    self.links_to(format_args!("{name} #{} {}", case.anchor, client.id), &name, Some(cell), &html_page(&target.page));
                }
            }
        }
        // Through the mappings: a row per case and check, linking to the mapping row.
        let rows: Vec<Vec<String>> = doc
            .heading("h2", "Through the mappings")
            .and_then(|h| doc.next_before_heading(h, "table"))
            .map(|t| doc.rows(t).iter().map(|cells| texts(cells)).collect())
            .unwrap_or_default();
        let mut expected = Vec::new();
        for case in &lab.cases {
            for (check, comparison) in lab.checks.iter().zip(&case.comparisons) {
                let clients = format!("{} to {}", lab.clients[check.from].title, lab.clients[check.to].title);
                let (row, verdict) = match comparison {
                    LabComparison::Compared { mapping, rule, agrees } => {
                        let mapping = &model.mappings[*mapping];
                        let rule = &mapping.rules[*rule];
                        let from = &model.systems[mapping.from];
                        let covers = if rule.is_single() {
                            from.primary(rule.lo).map_or_else(|| from.value_text(rule.lo), |c| heading(from, c))
                        } else {
                            format!("{} {} to {}", from.label, from.value_text(rule.lo), from.value_text(rule.hi)).trim().to_owned()
                        };
                        let target = value_label(&model.systems[mapping.to], rule.to);
                        (covers, if *agrees { "confirms the row".to_owned() } else { format!("the clients differ: the row gives {target}") })
                    }
                    LabComparison::NotComparable(why) => (String::new(), format!("not comparable: {why}")),
                };
                expected.push(vec![case.title.clone(), clients, row, verdict]);
            }
        }
        self.counts.texts += expected.len();
        if rows != expected {
            self.problems.push(format!("{name} \"Through the mappings\":\n  expected {expected:?}\n  found    {rows:?}"));
        }
        let staging: Vec<Vec<String>> = doc
            .heading("h2", "How each failure is staged")
            .and_then(|h| doc.next_before_heading(h, "table"))
            .map(|t| doc.rows(t).iter().map(|cells| texts(cells)).collect())
            .unwrap_or_default();
        let expected: Vec<Vec<String>> = lab.cases.iter().map(|c| vec![c.title.clone(), c.staging.clone(), c.note.clone()]).collect();
        self.counts.texts += expected.len();
        if staging != expected {
            self.problems.push(format!("{name} \"How each failure is staged\":\n  expected {expected:?}\n  found    {staging:?}"));
        }
    }

    fn vocabulary(&mut self, model: &Model, site: &Site) {
        let Some(doc) = page(site, self, "vocabulary.html") else { return };
        let vocab = &model.vocabulary;
        for (prefix, terms) in
            [("category", &vocab.categories), ("retry", &vocab.retries), ("status", &vocab.statuses), ("kind", &vocab.mapping_kinds)]
        {
            for term in terms {
                let id = format!("{prefix}-{}", term.id.replace('_', "-"));
                let Some(cells) = self.row("vocabulary.html", doc, &id) else { continue };
                self.counts.texts += 1;
                let expected = vec![term.id.clone(), term.title.clone(), term.description.clone()];
                if texts(&cells) != expected {
                    self.problems.push(format!("vocabulary.html #{id}: expected {expected:?}, found {:?}", texts(&cells)));
                }
            }
        }
    }

    /// The page of every ecosystem's names: a column per ecosystem, the
    /// version each was read from, every symbol.
    fn symbols(&mut self, site: &Site, system: &System) {
        let name = format!("{}-symbols.html", system.id);
        let Some(doc) = page(site, self, &name) else { return };
        let headers = doc.texts("th");
        let code_texts = doc.texts("code");
        let intro = doc.content_h1().and_then(|h1| doc.next_named(h1, "p")).map(|i| doc.elements[i].text.clone()).unwrap_or_default();
        let mut problems = Vec::new();
        for ecosystem in &system.ecosystems {
            if !headers.contains(&ecosystem.title.as_str()) {
                problems.push(format!("{name}: no column {:?}", ecosystem.title));
            }
            if !intro.contains(&format!("{} {}", ecosystem.title, ecosystem.version)) {
                problems.push(format!("{name}: intro lacks {:?} {:?}", ecosystem.title, ecosystem.version));
            }
        }
        for symbol in &system.symbols {
            if !code_texts.contains(&symbol.name.as_str()) {
                problems.push(format!("{name}: no symbol {:?} ({})", symbol.name, symbol.value));
            }
        }
        self.counts.texts += system.ecosystems.len() * 2 + system.symbols.len();
        self.problems.extend(problems);
    }

    /// The sidebar names every system, mapping and code page; the
    /// introduction every system and mapping.
    fn navigation(&mut self, model: &Model, site: &Site) {
        let (Some(toc), Some(intro)) = (page(site, self, "toc.html"), page(site, self, "introduction.html")) else { return };
        let hrefs: BTreeSet<&str> = toc.elements.iter().filter(|e| e.name == "a").filter_map(|e| e.attr("href")).collect();
        let (links, cells) = (toc.texts("a"), intro.texts("td"));
        let mut problems = Vec::new();
        let titles = model.systems.iter().map(|s| s.title.as_str()).chain(model.mappings.iter().map(|m| m.title.as_str()));
        for title in titles {
            // The sidebar numbers its entries: "2. Qt QNetworkReply::NetworkError".
            if !links.iter().any(|link| link.ends_with(&format!(". {title}")) || *link == title) {
                problems.push(format!("toc.html: no entry {title:?}"));
            }
            if !cells.contains(&title) {
                problems.push(format!("introduction.html: no row {title:?}"));
            }
            self.counts.texts += 2;
        }
        for system in &model.systems {
            for code in code_pages(system) {
                self.counts.texts += 1;
                if !hrefs.contains(html_page(&code.page).as_str()) {
                    problems.push(format!("toc.html: no entry for {}", code.page));
                }
            }
        }
        self.problems.extend(problems);
    }
}

/// A meaning's facts table, as (fact, value) pairs.
fn facts(model: &Model, system: &System, m: &Code) -> Vec<(String, String)> {
    let vocab = &model.vocabulary;
    let retry = &vocab.retries[m.retry];
    let mut facts = vec![
        ("System".to_owned(), system.title.clone()),
        ("Value".to_owned(), system.value_text(m.value)),
        ("Upstream name".to_owned(), if m.upstream_name.is_empty() { "none documented".to_owned() } else { m.upstream_name.clone() }),
        ("Group".to_owned(), system.groups[m.group].title.clone()),
        ("Category".to_owned(), vocab.categories[m.category].title.clone()),
        ("Retry".to_owned(), format!("{}: {}", retry.title, retry.description)),
        ("Status".to_owned(), vocab.statuses[m.status].title.clone()),
    ];
    if system.sources.len() > 1 {
        facts.push(("Source".to_owned(), system.sources[m.source].title.clone()));
    }
    if let Some(since) = &m.since {
        facts.push(("Since".to_owned(), since.clone()));
    }
    if let Some(removed) = &system.removed_in {
        facts.push(("Removed upstream in".to_owned(), removed.clone()));
    }
    if let Some(reference) = &m.reference {
        facts.push(("Reference".to_owned(), reference.clone()));
    }
    for (flag, value) in system.flags.iter().zip(&m.flags) {
        facts.push((format!("{}()", flag.method), if *value { "yes" } else { "no" }.to_owned()));
    }
    // Former names of this meaning's own source (a vendor's former phrase sits on its meaning).
    let former: Vec<_> = system.former_names_of(m.value).iter().filter(|f| f.source == m.source).collect();
    if !former.is_empty() {
        let names: Vec<String> = former.iter().map(|f| format!("{} ({})", f.name, f.reference)).collect();
        facts.push(("Former names".to_owned(), names.join("; ")));
    }
    facts
}
