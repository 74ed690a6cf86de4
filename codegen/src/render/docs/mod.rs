//! The docs site: an mdBook source tree with a page per code, an index page
//! per system (which keeps every code's anchor), a page per mapping, the
//! shared vocabulary and an introduction with tested examples. Each page is a
//! view and a template.
//!
//! Beside the Markdown: `meta.json`, every built page's `<title>`, meta
//! description and canonical address (`cargo xtask docs` writes them into the
//! HTML mdBook builds); `src/sitemap.xml` and `src/robots.txt`, which mdBook
//! copies as they are; and `exact-search.js`, which puts the page of a code
//! whose number or name is typed exactly at the top of mdBook's search.
//!
//! Every piece of text from `data/` passes through `crate::escape`:
//! `markdown` (wrapped here as [`code`] and [`external_link`] for the places
//! it lands), `json_string`, `html` or `toml_string`; links and anchors come
//! from the model.

use std::collections::BTreeMap;

use askama::Template;

pub use codegen_text::one_line;

use crate::escape::{html as html_text, json_string, markdown as md, toml_string};
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};

mod api;

const ROOT: &str = "generated/docs";

/// What every page's `<title>` ends with: `cargo xtask docs` appends it to
/// the titles in `meta.json`.
pub const TITLE_SUFFIX: &str = " · netcodes";

/// The most characters a meta description has: about what search engines show.
pub const DESCRIPTION_MAX: usize = 160;

/// The site's description (book.toml's) and the front page's.
const BOOK_DESCRIPTION: &str = "Network error and status codes: what each one means, what to do about it, and what it is called in every other system and language.";
const FRONT_TITLE: &str = "Network error and status codes explained";
const VOCABULARY_TITLE: &str = "Categories and retry advice";
const VOCABULARY_INTRO: &str = "Every code of every system names one category and one retry class from this shared vocabulary, so the same kind of failure is classified the same way whichever system reported it.";
const MAPPINGS_TITLE: &str = "Mappings";
const MAPPINGS_INTRO: &str = "What a code of one system is called in another. Each mapping is a table of rows, each from one \
                code or a range of numbers to one code of the other system. The most specific row wins: a single \
                code beats a range, and a range beats any range that holds it. A range also answers for numbers \
                its system does not define. Every row says how sure it is.";

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
/// `HTTP 499 Client Closed Request`, `QNetworkReply ContentNotFoundError (203)`;
/// a bare number from a system without a label gets the system's title
/// (`Chromium net errors -813`).
pub fn page_heading(system: &System, code: &Code) -> String {
    match (system.label.is_empty(), code.name.is_empty()) {
        (false, _) => format!("{} {}", system.label, code_label(system, code)),
        (true, true) => format!("{} {}", system.title, code_label(system, code)),
        (true, false) => code_label(system, code),
    }
}

/// The `<title>` of a code's page (before [`TITLE_SUFFIX`]): its heading and
/// the gist of its description, on one line.
pub fn page_title(system: &System, code: &Code) -> String {
    one_line(&format!("{}: {}", page_heading(system, code), gist(&code.description)))
}


/// A meta description: the text on one line, and if it is longer than
/// [`DESCRIPTION_MAX`] characters, cut after a whole word and ended with `…`.
pub fn summary(text: &str) -> String {
    let text = one_line(text);
    if text.chars().count() <= DESCRIPTION_MAX {
        return text;
    }
    // One character of look-ahead: a space there means the last word is whole.
    let window: String = text.chars().take(DESCRIPTION_MAX).collect();
    let cut = match window.rsplit_once(' ') {
        Some((head, _)) if !head.is_empty() => head.to_owned(),
        _ => window.chars().take(DESCRIPTION_MAX - 1).collect(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
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

/// The anchor of a group's section on its system's page.
fn group_anchor(system: &System, group: &Group) -> String {
    format!("{}-group-{}", system.id, group.id.replace('_', "-"))
}

/// The page of a system's names in other ecosystems.
fn symbols_page_file(system: &System) -> String {
    format!("{}-symbols.md", system.id)
}

#[derive(Template)]
#[template(path = "docs/book.toml", escape = "none")]
struct BookToml {
    notice: &'static str,
    description: String,
    site_path: String,
}

#[derive(Template)]
#[template(path = "docs/SUMMARY.md", escape = "none")]
struct Summary {
    notice: &'static str,
    /// (title, page) of the API page.
    api: Option<(&'static str, &'static str)>,
    systems: Vec<SummarySystem>,
    mappings: Vec<(String, String)>,
    /// (title, page) of the failure lab's page.
    lab: Option<(String, String)>,
}

struct SummarySystem {
    title: String,
    page: String,
    /// (label, page) of every value, and the names page.
    pages: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "docs/introduction.md", escape = "none")]
struct Introduction<'a> {
    notice: &'static str,
    /// (link, codes, version)
    systems: Vec<(String, usize, String)>,
    /// (link, rows)
    mappings: Vec<(String, usize)>,
    /// One code per system, and a mapping rule, for the examples.
    examples: Vec<examples::Code<'a>>,
    rule: Option<examples::Rule<'a>>,
}

#[derive(Template)]
#[template(path = "docs/vocabulary.md", escape = "none")]
struct VocabularyPage {
    notice: &'static str,
    title: &'static str,
    intro: &'static str,
    /// (heading, anchor prefix, rows)
    tables: Vec<(&'static str, &'static str, Vec<TermRow>)>,
    /// (retry class link, retries when, least wait, connection) of each class.
    decisions: Vec<[String; 4]>,
    api_link: String,
}

/// (anchor, id, title, description) of a vocabulary term.
type TermRow = (String, String, String, String);

#[derive(Template)]
#[template(path = "docs/system.md", escape = "none")]
struct SystemPage {
    notice: &'static str,
    title: String,
    intro: String,
    facts: Vec<String>,
    /// Several sources give numbers meanings: the index names each row's.
    sources: bool,
    groups: Vec<GroupSection>,
    retired: Vec<IndexRow>,
}

/// A group's section on its system's page.
struct GroupSection {
    heading: String,
    anchor: String,
    /// The group's description, if it has one.
    intro: String,
    rows: Vec<IndexRow>,
    /// Its numbers are all retired (the rows are under Retired numbers).
    all_retired: bool,
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
#[template(path = "docs/code.md", escape = "none")]
struct CodePage {
    notice: &'static str,
    heading: String,
    system: String,
    /// Every meaning, each under its own heading when the value has several.
    meanings: Vec<MeaningView>,
    /// The meanings' headings, `; `-separated, where there are several.
    meaning_list: String,
    /// Where this code leads: `system: code (kind): note`, per mapping from its system.
    mappings_out: Vec<String>,
    /// What leads here, one table per mapping into its system.
    mappings_in: Vec<Incoming>,
    names: Vec<(String, String)>,
    neighbours: (Option<String>, Option<String>),
}

struct MeaningView {
    heading: Option<String>,
    anchor: String,
    description: String,
    facts: Vec<(String, String)>,
}

/// The rows of one mapping that lead to a code: (code or range, kind, note).
struct Incoming {
    heading: String,
    mapping: String,
    rows: Vec<[String; 3]>,
}

#[derive(Template)]
#[template(path = "docs/table.md", escape = "none")]
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

/// A built page's head, as `cargo xtask docs` writes it and the sitemap
/// lists it. Text here is plain; the templates escape it.
struct PageHead {
    /// The HTML file mdBook writes: `http/404.html`.
    html: String,
    /// Before [`TITLE_SUFFIX`].
    title: String,
    /// What the page is about in a few words: its heading (`-813`,
    /// `HTTP 404 Not Found`), put before a description two pages would share.
    subject: String,
    /// The text the meta description summarises.
    about: String,
    /// The page's address under the site URL; empty for the front page
    /// (`index.html`, and `introduction.html`, which mdBook copies there).
    canonical: String,
}

impl PageHead {
    fn new(markdown: &str, title: &str, about: &str) -> PageHead {
        let html = html_file(markdown);
        PageHead { canonical: html.clone(), html, title: one_line(title), subject: one_line(title), about: about.to_owned() }
    }
}

#[derive(Template)]
#[template(path = "docs/meta.json", escape = "none")]
struct Meta {
    notice: String,
    site_url: String,
    title_suffix: String,
    /// (html page, title, description, canonical path), JSON strings.
    pages: Vec<(String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "docs/sitemap.xml", escape = "none")]
struct Sitemap {
    notice: &'static str,
    /// Every page's address, HTML-escaped.
    urls: Vec<String>,
}

#[derive(Template)]
#[template(path = "docs/robots.txt", escape = "none")]
struct Robots {
    notice: &'static str,
    sitemap: String,
}

#[derive(Template)]
#[template(path = "docs/netcodes.css", escape = "none")]
struct Css {
    notice: &'static str,
}

#[derive(Template)]
#[template(path = "docs/exact-search.js", escape = "none")]
struct ExactSearch {
    notice: &'static str,
    /// (label, prefixes people paste before a name) of each system, in ASCII
    /// lower case: a JSON string and JSON strings separated by commas.
    systems: Vec<(String, String)>,
    /// (html page, index of its system), the page a JSON string.
    pages: Vec<(String, usize)>,
    /// (key, pages best first): every number and name a code's page is
    /// found by, in ASCII lower case, sorted by bytes; the key a JSON string.
    keys: Vec<(String, String)>,
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let mut files = vec![
        GeneratedFile::new(
            format!("{ROOT}/book.toml"),
            BookToml {
                notice: GENERATED_NOTICE,
                description: toml_string(BOOK_DESCRIPTION),
                site_path: toml_string(&model.site_path()),
            }
            .render()
            .expect("renders"),
        ),
        page("introduction.md", introduction(model).render().expect("renders")),
        page("vocabulary.md", vocabulary_page(model).render().expect("renders")),
    ];

    let front = |markdown: &str| PageHead { canonical: String::new(), ..PageHead::new(markdown, FRONT_TITLE, BOOK_DESCRIPTION) };
    let mut heads = vec![
        front("index.md"),
        front("introduction.md"),
        PageHead::new("vocabulary.md", VOCABULARY_TITLE, VOCABULARY_INTRO),
    ];
    let api_page = api::page(model);
    if let Some(view) = &api_page {
        files.push(page(api::FILE, view.render().expect("renders")));
        heads.push(PageHead::new(api::FILE, api::TITLE, api::INTRO));
    }
    let mut summary = Vec::new();
    for (index, system) in model.systems.iter().enumerate() {
        files.push(page(&system.page, system_page(model, system).render().expect("renders")));
        heads.push(PageHead {
            subject: one_line(&system.title),
            ..PageHead::new(&system.page, &format!("{}: every code", system.title), &system.description)
        });
        let mut pages = Vec::new();
        let values = pages_of(system);
        for (at, code) in values.iter().enumerate() {
            let neighbours = (at.checked_sub(1).map(|i| values[i]), values.get(at + 1).copied());
            let view = code_page(model, index, code, neighbours);
            files.push(page(&code.page, view.render().expect("renders")));
            pages.push((md(&code_label(system, code)), code.page.clone()));
            heads.push(PageHead {
                subject: one_line(&page_heading(system, code)),
                ..PageHead::new(&code.page, &page_title(system, code), &code.description)
            });
        }
        if !system.ecosystems.is_empty() {
            let names_page = symbols_page_file(system);
            let view = symbols_page(system);
            files.push(page(&names_page, view.render().expect("renders")));
            let title = format!("{} in every language", system.title);
            let ecosystems: Vec<&str> = system.ecosystems.iter().map(|e| e.title.as_str()).collect();
            heads.push(PageHead::new(&names_page, &title, &format!("What each of {} is called in {}.", system.title, ecosystems.join(", "))));
            pages.push((md(&title), names_page));
        }
        summary.push(SummarySystem { title: md(&system.title), page: system.page.clone(), pages });
    }
    let mut mappings = Vec::new();
    if !model.mappings.is_empty() {
        files.push(page("mappings.md", mappings_page(model).render().expect("renders")));
        heads.push(PageHead::new("mappings.md", MAPPINGS_TITLE, MAPPINGS_INTRO));
        for mapping in &model.mappings {
            files.push(page(&mapping.page, mapping_page(model, mapping).render().expect("renders")));
            heads.push(PageHead::new(&mapping.page, &mapping.title, &mapping.description));
            mappings.push((md(&mapping.title), mapping.page.clone()));
        }
    }
    let mut lab_entry = None;
    if let Some(lab) = &model.lab {
        files.push(page(&lab.page, lab_page(model, lab).render().expect("renders")));
        heads.push(PageHead::new(&lab.page, &lab.title, &lab.description));
        lab_entry = Some((md(&lab.title), lab.page.clone()));
    }
    let api = api_page.map(|_| (api::TITLE, api::FILE));
    let summary = Summary { notice: GENERATED_NOTICE, api, systems: summary, mappings, lab: lab_entry };
    files.push(page("SUMMARY.md", summary.render().expect("renders")));
    files.extend(heads_files(model, &heads));
    files.push(GeneratedFile::new(format!("{ROOT}/exact-search.js"), exact_search(model).render().expect("renders")));
    files.push(GeneratedFile::new(format!("{ROOT}/netcodes.css"), Css { notice: GENERATED_NOTICE }.render().expect("renders")));
    files
}

/// The pages of a system's codes: one per value, current or retired, in value order.
fn pages_of(system: &System) -> Vec<&Code> {
    let mut values: Vec<&Code> = system.primary_codes().chain(&system.retired).collect();
    values.sort_by_key(|c| c.value);
    values
}

/// `meta.json`, `sitemap.xml` and `robots.txt`. A description two pages
/// would share gets the page's title in front, so every page has its own.
fn heads_files(model: &Model, heads: &[PageHead]) -> Vec<GeneratedFile> {
    let mut uses: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for head in heads {
        let pages = uses.entry(summary(&head.about)).or_default();
        if !pages.contains(&head.canonical.as_str()) {
            pages.push(&head.canonical);
        }
    }
    let description = |head: &PageHead| {
        let plain = summary(&head.about);
        if uses[&plain].len() > 1 { summary(&format!("{}: {}", head.subject, head.about)) } else { plain }
    };
    let meta = Meta {
        notice: json_string(GENERATED_NOTICE),
        site_url: json_string(&model.site_url),
        title_suffix: json_string(TITLE_SUFFIX),
        pages: heads
            .iter()
            .map(|h| (json_string(&h.html), json_string(&h.title), json_string(&description(h)), json_string(&h.canonical)))
            .collect(),
    };
    let mut urls: Vec<String> = Vec::new();
    for head in heads {
        let url = html_text(&format!("{}{}", model.site_url, head.canonical));
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    vec![
        GeneratedFile::new(format!("{ROOT}/meta.json"), meta.render().expect("renders")),
        page("sitemap.xml", Sitemap { notice: GENERATED_NOTICE, urls }.render().expect("renders")),
        page(
            "robots.txt",
            Robots { notice: GENERATED_NOTICE, sitemap: one_line(&format!("{}sitemap.xml", model.site_url)) }
                .render()
                .expect("renders"),
        ),
    ]
}

/// The exact-match index: every code page by its number (`499`, `-105`)
/// and by every name the model's case-blind lookup knows (names, upstream
/// names, identifiers, former names, other ecosystems' symbols), plus retired
/// codes' names. Where several pages share a key, a system that names its
/// codes by number comes first for a number (HTTP 499 before Qt's
/// `UnknownServerError (499)`), then systems in model order.
fn exact_search(model: &Model) -> ExactSearch {
    let mut pages: Vec<(String, usize)> = Vec::new();
    let mut page_index: BTreeMap<&str, usize> = BTreeMap::new();
    // key -> ((rank, system), page): a number of a system known by names ranks last.
    type Hit = ((bool, usize), usize);
    let mut keys: BTreeMap<String, Vec<Hit>> = BTreeMap::new();
    for (system_index, system) in model.systems.iter().enumerate() {
        for code in pages_of(system) {
            page_index.insert(&code.page, pages.len());
            pages.push((html_file(&code.page), system_index));
        }
        let rank = |by_number: bool| (by_number && !system.number_first, system_index);
        // Keys as the script folds a query: ASCII lower case, spaces made one.
        let mut add = |key: String, page: &str, by_number: bool| {
            let key = one_line(&key);
            if !key.is_empty() {
                keys.entry(key).or_default().push((rank(by_number), page_index[page]));
            }
        };
        for code in pages_of(system) {
            add(system.value_text(code.value).to_ascii_lowercase(), &code.page, true);
        }
        for (name, row) in &system.folded {
            add(name.clone(), &system.codes[*row].page, false);
        }
        for code in &system.retired {
            for name in [&code.name, &code.upstream_name, &code.ident] {
                add(name.to_ascii_lowercase(), &code.page, false);
            }
        }
    }
    let keys = keys
        .into_iter()
        .map(|(key, mut hits)| {
            hits.sort();
            let mut seen = Vec::new();
            for (_, page) in hits {
                if !seen.contains(&page) {
                    seen.push(page);
                }
            }
            (json_string(&key), seen.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
        })
        .collect();
    ExactSearch {
        notice: GENERATED_NOTICE,
        systems: model
            .systems
            .iter()
            .map(|s| {
                let prefixes: Vec<String> = s.lookup_prefixes.iter().map(|p| json_string(&p.to_ascii_lowercase())).collect();
                (json_string(&s.label.to_ascii_lowercase()), prefixes.join(", "))
            })
            .collect(),
        pages: pages.into_iter().map(|(page, system)| (json_string(&page), system)).collect(),
        keys,
    }
}

fn page(file: &str, contents: String) -> GeneratedFile {
    GeneratedFile::new(format!("{ROOT}/src/{file}"), contents)
}

/// The HTML file mdBook writes for a Markdown page.
pub fn html_file(markdown: &str) -> String {
    format!("{}.html", markdown.strip_suffix(".md").expect("a Markdown page"))
}

fn term_link(from_page: &str, prefix: &str, term: &Term) -> String {
    link(from_page, &md(&term.title), "vocabulary.md", Some(&format!("{prefix}-{}", term.id.replace('_', "-"))))
}

fn introduction(model: &Model) -> Introduction<'_> {
    Introduction {
        notice: GENERATED_NOTICE,
        systems: model
            .systems
            .iter()
            .map(|s| (link("", &md(&s.title), &s.page, None), s.codes.len(), md(&s.version)))
            .collect(),
        mappings: model.mappings.iter().map(|m| (link("", &md(&m.title), &m.page, None), m.rules.len())).collect(),
        examples: examples::codes(model),
        rule: examples::rule(model),
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
    let decisions = vocab
        .retries
        .iter()
        .filter_map(|term| {
            let decision = term.decision?;
            let when = match decision.rule {
                DecisionRule::No => "no",
                DecisionRule::Yes => "yes",
                DecisionRule::IfIdempotent => "only if the request is safe to repeat",
                DecisionRule::IfRetryAfter => "only if the response carried Retry-After",
            };
            let wait = match (decision.rule, decision.delay) {
                (DecisionRule::No, _) => "-".to_owned(),
                (_, 0) => "Retry-After, if any".to_owned(),
                (_, delay) => format!("{delay} s, or Retry-After if longer"),
            };
            let connection = match (decision.rule, decision.new_connection) {
                (DecisionRule::No, _) => "-",
                (_, true) => "a new one",
                (_, false) => "any",
            };
            Some([term_link("vocabulary.md", "retry", term), when.to_owned(), wait, connection.to_owned()])
        })
        .collect();
    VocabularyPage {
        notice: GENERATED_NOTICE,
        title: VOCABULARY_TITLE,
        intro: VOCABULARY_INTRO,
        decisions,
        api_link: link("vocabulary.md", api::TITLE, api::FILE, None),
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
        format!("Upstream: {} ({})", md(&system.upstream), md(&system.version_text())),
        format!("Source: {}", md(&system.source)),
        format!("Reference: {}", external_link(&system.url, &system.url)),
        format!(
            "In code: Rust {}, C {} and {} in {}, C++ {} in {}, Python {}, JavaScript {} from {} ({})",
            code(&format!("netcodes::{}::{}", system.id, system.type_name)),
            code(&system.c_type),
            code(&format!("{}*()", system.c_fn_prefix)),
            code("netcodes.h"),
            code(&format!("netcodes::{}::{}", system.id, system.type_name)),
            code("netcodes.hpp"),
            code(&format!("netcodes.{}.{}", system.id, system.type_name)),
            code(&system.type_name),
            code(&format!("netcodes/{}", system.id)),
            link(&system.page, api::TITLE, api::FILE, None),
        ),
    ];
    for mapping in model.mappings.iter().filter(|m| m.from == index) {
        facts.push(format!(
            "Mapped to {} by {}",
            md(&model.systems[mapping.to].title),
            link("", &md(&mapping.title), &mapping.page, None)
        ));
    }
    for mapping in model.mappings.iter().filter(|m| m.to == index) {
        facts.push(format!(
            "Mapped from {} by {}",
            md(&model.systems[mapping.from].title),
            link("", &md(&mapping.title), &mapping.page, None)
        ));
    }
    if !system.ecosystems.is_empty() {
        facts.push(link("", "What every ecosystem calls these codes", &symbols_page_file(system), None));
    }
    let row = |code: &Code, first: bool| IndexRow {
        anchors: if first && code.value_anchor != code.anchor {
            vec![code.value_anchor.clone(), code.anchor.clone()]
        } else {
            vec![code.anchor.clone()]
        },
        link: link("", &md(&code_label(system, code)), &code.page, None),
        source: md(&system.sources[code.source].title),
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
            // A group whose numbers are all retired keeps its section: its
            // codes' pages link to it. So does a described range without
            // codes (private use): the description is what there is to say.
            let all_retired = rows.is_empty() && system.retired.iter().any(|c| c.group == group_index);
            (!rows.is_empty() || all_retired || !group.description.is_empty()).then(|| GroupSection {
                heading: format!("{} ({} to {})", md(&group.title), system.value_text(group.min), system.value_text(group.max)),
                anchor: group_anchor(system, group),
                intro: md(&group.description),
                rows,
                all_retired,
            })
        })
        .collect();
    SystemPage {
        notice: GENERATED_NOTICE,
        title: md(&system.title),
        intro: md(&system.description),
        facts,
        sources: system.sources.len() > 1,
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
    let source_title = |m: &Code| md(&system.sources[m.source].title);
    // What tells a number's meanings apart: who gives each one (the registry
    // or a vendor), or, where one source gives a number several, each
    // meaning's name and reference (DNS 16: BADVERS, RFC 6891).
    let meaning_label = |m: &Code| {
        if system.sources.len() > 1 {
            return source_title(m);
        }
        match &m.reference {
            Some(reference) => format!("{}, {}", md(&m.name), md(reference)),
            None => md(&m.name),
        }
    };
    let meaning_views: Vec<MeaningView> = meanings
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
            let group = &system.groups[m.group];
            facts.push(("Group".to_owned(), link(here, &md(&group.title), &system.page, Some(&group_anchor(system, group)))));
            facts.push(("Category".to_owned(), term_link(here, "category", &vocab.categories[m.category])));
            let retry = &vocab.retries[m.retry];
            facts.push(("Retry".to_owned(), format!("{}: {}", term_link(here, "retry", retry), md(&retry.description))));
            facts.push(("Status".to_owned(), term_link(here, "status", &vocab.statuses[m.status])));
            if let Some(removed) = &system.removed_in {
                facts.push(("Removed upstream in".to_owned(), md(removed)));
            }
            if let Some(since) = &m.since {
                facts.push(("Since".to_owned(), md(since)));
            }
            if let Some(reference) = &m.reference {
                facts.push(("Reference".to_owned(), md(reference)));
            }
            for flag in &system.flags {
                facts.push((code_text(&format!("{}()", flag.method)), if m.flag_bits & flag.bit != 0 { "yes" } else { "no" }.to_owned()));
            }
            let former: Vec<String> = system
                .former_names_of(m.value)
                .iter()
                .filter(|f| f.source == m.source)
                .map(|f| format!("{} ({})", md(&f.name), md(&f.reference)))
                .collect();
            if !former.is_empty() {
                facts.push(("Former names".to_owned(), former.join("; ")));
            }
            MeaningView {
                heading: several.then(|| {
                    if m.name.is_empty() || system.sources.len() == 1 {
                        meaning_label(m)
                    } else {
                        format!("{}: {}", source_title(m), md(&m.name))
                    }
                }),
                anchor: m.anchor.clone(),
                description: md(&m.description),
                facts,
            }
        })
        .collect();
    let kind_link = |kind: usize| {
        let kind = &vocab.mapping_kinds[kind];
        link(here, &md(&kind.id), "mappings.md", Some(&format!("kind-{}", kind.id)))
    };
    let mut mappings_out = Vec::new();
    let mut mappings_in = Vec::new();
    if !retired {
        for mapping in model.mappings.iter().filter(|m| m.from == index) {
            let to = &model.systems[mapping.to];
            if let Some(rule) = mapping.rule_for(code.value) {
                let note = if rule.note.is_empty() { String::new() } else { format!(": {}", md(&rule.note)) };
                let lab = lab_cells(model, here, rule).map_or_else(String::new, |text| format!(" ({text})"));
                mappings_out.push(format!(
                    "{}: {} ({}){note}{lab}",
                    link(here, &md(&to.title), &mapping.page, Some(&rule.anchor)),
                    code_link(here, to, rule.to),
                    kind_link(rule.kind),
                ));
            }
        }
        for mapping in model.mappings.iter().filter(|m| m.to == index) {
            let from = &model.systems[mapping.from];
            let rows: Vec<[String; 3]> = mapping
                .rules
                .iter()
                .filter(|r| r.to == code.value)
                .map(|r| {
                    let covers = if r.is_single() {
                        code_link(here, from, r.lo)
                    } else {
                        let range = format!("{} to {}", from.value_text(r.lo), from.value_text(r.hi));
                        link(here, &md(&range), &mapping.page, Some(&r.anchor))
                    };
                    [covers, kind_link(r.kind), md(&r.note)]
                })
                .collect();
            if !rows.is_empty() {
                mappings_in.push(Incoming {
                    heading: format!("From {}", md(&from.title)),
                    mapping: link(here, &md(&mapping.title), &mapping.page, None),
                    rows,
                });
            }
        }
    }
    let mut names = Vec::new();
    if !retired {
        let each = |spell: &dyn Fn(&Code) -> String| {
            meanings
                .iter()
                .map(|m| if several { format!("{} ({})", code_text(&spell(m)), meaning_label(m)) } else { code_text(&spell(m)) })
                .collect::<Vec<_>>()
                .join("<br>")
        };
        names.push(("Rust".to_owned(), each(&|m| format!("netcodes::{}::{}::{}", system.id, system.type_name, m.ident))));
        names.push(("C".to_owned(), each(&|m| m.c_name.clone())));
        names.push(("Python".to_owned(), each(&|m| format!("netcodes.{}.{}.{}", system.id, system.type_name, m.ident))));
        for (ecosystem_index, ecosystem) in system.ecosystems.iter().enumerate() {
            let mut symbols: Vec<String> = system
                .value_symbols(code.value)
                .iter()
                .filter(|s| s.ecosystem == ecosystem_index)
                .map(|s| symbol_text(system, s, several))
                .collect();
            if symbols.is_empty() && ecosystem.same_names && !code.name.is_empty() {
                symbols.push(code_text(&code.name));
            }
            if !symbols.is_empty() {
                names.push((md(&ecosystem.title), symbols.join(", ")));
            }
        }
    }
    let neighbour = |c: Option<&Code>| c.map(|c| link(here, &md(&code_label(system, c)), &c.page, None));
    let meaning_list = meaning_views.iter().filter_map(|m| m.heading.clone()).collect::<Vec<_>>().join("; ");
    CodePage {
        notice: GENERATED_NOTICE,
        meaning_list,
        heading: md(&page_heading(system, code)),
        system: link(here, &md(&system.title), &system.page, Some(&code.value_anchor)),
        meanings: meaning_views,
        mappings_out,
        mappings_in,
        names,
        neighbours: (neighbour(neighbours.0), neighbour(neighbours.1)),
    }
}

/// An ecosystem's name with its history: `CONTENT_TOO_LARGE (since 3.13)`,
/// `:payload_too_large (alias since 3.1.0, deprecated since 3.1.0)`, and the
/// meaning it names where the value has several.
fn symbol_text(system: &System, symbol: &Symbol, several: bool) -> String {
    let mut notes = Vec::new();
    if several {
        notes.push(md(&system.sources[symbol.source].title));
    }
    let alias = !symbol.primary && symbol.alias_since.is_none();
    match (&symbol.since, alias) {
        (Some(since), true) => notes.push(format!("alias since {}", md(since))),
        (Some(since), false) => notes.push(format!("since {}", md(since))),
        (None, true) => notes.push("alias".to_owned()),
        (None, false) => {}
    }
    for (word, release) in [
        ("alias since", &symbol.alias_since),
        ("deprecated since", &symbol.deprecated_since),
        ("removed in", &symbol.removed_since),
    ] {
        if let Some(release) = release {
            notes.push(format!("{word} {}", md(release)));
        }
    }
    let mut text = code(&symbol.name);
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join(", ")));
    }
    text
}

fn symbols_page(system: &System) -> TablePage {
    let page = symbols_page_file(system);
    let mut header = vec!["Code".to_owned(), "Name".to_owned()];
    header.extend(system.ecosystems.iter().map(|e| md(&e.title)));
    let rows = system
        .primary_codes()
        .map(|entry| {
            let mut row = vec![link(&page, &system.value_text(entry.value), &entry.page, None), md(&entry.name)];
            for index in 0..system.ecosystems.len() {
                let mut names: Vec<String> = system
                    .value_symbols(entry.value)
                    .iter()
                    .filter(|s| s.ecosystem == index)
                    .map(|s| symbol_text(system, s, entry.meaning_count > 1))
                    .collect();
                if names.is_empty() && system.ecosystems[index].same_names && !entry.name.is_empty() {
                    names.push(code(&entry.name));
                }
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
        title: MAPPINGS_TITLE.to_owned(),
        intro: MAPPINGS_INTRO.to_owned(),
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
    let lab_column = mapping.rules.iter().any(|r| !r.observed.is_empty() || !r.differs.is_empty());
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
            let mut row = vec![
                format!("<a id=\"{}\"></a>{covers}", rule.anchor),
                code_link(here, to, rule.to),
                link(here, &md(&kind.id), "mappings.md", Some(&format!("kind-{}", kind.id))),
                md(&rule.note),
            ];
            if lab_column {
                row.push(lab_cells(model, here, rule).unwrap_or_default());
            }
            row
        })
        .collect();
    let mut header = ["From", "To", "Kind", "Note"].map(str::to_owned).to_vec();
    if lab_column {
        header.push(LAB_COLUMN.to_owned());
    }
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
            header,
            rows,
        }],
    }
}

/// The heading of a mapping page's column that cites the failure lab.
pub const LAB_COLUMN: &str = "Failure lab";

/// What the failure lab says about a mapping row, with links to its cases:
/// `observed in the failure lab: Connection refused`, and where the clients
/// reported other codes, `the clients differ in the failure lab: ...`.
fn lab_cells(model: &Model, here: &str, rule: &MappingRule) -> Option<String> {
    let lab = model.lab.as_ref()?;
    let cases = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| lab.case(id))
            .map(|case| link(here, &md(&case.title), &lab.page, Some(&case.anchor)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !rule.observed.is_empty() {
        parts.push(format!("observed in the failure lab: {}", cases(&rule.observed)));
    }
    if !rule.differs.is_empty() {
        parts.push(format!("the clients differ in the failure lab: {}", cases(&rule.differs)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A client's report with links: `[ContentNotFoundError (203)](...) with
/// [HTTP 404 Not Found](...)`, the status alone where the client gave no
/// code, and the codes it gave in some repetitions.
fn report_cell(model: &Model, lab: &Lab, here: &str, client: &LabClient, report: &LabReport) -> String {
    let status_system = &model.systems[lab.status_system];
    let code_text = |reported: &LabCode| match (reported, client.system) {
        (LabCode::Value(value), Some(system)) => code_link(here, &model.systems[system], *value),
        (LabCode::Value(value), None) => value.to_string(),
        (LabCode::Text(text), _) => code(text),
    };
    let status = report.status.map(|value| match status_system.primary(value) {
        Some(c) => link(here, &md(&page_heading(status_system, c)), &c.page, None),
        None => value.to_string(),
    });
    let mut text = match (&report.code, status) {
        (Some(reported), Some(status)) => format!("{} with {status}", code_text(reported)),
        (Some(reported), None) => code_text(reported),
        (None, Some(status)) => format!("no error code; {status}"),
        (None, None) => "nothing within the time limit".to_owned(),
    };
    if !report.also.is_empty() {
        let others: Vec<String> = report.also.iter().map(code_text).collect();
        text.push_str(&format!(" (in some runs {})", others.join(", ")));
    }
    text
}

/// The failure lab's page: what each client reported for each failure (the
/// clients' versions in the headings), what the mappings make of it, and how
/// each failure is staged.
fn lab_page(model: &Model, lab: &Lab) -> TablePage {
    let here = lab.page.as_str();
    let mut facts: Vec<String> =
        lab.clients.iter().map(|c| format!("{}: {}", md(&format!("{} {}", c.title, c.version)), md(&c.reads))).collect();
    facts.push(format!("Tables: {} and {}", code(&lab.cases_path), code(&lab.reports_path)));
    let mut header = vec!["Failure".to_owned()];
    header.extend(lab.clients.iter().map(|c| md(&format!("{} {}", c.title, c.version))));
    let reports = lab
        .cases
        .iter()
        .map(|case| {
            let mut row = vec![format!("<a id=\"{}\"></a>{}", case.anchor, md(&case.title))];
            row.extend(lab.clients.iter().zip(&case.reports).map(|(client, report)| report_cell(model, lab, here, client, report)));
            row
        })
        .collect();
    let mut tables = vec![Table { heading: Some("Reports".to_owned()), text: None, header, rows: reports }];
    if !lab.checks.is_empty() {
        let rows = lab
            .cases
            .iter()
            .flat_map(|case| lab.checks.iter().zip(&case.comparisons).map(move |(check, comparison)| (case, check, comparison)))
            .map(|(case, check, comparison)| {
                let (from, to) = (&lab.clients[check.from], &lab.clients[check.to]);
                let (row, verdict) = match comparison {
                    LabComparison::Compared { mapping, rule, agrees } => {
                        let mapping = &model.mappings[*mapping];
                        let rule = &mapping.rules[*rule];
                        let target = code_link(here, &model.systems[mapping.to], rule.to);
                        let verdict = if *agrees {
                            "confirms the row".to_owned()
                        } else {
                            format!("the clients differ: the row gives {target}")
                        };
                        let from_system = &model.systems[mapping.from];
                        let covers = if rule.is_single() {
                            from_system.primary(rule.lo).map_or_else(|| from_system.value_text(rule.lo), |c| page_heading(from_system, c))
                        } else {
                            format!("{} {} to {}", from_system.label, from_system.value_text(rule.lo), from_system.value_text(rule.hi))
                        };
                        (link(here, &md(covers.trim()), &mapping.page, Some(&rule.anchor)), verdict)
                    }
                    LabComparison::NotComparable(why) => (String::new(), format!("not comparable: {}", md(why))),
                };
                vec![link(here, &md(&case.title), here, Some(&case.anchor)), format!("{} to {}", md(&from.title), md(&to.title)), row, verdict]
            })
            .collect();
        tables.push(Table {
            heading: Some("Through the mappings".to_owned()),
            text: Some(
                "Each pair of reports put through the mapping between the two clients' systems: the code (or, where a \
                 client gave none, the status) of the first looked up in the mapping, and the row that answers compared \
                 with what the second reported."
                    .to_owned(),
            ),
            header: ["Failure", "Clients", "Mapping row", "Verdict"].map(str::to_owned).to_vec(),
            rows,
        });
    }
    let staging = lab
        .cases
        .iter()
        .map(|case| vec![link(here, &md(&case.title), here, Some(&case.anchor)), md(&case.staging), md(&case.note)])
        .collect();
    tables.push(Table {
        heading: Some("How each failure is staged".to_owned()),
        text: Some(
            "Every server listens on 127.0.0.1, and the whole lab runs in a network namespace whose only interface is \
             loopback, with a DNS server of its own that knows no name."
                .to_owned(),
        ),
        header: ["Failure", "Staging", "What the reports show"].map(str::to_owned).to_vec(),
        rows: staging,
    });
    TablePage { notice: GENERATED_NOTICE, title: md(&lab.title), intro: md(&lab.description), facts, tables }
}

/// The introduction's examples, written from the model's own answers (the
/// docs test extracts and runs every one): one code per system and one
/// mapping rule, spelled for every language; the template prints them.
mod examples {
    use crate::model::*;

    /// A system's example code.
    pub struct Code<'a> {
        pub system: &'a System,
        pub code: &'a crate::model::Code,
        /// The upstream name as a Rust string literal; `None` for a code
        /// without one, which the C example leaves out.
        pub rust_name: Option<String>,
    }

    /// The examples' mapping rule, with the mapping's title on one line, and
    /// without `*/` for a C comment.
    pub struct Rule<'a> {
        pub example: ExampleRule<'a>,
        pub title: String,
        pub c_title: String,
    }

    pub fn codes(model: &Model) -> Vec<Code<'_>> {
        model
            .systems
            .iter()
            .map(|system| {
                let code = &system.codes[system.example];
                let rust_name = (!code.name.is_empty()).then(|| format!("{:?}", code.name));
                Code { system, code, rust_name }
            })
            .collect()
    }

    pub fn rule(model: &Model) -> Option<Rule<'_>> {
        let example = model.example_rule()?;
        let (title, c_title) = (example.mapping.title.replace('\n', " "), example.mapping.title.replace("*/", ""));
        Some(Rule { example, title, c_title })
    }
}
