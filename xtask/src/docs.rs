//! `cargo xtask docs`: build `generated/docs` with the pinned mdBook, then
//! give every page the head `generated/docs/meta.json` asks for.
//!
//! mdBook titles every page after its sidebar entry and gives all of them
//! the book's description. After the build, each page listed in `meta.json`
//! gets its own `<title>` (the meta title and the suffix), its own
//! `<meta name="description">` and a `<link rel="canonical">` under the
//! site URL. Everything else comes from the generator: `sitemap.xml` and
//! `robots.txt` are files of the book's `src/`, which mdBook copies, and the
//! exact-search script is the book's `additional-js`. mdBook's own
//! `site-url` (the site's path, in `book.toml`) makes `404.html` load its
//! styles and scripts from any depth under that path.
//!
//! A warning from mdBook fails the build: the site is built the same way on
//! a laptop, in `.ci/run` and in the publish workflow.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::escape::html;
use serde::Deserialize;

/// The mdBook the site is built with. `tests/docs/install.sh` and
/// `.github/workflows/docs.yml` install this version (a test holds them to it).
pub const MDBOOK_VERSION: &str = "0.5.4";

/// What installs the pinned mdBook.
pub fn mdbook_install() -> String {
    format!("cargo install mdbook --version {MDBOOK_VERSION} --locked")
}

/// Pages mdBook writes that have no head of their own in `meta.json`: the
/// not-found page and the sidebar for readers without JavaScript (which says
/// `noindex`).
pub const PAGES_WITHOUT_HEAD: [&str; 2] = ["404.html", "toc.html"];

/// `meta.json`, as the docs renderer writes it.
#[derive(Debug, Deserialize)]
pub struct Meta {
    /// Where the site is published, ending in `/`.
    pub site_url: String,
    /// What every title ends with: ` · netcodes`.
    pub title_suffix: String,
    /// By HTML file under the site's root.
    pub pages: BTreeMap<String, Head>,
}

#[derive(Debug, Deserialize, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// The page's address under the site URL (empty for the front page).
    pub canonical: String,
}

impl Meta {
    pub fn read(book: &Path) -> Result<Meta, String> {
        let path = book.join("meta.json");
        let text = std::fs::read_to_string(&path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        serde_json::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))
    }
}

/// What a build made.
#[derive(Debug)]
pub struct Built {
    pub dest: PathBuf,
    /// Pages given their own head.
    pub pages: usize,
}

/// `cargo xtask docs`: builds `<root>/generated/docs` into `<root>/target/book`.
pub fn run(root: &Path) -> Result<Built, String> {
    build(&root.join("generated/docs"), &root.join("target/book"))
}

/// Builds the book at `book` into `dest` with the pinned mdBook, then writes
/// each page's head from the book's `meta.json`.
pub fn build(book: &Path, dest: &Path) -> Result<Built, String> {
    check_mdbook()?;
    let meta = Meta::read(book)?;
    let output = Command::new("mdbook")
        .arg("build")
        .arg(book)
        .arg("--dest-dir")
        .arg(dest)
        .env("MDBOOK_LOG", "warn")
        .output()
        .map_err(|err| format!("cannot run mdbook: {err}"))?;
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        return Err(format!(
            "mdbook build {} failed ({}); run `cargo xtask generate` first if generated/docs is stale:\n{printed}",
            book.display(),
            output.status
        ));
    }
    if !printed.trim().is_empty() {
        return Err(format!("mdbook build {} printed warnings, which fail the build:\n{printed}", book.display()));
    }
    let mut unlisted = Vec::new();
    for page in html_pages(dest)? {
        if !meta.pages.contains_key(&page) && !PAGES_WITHOUT_HEAD.contains(&page.as_str()) {
            unlisted.push(page);
        }
    }
    if !unlisted.is_empty() {
        return Err(format!("pages with no entry in meta.json: {}", unlisted.join(", ")));
    }
    for (page, head) in &meta.pages {
        let path = dest.join(page);
        let text = std::fs::read_to_string(&path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        let with_head = apply_head(&text, &meta, head).map_err(|err| format!("{}: {err}", path.display()))?;
        std::fs::write(&path, with_head).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    }
    Ok(Built { dest: dest.to_path_buf(), pages: meta.pages.len() })
}

/// Fails unless `mdbook` is the pinned version.
fn check_mdbook() -> Result<(), String> {
    let install = mdbook_install();
    let output = Command::new("mdbook").arg("--version").output().map_err(|err| {
        if err.kind() == std::io::ErrorKind::NotFound {
            format!("mdbook is not installed; install it with `{install}` (or `bash tests/docs/install.sh`, which also installs Chromium for the docs tests)")
        } else {
            format!("cannot run mdbook: {err}")
        }
    })?;
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if version != format!("mdbook v{MDBOOK_VERSION}") {
        return Err(format!("the site is built with mdBook {MDBOOK_VERSION}, not {version:?}; install it with `{install}`"));
    }
    Ok(())
}

/// Every HTML file under `root`, as a `/`-separated path, sorted.
pub fn html_pages(root: &Path) -> Result<Vec<String>, String> {
    let mut pages = Vec::new();
    let mut dirs = vec![PathBuf::new()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(root.join(&dir)).map_err(|err| format!("cannot read {}: {err}", root.join(&dir).display()))?;
        for entry in entries {
            let entry = entry.map_err(|err| err.to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = dir.join(&name);
            if entry.file_type().map_err(|err| err.to_string())?.is_dir() {
                dirs.push(relative);
            } else if name.ends_with(".html") {
                let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                pages.push(parts.join("/"));
            }
        }
    }
    pages.sort();
    Ok(pages)
}

/// A page mdBook wrote, with `head`'s title, description and canonical link
/// in place of mdBook's title and description. Fails unless the page has
/// exactly one of each and no canonical link yet.
pub fn apply_head(page: &str, meta: &Meta, head: &Head) -> Result<String, String> {
    let title = format!("<title>{}</title>", html(&format!("{}{}", head.title, meta.title_suffix)));
    let description = format!("<meta name=\"description\" content=\"{}\">", html(&head.description));
    let canonical = format!("<link rel=\"canonical\" href=\"{}\">", html(&format!("{}{}", meta.site_url, head.canonical)));
    if page.contains("rel=\"canonical\"") {
        return Err("already has a canonical link".to_owned());
    }
    let page = replace_one(page, "<title>", "</title>", &title)?;
    let indent = line_indent(&page, "<meta name=\"description\"");
    replace_one(&page, "<meta name=\"description\"", ">", &format!("{description}\n{indent}{canonical}"))
}

/// `text` with the one span from `start` to the next `end` replaced.
fn replace_one(text: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let mut found = text.match_indices(start);
    let (at, _) = found.next().ok_or_else(|| format!("no {start}"))?;
    if found.next().is_some() {
        return Err(format!("more than one {start}"));
    }
    let stop = text[at..].find(end).ok_or_else(|| format!("{start} is not closed"))? + at + end.len();
    Ok(format!("{}{with}{}", &text[..at], &text[stop..]))
}

/// The white space before `needle` on its line.
fn line_indent(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or(0);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].chars().take_while(|c| c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta { site_url: "https://example.com/site/".to_owned(), title_suffix: " · netcodes".to_owned(), pages: BTreeMap::new() }
    }

    #[test]
    fn head_replaces_title_and_description_and_adds_canonical() {
        let page = "<html>\n    <head>\n        <title>499 - netcodes</title>\n        <meta name=\"description\" content=\"book\">\n    </head>\n</html>\n";
        let head = Head {
            title: "HTTP 499 <Client> & \"Closed\"".to_owned(),
            description: "It's <b>gone</b> & done".to_owned(),
            canonical: "http/499.html".to_owned(),
        };
        let done = apply_head(page, &meta(), &head).expect("applies");
        assert_eq!(
            done,
            "<html>\n    <head>\n        <title>HTTP 499 &lt;Client&gt; &amp; &quot;Closed&quot; · netcodes</title>\n        \
             <meta name=\"description\" content=\"It&#39;s &lt;b&gt;gone&lt;/b&gt; &amp; done\">\n        \
             <link rel=\"canonical\" href=\"https://example.com/site/http/499.html\">\n    </head>\n</html>\n"
        );
        assert_eq!(apply_head(&done, &meta(), &head), Err("already has a canonical link".to_owned()));
    }

    #[test]
    fn a_page_without_exactly_one_title_is_an_error() {
        let head = Head { title: "t".to_owned(), description: "d".to_owned(), canonical: String::new() };
        let no_title = "<meta name=\"description\" content=\"x\">";
        assert_eq!(apply_head(no_title, &meta(), &head), Err("no <title>".to_owned()));
        let two = "<title>a</title><title>b</title><meta name=\"description\" content=\"x\">";
        assert_eq!(apply_head(two, &meta(), &head), Err("more than one <title>".to_owned()));
        let no_description = "<title>a</title>";
        assert_eq!(apply_head(no_description, &meta(), &head), Err("no <meta name=\"description\"".to_owned()));
    }
}
