//! The docs site: `generated/docs` built with mdBook says exactly what data/
//! says, with no warnings, no broken link or anchor, examples that run, and
//! deep links that open on the right code in a real browser (headless
//! Chromium). `bash tests/docs/install.sh` installs mdBook and Chromium.

mod docs;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use codegen::model::SystemKind;
use conformance::{model, repo_root, require_tool, scratch_dir};

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

#[test]
fn site_builds_without_warnings() {
    let site = site();
    let model = model();
    // A page per system and per mapping, plus the fixed ones.
    let mut expected: Vec<String> = ["index", "introduction", "vocabulary", "mappings", "http-symbols"]
        .iter()
        .map(|page| format!("{page}.html"))
        .collect();
    expected.extend(model.systems.iter().map(|s| html_file(&codegen::render::docs::page_file(s))));
    expected.extend(model.mappings.iter().map(|m| html_file(&codegen::render::docs::mapping_file(m))));
    for page in &expected {
        assert!(site.pages.contains_key(page), "the built site has no {page}");
    }
    println!("docs site: {} HTML pages built, no warnings", site.pages.len());
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let report = site().check_links();
    assert!(report.broken.is_empty(), "broken links:\n{}", report.broken.join("\n"));
    assert!(report.duplicate_ids.is_empty(), "duplicate ids:\n{}", report.duplicate_ids.join("\n"));
    assert!(report.links > 1000 && report.anchors > 1000, "too few links checked: {report:?}");
    println!(
        "docs links: {} pages, {} internal links checked, {} of them to an #anchor",
        report.pages, report.links, report.anchors
    );
}

/// Every code has its anchor, and every text field the pages print from data/
/// comes out of mdBook as exactly that text.
#[test]
fn built_pages_say_what_data_says() {
    let counts = docs::content::check(&model(), site());
    println!("docs content: {counts}");
}

/// Anchors are part of the site's interface: links from elsewhere use them.
#[test]
fn anchors_are_stable() {
    let site = site();
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
    ] {
        assert!(site.page(page).by_id(id).is_some(), "{page} has lost its anchor #{id}");
    }
    for system in &model().systems {
        for code in system.codes.iter().chain(&system.retired) {
            assert!(
                !code.anchor.is_empty()
                    && code.anchor.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} {}: anchor {:?} is not lower-kebab, so links to it would need escaping",
                system.id,
                code.value,
                code.anchor
            );
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

/// Data text full of Markdown and HTML goes through the real renderer and
/// the real mdBook and comes out as written.
#[test]
fn hostile_data_text_renders_as_written() {
    let scratch = scratch_dir("docs-hostile");
    let (project, model) = docs::hostile::load(&scratch.join("repo"));
    let book = scratch.join("book");
    for file in codegen::render::docs::render(&project, &model) {
        let path = book.join(file.path.strip_prefix("generated/docs/").expect("docs file"));
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create book dir");
        std::fs::write(&path, file.contents).expect("write book file");
    }
    build_book(&book, &scratch.join("site"));
    let site = Site::load(&scratch.join("site"));
    let report = site.check_links();
    assert!(report.broken.is_empty(), "broken links:\n{}", report.broken.join("\n"));
    let counts = docs::content::check(&model, &site);
    println!("hostile docs content: {counts}");
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
    println!("introduction examples run: {ran:?}");
}

/// A deep link to one code per system (and to one row per mapping) opens in
/// headless Chromium with that code's heading and description in the DOM,
/// and mdBook's scripts have run: the sidebar marks the page as current.
#[test]
fn deep_links_open_in_chromium() {
    require_tool("chromium", "bash tests/docs/install.sh (apt-get install chromium)");
    let model = model();
    let site = site();
    let mut links: Vec<docs::browser::DeepLink> = Vec::new();
    for system in &model.systems {
        // The codes people search for; a system added later gets its middle code.
        let wanted = match system.kind {
            SystemKind::Qt => 203,
            SystemKind::Chromium => -105,
            SystemKind::Http => 404,
            SystemKind::Warning => 214,
        };
        let code = system.codes.iter().find(|c| c.value == wanted).unwrap_or(&system.codes[system.codes.len() / 2]);
        links.push(docs::browser::DeepLink::code(system, code, &code.anchor));
        let section = codegen::render::docs::value_anchor(system, code);
        if section != code.anchor {
            links.push(docs::browser::DeepLink::code(system, code, &section));
        }
    }
    for mapping in &model.mappings {
        links.push(docs::browser::DeepLink::rule(&model, mapping, &mapping.rules[mapping.rules.len() / 2]));
    }
    let profiles = scratch_dir("docs-chromium");
    let results: Vec<Result<String, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = links
            .iter()
            .enumerate()
            .map(|(i, link)| {
                let profile = profiles.join(format!("profile-{i}"));
                scope.spawn(move || link.check(&site.root, &profile))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("browser thread")).collect()
    });
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "deep links failed in Chromium:\n{}",
        failures.iter().map(|f| f.as_str()).collect::<Vec<_>>().join("\n")
    );
    for line in results.iter().flatten() {
        println!("chromium: {line}");
    }
}

fn html_file(markdown_file: &str) -> String {
    format!("{}.html", markdown_file.strip_suffix(".md").expect("a Markdown page"))
}
