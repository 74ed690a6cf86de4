//! The built site in headless Chromium, served over HTTP under the site's
//! path: code pages and mapping pages as a reader's browser renders them,
//! the not-found page at any depth, and mdBook's search with the exact-match
//! script.

use std::path::Path;

use super::html::Document;
use super::site::resolve;

/// `chromium --dump-dom` with a fresh profile, killed after a minute: the
/// DOM after the page's scripts ran.
pub fn dump_dom(url: &str, profile: &Path) -> Result<Document, String> {
    conformance::dump_dom(url, profile).map(|html| Document::parse(&html))
}

/// `chromium --screenshot` of `url` into `file`.
pub fn screenshot(url: &str, profile: &Path, file: &Path, size: (u32, u32)) -> Result<(), String> {
    conformance::headless_chromium(
        &[
            format!("--user-data-dir={}", profile.display()),
            format!("--screenshot={}", file.display()),
            format!("--window-size={},{}", size.0, size.1),
            "--hide-scrollbars".to_owned(),
            url.to_owned(),
        ],
        url,
    )?;
    if file.is_file() { Ok(()) } else { Err(format!("{url}: no screenshot written")) }
}

/// mdBook's scripts ran: the sidebar they build marks `page` as the current one.
pub fn sidebar_marks(doc: &Document, page: &str) -> bool {
    doc.elements.iter().any(|e| {
        e.name == "a"
            && e.attr("class").is_some_and(|c| c.split(' ').any(|c| c == "active"))
            && e.attr("href").and_then(|href| resolve(page, href)).is_some_and(|(path, _)| path == page)
    })
}

/// What the search on `page` listed: each result's page and anchor, and
/// every teaser's text.
pub struct SearchResults {
    pub hits: Vec<String>,
    pub teasers: Vec<String>,
}

pub fn search_results(doc: &Document, page: &str) -> SearchResults {
    let Some(list) = doc.by_id("mdbook-searchresults") else { return SearchResults { hits: Vec::new(), teasers: Vec::new() } };
    let hits = doc
        .descendants(list, "li")
        .into_iter()
        .filter_map(|li| doc.descendants(li, "a").first().and_then(|&a| doc.elements[a].attr("href")))
        .filter_map(|href| resolve(page, href))
        .map(|(path, fragment)| if fragment.is_empty() { path } else { format!("{path}#{fragment}") })
        .collect();
    let teasers = doc
        .descendants(list, "span")
        .into_iter()
        .filter(|&s| doc.elements[s].attr("class") == Some("teaser"))
        .map(|s| doc.elements[s].text.clone())
        .collect();
    SearchResults { hits, teasers }
}

/// A query as it goes in a URL: everything but unreserved characters percent-encoded.
pub fn url_query(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}
