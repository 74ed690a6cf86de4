//! Building a book as `cargo xtask docs` does, and checking every link of the
//! built site.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use conformance::{files_under, require_tool};

use super::html::Document;

/// Builds the book at `book` into `dest` with `xtask::docs::build`, the
/// code `cargo xtask docs` runs: the pinned mdBook, where any warning is a
/// failure, then each page's head from the book's `meta.json`.
pub fn build_book(book: &Path, dest: &Path) -> xtask::docs::Built {
    require_tool("mdbook", &format!("bash tests/docs/install.sh (it runs: {})", xtask::docs::mdbook_install()));
    let _ = std::fs::remove_dir_all(dest);
    xtask::docs::build(book, dest).unwrap_or_else(|err| panic!("building {} failed: {err}", book.display()))
}

/// A built site: every HTML page, parsed, by its path relative to the root.
pub struct Site {
    pub root: PathBuf,
    pub pages: BTreeMap<String, Document>,
}

#[derive(Debug, Default)]
pub struct LinkReport {
    pub pages: usize,
    /// Internal `href`s and `src`s checked.
    pub links: usize,
    /// Of those, the ones with a `#fragment` checked against the target's ids.
    pub anchors: usize,
    pub broken: Vec<String>,
    pub duplicate_ids: Vec<String>,
}

impl Site {
    pub fn load(root: &Path) -> Site {
        let mut pages = BTreeMap::new();
        for path in files_under(root).into_iter().filter(|path| path.extension().is_some_and(|e| e == "html")) {
            let text = std::fs::read_to_string(&path).expect("HTML is UTF-8");
            pages.insert(relative(root, &path), Document::parse(&text));
        }
        Site { root: root.to_path_buf(), pages }
    }

    pub fn page(&self, name: &str) -> &Document {
        self.pages.get(name).unwrap_or_else(|| panic!("the built site has no {name}"))
    }

    /// Resolves every internal `href` and `src` of every page: the file must
    /// exist, and a fragment must be an id of the target page.
    pub fn check_links(&self) -> LinkReport {
        let mut report = LinkReport { pages: self.pages.len(), ..LinkReport::default() };
        let ids: BTreeMap<&str, BTreeSet<&str>> =
            self.pages.iter().map(|(name, doc)| (name.as_str(), doc.ids().collect())).collect();
        for (name, doc) in &self.pages {
            let mut seen = BTreeSet::new();
            for id in doc.ids() {
                if !seen.insert(id) {
                    report.duplicate_ids.push(format!("{name}: #{id}"));
                }
            }
            // 404.html sets <base href> to the site's path (mdBook's
            // site-url, `/netcodes/`): its links are relative to the site root.
            let base = doc.elements.iter().find(|e| e.name == "base").and_then(|e| e.attr("href"));
            let dir = match base {
                Some(_) => String::new(),
                None => name.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/")),
            };
            for element in doc.elements.iter().filter(|e| e.name != "base") {
                for url in ["href", "src"].iter().filter_map(|attr| element.attr(attr)) {
                    if is_external(url) {
                        continue;
                    }
                    report.links += 1;
                    let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
                    let path = path.split('?').next().unwrap_or_default();
                    let target = if path.is_empty() {
                        name.clone()
                    } else {
                        match normalize(&format!("{dir}{}", percent_decode(path))) {
                            Some(target) => target,
                            None => {
                                report.broken.push(format!("{name}: {url} leaves the site"));
                                continue;
                            }
                        }
                    };
                    let target =
                        if target.is_empty() || target.ends_with('/') { format!("{target}index.html") } else { target };
                    if !self.root.join(&target).is_file() {
                        report.broken.push(format!("{name}: {url} -> {target} does not exist"));
                        continue;
                    }
                    let fragment = percent_decode(fragment);
                    if fragment.is_empty() {
                        continue;
                    }
                    report.anchors += 1;
                    match ids.get(target.as_str()) {
                        Some(target_ids) if target_ids.contains(fragment.as_str()) => {}
                        Some(_) => report.broken.push(format!("{name}: {url} -> {target} has no id {fragment:?}")),
                        None => report.broken.push(format!("{name}: {url} -> {target} is not a page with anchors")),
                    }
                }
            }
        }
        report
    }
}

/// Where a link on `page` leads: a page path under the site root and a
/// fragment (empty if none), or `None` for a link out of the site.
pub fn resolve(page: &str, href: &str) -> Option<(String, String)> {
    if is_external(href) {
        return None;
    }
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    let path = path.split('?').next().unwrap_or_default();
    let dir = page.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/"));
    let target = if path.is_empty() { page.to_owned() } else { normalize(&format!("{dir}{}", percent_decode(path)))? };
    Some((target, percent_decode(fragment)))
}

/// A URL with a scheme (`https:`, `data:`, `javascript:`) or a network path.
fn is_external(url: &str) -> bool {
    let scheme_end = url.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    url.starts_with("//") || (scheme_end.is_some_and(|end| end > 0 && url[end..].starts_with(':')))
}

/// Resolves `.` and `..`; `None` when the path climbs out of the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let trailing = if path.ends_with('/') && !parts.is_empty() { "/" } else { "" };
    Some(format!("{}{trailing}", parts.join("/")))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn relative(root: &Path, path: &Path) -> String {
    let parts: Vec<String> = path
        .strip_prefix(root)
        .expect("under the root")
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// The link checker itself finds a missing page, a missing anchor, a path
/// out of the site and a duplicate id, and accepts what resolves.
#[test]
fn link_check_finds_broken_links() {
    let root = conformance::scratch_dir("docs-link-check");
    std::fs::create_dir_all(root.join("sub")).expect("sub dir");
    let page = |path: &str, html: &str| std::fs::write(root.join(path), html).expect("write page");
    page(
        "a.html",
        r##"<p id="top"><a href="b.html#here">ok</a> <a href="sub/c.html">ok</a> <a href="#top">ok</a>
        <a href="https://example.com/x#y">external</a> <img src="missing.png">
        <a href="b.html#nowhere">bad anchor</a> <a href="../out.html">out</a><span id="top"></span></p>"##,
    );
    page("b.html", r#"<h2 id="here">Here</h2>"#);
    page("sub/c.html", r#"<a href="../a.html#top">ok</a>"#);
    page("404.html", r#"<base href="/site/"><a href="b.html#here">ok</a>"#);
    let report = Site::load(&root).check_links();
    assert_eq!((report.links, report.anchors), (8, 5), "{report:?}");
    assert_eq!(
        report.broken,
        [
            "a.html: missing.png -> missing.png does not exist",
            "a.html: b.html#nowhere -> b.html has no id \"nowhere\"",
            "a.html: ../out.html leaves the site",
        ],
        "{report:?}"
    );
    assert_eq!(report.duplicate_ids, ["a.html: #top"]);
}
