//! What a search engine reads: every page's `<title>`, meta description and
//! canonical link, the sitemap and robots.txt, against data/.

use std::collections::{BTreeMap, BTreeSet};

use codegen::model::Model;
use codegen::render::docs::one_line;

use super::content::{Checker, code_pages, heading, html_page};
use super::html::{Document, decode};
use super::site::Site;

/// What every title ends with.
pub const TITLE_SUFFIX: &str = " · netcodes";
/// The longest meta description, in characters.
pub const DESCRIPTION_MAX: usize = 160;

/// What a page's head must say, from data/.
pub struct Expected {
    /// The title starts with this (a code's heading, a system's title)...
    pub title_starts: String,
    /// ...and, where set, is exactly this (before the suffix).
    pub title: Option<String>,
    /// The description summarises this text, or this text with `subject: ` in front.
    pub about: Option<String>,
    pub subject: String,
    /// The canonical path under the site URL.
    pub canonical: String,
}

/// Every page with a head of its own, and what it must say.
pub fn expected(model: &Model) -> BTreeMap<String, Expected> {
    let mut pages = BTreeMap::new();
    // Heads are one line: white space runs become one space.
    let plain = |title: &str, canonical: &str| Expected {
        title_starts: one_line(title),
        title: None,
        about: None,
        subject: one_line(title),
        canonical: canonical.to_owned(),
    };
    pages.insert("index.html".to_owned(), plain("", ""));
    pages.insert("introduction.html".to_owned(), plain("", ""));
    pages.insert("vocabulary.html".to_owned(), plain("", "vocabulary.html"));
    if !model.systems.is_empty() {
        pages.insert("api.html".to_owned(), plain("", "api.html"));
    }
    for system in &model.systems {
        let page = html_page(&system.page);
        pages.insert(
            page.clone(),
            Expected { about: Some(system.description.clone()), ..plain(&system.title, &page) },
        );
        for code in code_pages(system) {
            let page = html_page(&code.page);
            let heading = one_line(&heading(system, code));
            pages.insert(
                page.clone(),
                Expected {
                    title_starts: format!("{heading}: "),
                    title: None,
                    about: Some(code.description.clone()),
                    subject: heading,
                    canonical: page,
                },
            );
        }
        if !system.ecosystems.is_empty() {
            let page = format!("{}-symbols.html", system.id);
            pages.insert(page.clone(), plain(&system.title, &page));
        }
    }
    if !model.mappings.is_empty() {
        pages.insert("mappings.html".to_owned(), plain("", "mappings.html"));
    }
    for mapping in &model.mappings {
        let page = html_page(&mapping.page);
        let title = one_line(&mapping.title);
        pages.insert(
            page.clone(),
            Expected { title: Some(title.clone()), about: Some(mapping.description.clone()), ..plain(&title, &page) },
        );
    }
    if let Some(lab) = &model.lab {
        let page = html_page(&lab.page);
        let title = one_line(&lab.title);
        pages.insert(page.clone(), Expected { title: Some(title.clone()), about: Some(lab.description.clone()), ..plain(&title, &page) });
    }
    pages
}

/// Whether `got` summarises `text`: the text on one line, or its start cut
/// after a whole word and ended with `…`, at most [`DESCRIPTION_MAX`] characters.
pub fn summarises(got: &str, text: &str) -> bool {
    let full = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if got == full {
        return got.chars().count() <= DESCRIPTION_MAX;
    }
    let Some(start) = got.strip_suffix('…') else { return false };
    let whole_word = full.strip_prefix(start).and_then(|rest| rest.chars().next()).is_some_and(|c| !c.is_alphanumeric());
    got.chars().count() <= DESCRIPTION_MAX && !start.is_empty() && whole_word
}

/// Checks one page's head against what data/ says it must be.
pub fn check_page(checker: &mut Checker, model: &Model, name: &str, doc: &Document, expected: &Expected) {
    checker.counts.texts += 3;
    let title = doc.title().unwrap_or_default();
    let Some(title) = title.strip_suffix(TITLE_SUFFIX) else {
        checker.problems.push(format!("{name}: title {title:?} does not end with {TITLE_SUFFIX:?}"));
        return;
    };
    if !title.starts_with(&expected.title_starts) || expected.title.as_ref().is_some_and(|t| t != title) || title.trim().is_empty() {
        checker.problems.push(format!("{name}: title {title:?}, expected {:?} or one starting {:?}", expected.title, expected.title_starts));
    }
    if let Some(gist) = title.strip_prefix(&expected.title_starts).filter(|_| expected.title_starts.ends_with(": ")) {
        // A code's title: its heading and the start of its description.
        let about = expected.about.as_deref().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        if !about.starts_with(gist.trim_end_matches('…')) {
            checker.problems.push(format!("{name}: title {title:?} does not start with the description {about:?}"));
        }
    }
    let description = doc.description().unwrap_or_default();
    if description.trim().is_empty() || description.chars().count() > DESCRIPTION_MAX {
        checker.problems.push(format!("{name}: description {description:?} is empty or over {DESCRIPTION_MAX} characters"));
    }
    if let Some(about) = &expected.about {
        if !summarises(description, about) && !summarises(description, &format!("{}: {about}", expected.subject)) {
            checker.problems.push(format!("{name}: description {description:?} does not summarise {about:?}"));
        }
    }
    let canonical = format!("{}{}", model.site_url, expected.canonical);
    if doc.canonicals() != [canonical.as_str()] {
        checker.problems.push(format!("{name}: canonical links {:?}, expected [{canonical:?}]", doc.canonicals()));
    }
}

/// Every page's head; with `unique`, also that no two pages (the front page
/// and its copy `introduction.html` count once) share a title or a description.
pub fn check(model: &Model, site: &Site, unique: bool) -> usize {
    let mut checker = Checker::default();
    let expected = expected(model);
    for page in site.pages.keys() {
        if !expected.contains_key(page) && !xtask::docs::PAGES_WITHOUT_HEAD.contains(&page.as_str()) {
            checker.problems.push(format!("{page}: a page nobody expects"));
        }
    }
    let mut titles: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut descriptions: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (name, want) in &expected {
        let Some(doc) = site.pages.get(name) else {
            checker.problems.push(format!("{name}: missing"));
            continue;
        };
        check_page(&mut checker, model, name, doc, want);
        titles.entry(doc.title().unwrap_or_default()).or_default().insert(&want.canonical);
        descriptions.entry(doc.description().unwrap_or_default()).or_default().insert(&want.canonical);
    }
    if unique {
        for (what, seen) in [("title", &titles), ("description", &descriptions)] {
            for (text, pages) in seen.iter().filter(|(_, pages)| pages.len() > 1) {
                checker.problems.push(format!("{} pages share the {what} {text:?}: {pages:?}", pages.len()));
            }
        }
    }
    checker.finish("page heads differ from data/");
    expected.len()
}

/// `sitemap.xml` lists every page with a head once, by its canonical
/// address; `robots.txt` points at it. Returns the number of addresses.
pub fn check_sitemap(model: &Model, site: &Site) -> usize {
    let sitemap = std::fs::read_to_string(site.root.join("sitemap.xml")).expect("the site has sitemap.xml");
    // No XML declaration (the generated-file notice comes first): UTF-8 XML needs none.
    assert!(sitemap.starts_with("<!--") && !sitemap.contains("<?xml"), "sitemap.xml does not start with its notice");
    assert!(sitemap.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), "sitemap.xml is not a urlset");
    let listed: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|rest| decode(rest.split_once("</loc>").expect("a closed <loc>").0))
        .collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "sitemap.xml lists an address twice");
    let wanted: BTreeSet<String> =
        expected(model).values().map(|e| format!("{}{}", model.site_url, e.canonical)).collect();
    let listed: BTreeSet<String> = listed.into_iter().collect();
    let missing: Vec<&String> = wanted.difference(&listed).collect();
    let extra: Vec<&String> = listed.difference(&wanted).collect();
    assert!(missing.is_empty() && extra.is_empty(), "sitemap.xml misses {missing:?} and lists {extra:?}");
    let robots = std::fs::read_to_string(site.root.join("robots.txt")).expect("the site has robots.txt");
    let line = format!("Sitemap: {}sitemap.xml", model.site_url);
    assert!(robots.lines().any(|l| l == line), "robots.txt has no line {line:?}:\n{robots}");
    assert!(robots.lines().any(|l| l == "User-agent: *"), "robots.txt names no user agent:\n{robots}");
    listed.len()
}
