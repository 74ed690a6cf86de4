//! The docs site: `generated/docs` built as `cargo xtask docs` builds it
//! (the pinned mdBook, no warnings, then each page's head) says exactly what
//! data/ says on a page per code, with no broken link or anchor, stable
//! anchors and addresses, a unique title and description per page, a sitemap
//! of every page, examples that run, search that ranks exact hits first, and
//! pages that open in a real browser (headless Chromium) under the site's
//! path. `bash tests/docs/install.sh` installs mdBook and Chromium.

mod docs;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use codegen::model::{Code, Model};
use conformance::server::Server;
use conformance::{by_folded_name, model, repo_root, require_tool, scratch_dir, snapshot, system};

use docs::browser::{dump_dom, screenshot, search_results, sidebar_marks, url_query};
use docs::content::{Checker, code_pages, html_page};
use docs::html::Document;
use docs::site::{Site, build_book};

/// The built site of the checked-in `generated/docs`, built once per run.
fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let dest = scratch_dir("docs-site");
        build_book(&repo_root().join("generated/docs"), &dest);
        Site::load(&dest)
    })
}

/// The built site, served under the site's path (`/netcodes/`).
fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| Server::start(&site().root, &model().site_path()))
}

const CHROMIUM_INSTALL: &str = "bash tests/docs/install.sh (apt-get install chromium)";

#[test]
fn site_builds_without_warnings() {
    let site = site();
    let model = model();
    // Every page someone expects, and nothing else: the front page, the
    // vocabulary, the API page, a page per system, per code, per ecosystem table, the
    // mappings' overview and a page per mapping, and mdBook's own two.
    let mut expected: BTreeSet<String> = docs::head::expected(&model).into_keys().collect();
    expected.extend(xtask::docs::PAGES_WITHOUT_HEAD.map(str::to_owned));
    let built: BTreeSet<String> = site.pages.keys().cloned().collect();
    let missing: Vec<&String> = expected.difference(&built).collect();
    let extra: Vec<&String> = built.difference(&expected).collect();
    assert!(missing.is_empty() && extra.is_empty(), "the built site misses {missing:?} and has {extra:?}");
    let codes: usize = model.systems.iter().map(|s| code_pages(s).len()).sum();
    println!("docs site: {} HTML pages built ({codes} code pages), no warnings", site.pages.len());
}

/// `cargo xtask docs` gives the same bytes every run: two builds of the
/// same book are identical, file for file.
#[test]
fn site_builds_the_same_bytes_twice() {
    let first = &site().root;
    let second = scratch_dir("docs-site-again");
    build_book(&repo_root().join("generated/docs"), &second);
    let files = |root: &std::path::Path| -> BTreeMap<std::path::PathBuf, Vec<u8>> {
        let all = snapshot(root).into_iter();
        all.map(|(path, bytes)| (path.strip_prefix(root).expect("under root").to_path_buf(), bytes)).collect()
    };
    let (a, b) = (files(first), files(&second));
    let differ: Vec<&std::path::PathBuf> = a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).collect();
    assert!(differ.is_empty(), "two builds differ in {differ:?}");
    println!("docs site: two builds, {} files, byte for byte the same", a.len());
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let report = site().check_links();
    assert!(report.broken.is_empty(), "broken links:\n{}", report.broken.join("\n"));
    assert!(report.duplicate_ids.is_empty(), "duplicate ids:\n{}", report.duplicate_ids.join("\n"));
    assert!(report.links > 10_000 && report.anchors > 2_000, "too few links checked: {report:?}");
    println!(
        "docs links: {} pages, {} internal links checked, {} of them to an #anchor",
        report.pages, report.links, report.anchors
    );
}

/// Every code's page and index row, every mapping row, every vocabulary term
/// and symbol: each text from data/ comes out of mdBook as exactly that text.
#[test]
fn built_pages_say_what_data_says() {
    let counts = docs::content::check(&model(), site());
    println!("docs content: {counts}");
}

/// The API page names, in each language's column, only what that output
/// defines.
#[test]
fn api_page_names_what_each_output_defines() {
    let names = docs::api::check(site(), &repo_root());
    println!("API page: {names} names, each defined by the output it is listed for");
}

/// Each page's `<title>`, meta description and canonical link say what
/// data/ says about it, and no two pages share a title or a description.
#[test]
fn every_page_has_its_own_title_description_and_canonical_link() {
    let pages = docs::head::check(&model(), site(), true);
    println!("docs heads: {pages} pages, each with its own title, description and canonical link");
}

#[test]
fn sitemap_lists_every_page() {
    let listed = docs::head::check_sitemap(&model(), site());
    println!("sitemap.xml: {listed} addresses, every page once; robots.txt points at it");
}

/// Anchors and addresses are part of the site's interface: links from
/// elsewhere use them. The system pages keep every anchor the
/// one-page-per-system site had, each on the row that links to the code's page.
#[test]
fn anchors_and_addresses_are_stable() {
    let site = site();
    let model = model();
    for (page, id) in [
        ("http.html", "404"),
        ("http.html", "404-iana"),
        ("http.html", "499-nginx"),
        ("chromium.html", "err-name-not-resolved"),
        ("qt.html", "qt-203"),
        ("warning.html", "warning-214"),
        ("map-http-status-to-qt.html", "from-404"),
        ("map-http-status-to-qt.html", "from-501-to-999"),
        ("map-chromium-to-qt.html", "from-err-name-not-resolved"),
        ("mappings.html", "kind-approximate"),
        ("vocabulary.html", "retry-after-delay"),
        ("http/499.html", "499-nginx"),
        ("http/499.html", "499-esri"),
    ] {
        assert!(site.page(page).by_id(id).is_some(), "{page} has lost its anchor #{id}");
    }
    // A page per code, at an address that never changes once published.
    for (system_id, value, page) in [
        ("http", 404, "http/404.html"),
        ("http", 499, "http/499.html"),
        ("chromium", -105, "chromium/err-name-not-resolved.html"),
        ("chromium", -201, "chromium/err-cert-date-invalid.html"),
        ("qt", 203, "qt/content-not-found-error.html"),
        ("warning", 214, "warning/214.html"),
    ] {
        let system = system(&model, system_id);
        let code = system.primary(value).unwrap_or_else(|| panic!("{system_id} has no {value}"));
        assert_eq!(html_page(&code.page), page, "{system_id} {value} moved");
        assert!(site.pages.contains_key(page), "the built site has no {page}");
    }
    for system in &model.systems {
        for code in system.codes.iter().chain(&system.retired) {
            for text in [&code.anchor, &code.page] {
                let text = text.trim_end_matches(".md");
                assert!(
                    !text.is_empty()
                        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'/'),
                    "{} {}: {text:?} is not lower-kebab, so links to it would need escaping",
                    system.id,
                    code.value,
                );
            }
        }
    }
}

/// `escape::markdown` and the docs renderer's wrappers around it render,
/// with mdBook's parser options, to exactly the text they were given, in
/// every place the pages put data text.
#[test]
fn markdown_escaping_is_exact() {
    let checked = docs::escaping::check_all();
    println!("markdown escaping: {checked} renderings compared");
}

/// Data text full of Markdown and HTML goes through the real renderer, the
/// real mdBook and the head `cargo xtask docs` writes, and comes out as
/// written: in the pages, the titles, the descriptions, and the exact-match
/// index the search script reads.
#[test]
fn hostile_data_text_renders_as_written() {
    let scratch = scratch_dir("docs-hostile");
    let model = docs::hostile::load(&scratch.join("repo"));
    let book = scratch.join("book");
    for file in codegen::render::docs::render(&model) {
        let path = book.join(file.path.strip_prefix("generated/docs/").expect("docs file"));
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create book dir");
        std::fs::write(&path, file.contents).expect("write book file");
    }
    build_book(&book, &scratch.join("site"));
    let site = Site::load(&scratch.join("site"));
    let report = site.check_links();
    assert!(report.broken.is_empty(), "broken links:\n{}", report.broken.join("\n"));
    let counts = docs::content::check(&model, &site);
    let heads = docs::head::check(&model, &site, false);
    docs::head::check_sitemap(&model, &site);
    let probes = exact_search_finds_every_name(&model, &book.join("exact-search.js"), &scratch);
    println!("hostile docs content: {counts}; {heads} page heads; {probes} names found by the exact-match script");
}

/// Runs the generated exact-search script in node: every name of every
/// code finds that code's page.
fn exact_search_finds_every_name(model: &Model, script: &std::path::Path, scratch: &std::path::Path) -> usize {
    require_tool("node", "apt-get install nodejs");
    let mut probes = Vec::new();
    for system in &model.systems {
        for (name, row) in &system.names {
            probes.push(serde_json::json!([name, html_page(&system.codes[*row].page)]));
        }
    }
    let probes_file = scratch.join("probes.json");
    std::fs::write(&probes_file, serde_json::to_string(&probes).expect("JSON")).expect("write probes");
    let runner = r#"
        const fs = require('fs');
        const [script, probes] = process.argv.slice(1);
        globalThis.window = {};
        globalThis.elasticlunr = {Index: {prototype: {search() { return []; }}}};
        (0, eval)(fs.readFileSync(script, 'utf8'));
        const misses = [];
        for (const [name, page] of JSON.parse(fs.readFileSync(probes, 'utf8'))) {
            if (!window.netcodesExactPages(name).includes(page)) misses.push([name, page]);
        }
        if (misses.length) { console.log(JSON.stringify(misses.slice(0, 20))); process.exit(1); }
    "#;
    let output = std::process::Command::new("node")
        .arg("-e")
        .arg(runner)
        .arg(script)
        .arg(&probes_file)
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "the exact-match script misses names:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    probes.len()
}

/// Every fenced example in the introduction runs: Rust against the crate,
/// C (as C99 and as C++11) against the header, Python and JavaScript against
/// the packages.
#[test]
fn introduction_examples_run() {
    let intro = std::fs::read_to_string(repo_root().join("generated/docs/src/introduction.md")).expect("introduction");
    let examples = docs::examples::fenced_blocks(&intro);
    let mut ran: BTreeMap<String, usize> = BTreeMap::new();
    let scratch = scratch_dir("docs-examples");
    for (index, (language, code)) in examples.iter().enumerate() {
        let dir = scratch.join(format!("{index}-{language}"));
        std::fs::create_dir_all(&dir).expect("example dir");
        match language.as_str() {
            "rust" => docs::examples::run_rust(&dir, code),
            "c" => docs::examples::run_c(&dir, code),
            "python" => docs::examples::run_python(&dir, code),
            "js" => docs::examples::run_javascript(&dir, code),
            other => panic!("introduction.md has a ```{other} block that no test runs; add a runner or drop it"),
        }
        *ran.entry(language.clone()).or_default() += 1;
    }
    for language in ["rust", "c", "python", "js"] {
        assert!(ran.contains_key(language), "introduction.md has no {language} example");
    }
    // mdBook wraps a playground block in hidden lines that search would show.
    assert!(intro.contains("```rust,noplayground\n"), "the Rust example must be `rust,noplayground`");
    println!("introduction examples run: {ran:?} (the C one as C99 and as C++11)");
}

/// The codes a browser opens: each system's example code, its first value
/// with several meanings and its first retired number, where it has them.
fn sample_codes(model: &Model) -> Vec<(usize, &Code)> {
    let mut codes = Vec::new();
    for (index, system) in model.systems.iter().enumerate() {
        codes.push((index, &system.codes[system.example]));
        if let Some(code) = system.codes.iter().find(|c| c.primary && c.meaning_count > 1) {
            codes.push((index, code));
        }
        if let Some(code) = system.retired.first() {
            codes.push((index, code));
        }
    }
    codes
}

/// Runs `jobs` (a URL and a check of its DOM) in Chromium, as many at once
/// as `headless_chromium` allows; fails listing every failure, else prints
/// what each saw.
fn in_chromium<F>(name: &str, jobs: Vec<(String, F)>)
where
    F: Fn(&Document) -> Result<String, String> + Sync,
{
    require_tool("chromium", CHROMIUM_INSTALL);
    let profiles = scratch_dir(name);
    // One thread per page; `headless_chromium` runs as many at once as the machine can.
    let results: Vec<Result<String, String>> = std::thread::scope(|scope| {
        let running: Vec<_> = jobs
            .iter()
            .enumerate()
            .map(|(i, (url, check))| {
                let profile = profiles.join(format!("profile-{i}"));
                scope.spawn(move || dump_dom(url, &profile).and_then(|doc| check(&doc)).map_err(|e| format!("{url}: {e}")))
            })
            .collect();
        running.into_iter().map(|h| h.join().expect("browser thread")).collect()
    });
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(failures.is_empty(), "in Chromium:\n{}", failures.iter().map(|f| f.as_str()).collect::<Vec<_>>().join("\n"));
    for line in results.iter().flatten() {
        println!("chromium: {line}");
    }
}

/// A code page per system (and a page with several meanings, and a retired
/// number), every mapping page and the failure lab's page, served under the site's path and
/// rendered by headless Chromium: the title, description and canonical
/// link, the heading, every meaning's description and facts, the mappings
/// both ways and the names in every language are in the DOM, and mdBook's
/// scripts have run (the sidebar marks the page as current).
#[test]
fn pages_open_in_chromium() {
    let model = model();
    let server = server();
    let heads = docs::head::expected(&model);
    let check_common = |doc: &Document, page: &str, checker: &mut Checker| {
        docs::head::check_page(checker, &model, page, doc, &heads[page]);
        if !sidebar_marks(doc, page) {
            checker.problems.push(format!("the sidebar does not mark {page} as current; did mdBook's scripts run?"));
        }
    };
    let mut jobs: Vec<(String, DomCheck<'_>)> = Vec::new();
    for (index, code) in sample_codes(&model) {
        let page = html_page(&code.page);
        let url = format!("{}{page}#{}", server.base, code.anchor);
        let model = &model;
        jobs.push((url, page_check(page.clone(), &check_common, move |checker, doc| {
            checker.code_page(model, index, code, &page, doc);
            if doc.by_id(&code.anchor).is_none() && code.meaning_count > 1 {
                checker.problems.push(format!("no #{}", code.anchor));
            }
            format!("{page}: {} ({} meanings, {} facts, {} mapping rows, {} names)", doc.title().unwrap_or_default(), checker.counts.meanings, checker.counts.facts, checker.counts.mapping_rows, checker.counts.names)
        })));
    }
    for mapping in &model.mappings {
        let page = html_page(&mapping.page);
        let model = &model;
        jobs.push((format!("{}{page}", server.base), page_check(page.clone(), &check_common, move |checker, doc| {
            checker.mapping_page(model, mapping, &page, doc);
            format!("{page}: {} ({} rows)", doc.title().unwrap_or_default(), checker.counts.mapping_rows)
        })));
    }
    if let Some(lab) = &model.lab {
        let page = html_page(&lab.page);
        let model = &model;
        jobs.push((format!("{}{page}", server.base), page_check(page.clone(), &check_common, move |checker, doc| {
            checker.lab_page(model, lab, &page, doc);
            format!("{page}: {} ({} texts)", doc.title().unwrap_or_default(), checker.counts.texts)
        })));
    }
    in_chromium("docs-chromium-pages", jobs);
}

/// A check of a page's DOM: what it saw, or what is wrong.
type DomCheck<'a> = Box<dyn Fn(&Document) -> Result<String, String> + Sync + 'a>;

/// A page's check: the checks every page gets (`common`), then its own
/// (`check`, which says what it saw).
fn page_check<'a>(
    page: String,
    common: &'a (dyn Fn(&Document, &str, &mut Checker) + Sync),
    check: impl Fn(&mut Checker, &Document) -> String + Sync + 'a,
) -> DomCheck<'a> {
    Box::new(move |doc: &Document| {
        let mut checker = Checker::default();
        common(doc, &page, &mut checker);
        let saw = check(&mut checker, doc);
        result(&checker, saw)
    })
}

fn result(checker: &Checker, saw: String) -> Result<String, String> {
    if checker.problems.is_empty() { Ok(saw) } else { Err(checker.problems.join("\n")) }
}

/// A missing page deep under the site's path gets `404.html`, which loads
/// its styles and scripts from the site's root (mdBook's `site-url`): every
/// request it makes succeeds, and its sidebar is built.
#[test]
fn not_found_page_works_under_the_site_path() {
    require_tool("chromium", CHROMIUM_INSTALL);
    let model = model();
    // A server of its own, so that its log holds this page's requests only.
    let server = Server::start(&site().root, &model.site_path());
    let missing = "no/such/deep/page.html";
    let doc = dump_dom(&format!("{}{missing}", server.base), &scratch_dir("docs-chromium-404")).expect("chromium");
    let path = model.site_path();
    let requests: Vec<(String, u16)> =
        server.requests(&path).into_iter().filter(|(p, _)| p.starts_with(&format!("{path}no/"))).collect();
    assert_eq!(requests, [(format!("{path}{missing}"), 404)], "only the missing page itself may fail");
    let all = server.requests("/");
    let failed: Vec<&(String, u16)> = all.iter().filter(|(p, status)| *status != 200 && !p.ends_with(missing)).collect();
    assert!(failed.is_empty(), "404.html asked for what does not exist: {failed:?}");
    let assets = all.iter().filter(|(p, _)| p.ends_with(".css") || p.ends_with(".js")).count();
    assert!(assets >= 5, "404.html loaded only {assets} styles and scripts: {all:?}");
    let h1 = doc.content_h1().map(|i| doc.elements[i].text.clone()).unwrap_or_default();
    assert!(h1.contains("404"), "the not-found page says {h1:?}");
    let sidebar = doc.elements.iter().filter(|e| e.name == "a" && e.attr("href").is_some_and(|h| h.ends_with(".html"))).count();
    assert!(sidebar > 100, "the not-found page's sidebar has {sidebar} links: did toc.js load?");
    println!("404 under {path}: {h1:?}, {assets} styles and scripts loaded, {sidebar} sidebar links");
}

/// mdBook's search in headless Chromium, with the exact-match script: the
/// queries the issue names, and a few more, list the exact code first; no
/// result shows the hidden lines of a Rust playground block.
#[test]
fn search_ranks_exact_hits_first() {
    let model = model();
    let server = server();
    let page_of = |system_id: &str, value: i64| html_page(&system(&model, system_id).primary(value).expect("a code").page);
    let by_name = |system_id: &str, name: &str| {
        let system = system(&model, system_id);
        page_of(system_id, by_folded_name(system, name).unwrap_or_else(|| panic!("{system_id} has no {name}")))
    };
    let queries: Vec<(&str, String)> = vec![
        ("499", page_of("http", 499)),
        ("-105", page_of("chromium", -105)),
        ("ERR_NAME_NOT_RESOLVED", by_name("chromium", "ERR_NAME_NOT_RESOLVED")),
        ("net::ERR_NAME_NOT_RESOLVED", by_name("chromium", "ERR_NAME_NOT_RESOLVED")),
        ("ContentNotFoundError", by_name("qt", "ContentNotFoundError")),
        ("Token Required", by_name("http", "Token Required")),
        // More of what people paste.
        ("HTTP 499", page_of("http", 499)),
        ("203", page_of("http", 203)),
        ("QNetworkReply::ContentNotFoundError", by_name("qt", "ContentNotFoundError")),
        ("err_cert_date_invalid", page_of("chromium", -201)),
        ("StatusNotFound", page_of("http", 404)),
        ("Request Entity Too Large", page_of("http", 413)),
        ("HTTP Warning 214", page_of("warning", 214)),
    ];
    let jobs: Vec<(String, _)> = queries
        .iter()
        .map(|(query, expected)| {
            let check = move |doc: &Document| {
                let results = search_results(doc, "index.html");
                let hidden: Vec<&String> =
                    results.teasers.iter().filter(|t| t.contains("allow(unused)") || t.contains("fn main()")).collect();
                if !hidden.is_empty() {
                    return Err(format!("{query:?}: a snippet shows hidden lines: {hidden:?}"));
                }
                let first = results.hits.first().map(|h| h.split('#').next().unwrap_or_default());
                if first != Some(expected.as_str()) {
                    return Err(format!("{query:?}: first hit {first:?}, expected {expected:?}; hits {:?}", &results.hits[..results.hits.len().min(5)]));
                }
                Ok(format!("search {query:?}: {}", results.hits.iter().take(3).cloned().collect::<Vec<_>>().join(", ")))
            };
            (format!("{}index.html?search={}", server.base, url_query(query)), check)
        })
        .collect();
    in_chromium("docs-chromium-search", jobs);
    // Nothing in the index itself holds the playground's hidden lines.
    let index = std::fs::read_dir(&site().root)
        .expect("site root")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("searchindex-"))
        .expect("a search index");
    let text = std::fs::read_to_string(index.path()).expect("search index");
    assert!(!text.contains("allow(unused)") && !text.contains("fn main()"), "the search index holds hidden code lines");
}

/// The mdBook the site is built with is the one `cargo xtask docs` pins,
/// everywhere; the publish workflow builds with `cargo xtask docs`, the
/// command `.ci/run` runs too (as a step of `cargo xtask test`), and deploys
/// that build to GitHub Pages.
#[test]
fn one_pinned_mdbook_and_one_build_command() {
    let version = xtask::docs::MDBOOK_VERSION;
    let read = |path: &str| std::fs::read_to_string(repo_root().join(path)).unwrap_or_else(|err| panic!("{path}: {err}"));
    let install = read("tests/docs/install.sh");
    assert!(install.contains(&format!("mdbook_version={version}\n")), "tests/docs/install.sh does not install mdBook {version}");
    let workflow = read(".github/workflows/docs.yml");
    for needle in [
        format!("run: {}", xtask::docs::mdbook_install()),
        format!("key: mdbook-{version}-"),
        "run: cargo xtask docs\n".to_owned(),
        "uses: actions/upload-pages-artifact@".to_owned(),
        "path: target/book\n".to_owned(),
        "uses: actions/deploy-pages@".to_owned(),
        "pages: write".to_owned(),
        "id-token: write".to_owned(),
    ] {
        assert!(workflow.contains(&needle), ".github/workflows/docs.yml has no {needle:?}");
    }
    // CI runs `cargo xtask test`, whose docs step is `cargo xtask docs`'s own code.
    let ci = read(".ci/run");
    assert!(ci.lines().any(|l| l == "cargo xtask test"), ".ci/run does not run `cargo xtask test`");
    let steps = read("xtask/src/test.rs");
    assert!(
        steps.contains("pub const DOCS_STEP: &str = \"cargo xtask docs\";")
            && steps.contains("step(DOCS_STEP.to_owned(), &mut || xtask::docs::run(root)"),
        "`cargo xtask test` has no step that builds the site as `cargo xtask docs` does"
    );
    let main = read("xtask/src/main.rs");
    assert!(main.contains("[\"docs\"] => docs(&root)") && main.contains("xtask::docs::run(root)"), "`cargo xtask docs` does not run xtask::docs::run");
}

/// Not a check: one screenshot per system page and per sample code page,
/// for a person to look at (`cargo test -p conformance --test docs_site --
/// --ignored screenshots`), written to target/docs-screenshots; what they
/// showed last is in tests/docs/SCREENSHOTS.md.
#[test]
#[ignore = "writes screenshots for a person to look at"]
fn screenshots() {
    require_tool("chromium", CHROMIUM_INSTALL);
    let model = model();
    let server = server();
    let out = repo_root().join("target/docs-screenshots");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("screenshot dir");
    let mut pages: Vec<String> = model.systems.iter().map(|s| html_page(&s.page)).collect();
    pages.extend(sample_codes(&model).into_iter().map(|(_, c)| html_page(&c.page)));
    pages.push("index.html?search=499".to_owned());
    pages.push("no/such/page.html".to_owned());
    let profiles = scratch_dir("docs-screenshots");
    for (i, page) in pages.iter().enumerate() {
        let file = out.join(format!("{i:02}-{}.png", page.replace(['/', '?', '='], "_")));
        screenshot(&format!("{}{page}", server.base), &profiles.join(format!("p{i}")), &file, (1280, 1000)).expect("screenshot");
        println!("{}", file.display());
    }
}
