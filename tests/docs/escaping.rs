//! `escape::markdown` and the docs renderer's wrappers around it, rendered
//! with pulldown-cmark under mdBook's options, in every place the pages put
//! data text: a paragraph of its own, a list item, a table cell, a heading
//! with an id, link text, code type and a link destination.

use codegen::escape::markdown;
use codegen::render::docs::{code, external_link};
use pulldown_cmark::{Event, Parser, Tag};

pub use conformance::readback::mdbook_options;

/// Text that means something to Markdown, HTML, GFM, mdBook or a terminal.
/// NUL is left out: data/ rejects it (C strings cannot carry it), and
/// CommonMark turns `&#0;` into U+FFFD.
pub const NASTY: &[&str] = &[
    "plain text",
    "1. ordered",
    "1) ordered",
    "2024 was a year",
    "- bullet",
    "+ bullet",
    "* bullet",
    "-",
    "---",
    "- - -",
    "***",
    "___",
    "===",
    "Term\n: definition",
    ": definition",
    "> quote",
    "> [!NOTE]\n> admonition",
    "# heading",
    "#",
    "#hashtag ###",
    "    indented code",
    "\tindented by a tab",
    "```rust\nfenced\n```",
    "~~~",
    "`code` ``double`` `",
    "*em* _em_ **strong** __strong__ ***both***",
    "snake_case_name and 2*3*4",
    "~~strike~~ ~sub~",
    "a | b || c |",
    "|",
    "[link](https://example.com) [ref][x] [x]",
    "[x]: https://example.com",
    "[^1] and [^note]",
    "[^1]: footnote",
    "![image](x.png)",
    "- [ ] task\n- [x] done",
    "<b>bold</b> <i>",
    "<script>alert(1)</script>",
    "<!-- comment -->",
    "<https://example.com> <user@example.com>",
    "https://example.com www.example.com user@example.com",
    "&amp; &#32; &copy; &nbsp; & &; &#x41;",
    "\\ \\\\ \\* \\_ ends with a backslash \\",
    "line\nbreak",
    "two spaces  \nhard break",
    "backslash\\\nbreak",
    "paragraph\n\nparagraph",
    "trailing spaces  ",
    " leading space",
    "  ",
    "\u{a0}non-breaking\u{a0}",
    "{#custom-id}",
    "heading text {#id .class}",
    "{{#include ../../etc/passwd}} {{#title x}}",
    "$x^2$ and $$y$$",
    "\"quotes\" 'single' -- --- ... (c)",
    "setext\n===",
    "setext\n---",
    "control \u{1}\u{7}\u{1b}[31m\u{7f}\u{85}",
    "carriage\rreturn\r\n",
    "right-to-left \u{202e}override\u{202c} zero\u{200b}width",
    "é ü ß 日本語 😀 e\u{301}",
    "%20 %3C",
    "a<b>c",
    "1.5 is a number",
    "\\",
];

/// URLs as data/ might hold them, for link destinations.
const NASTY_URLS: &[&str] = &[
    "https://example.com/plain",
    "https://example.com/a b",
    "https://example.com/(paren",
    "https://example.com/paren)",
    "https://example.com/<angle>",
    "https://example.com/a_b*c`d|e",
    "https://example.com/q?a=1&b=2#frag",
    "https://example.com/back\\slash",
    "https://example.com/\"quote\"",
    "https://example.com/%20",
];

/// What a fragment renders to: the text a reader sees, the raw HTML it
/// holds, and its structure (every tag opened, and any other event).
type Rendered = (String, Vec<String>, Vec<String>);

fn render(markdown: &str) -> Rendered {
    let mut text = String::new();
    let mut html = Vec::new();
    let mut structure = Vec::new();
    for event in Parser::new_ext(markdown, mdbook_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Html(t) | Event::InlineHtml(t) => html.push(t.to_string()),
            Event::Start(tag) => structure.push(tag_name(&tag)),
            Event::End(_) => {}
            // Footnote references, task markers, rules, math: structure that
            // escaped text must never produce.
            other => structure.push(format!("{other:?}")),
        }
    }
    (text, html, structure)
}

/// Checks one rendering; returns a description of the failure.
fn expect(
    context: &str,
    input: &str,
    markdown: &str,
    got: Rendered,
    tags: &[&str],
    html: &[&str],
) -> Result<(), String> {
    let (text, got_html, got_tags) = got;
    if text == input && got_tags == tags && got_html == html {
        Ok(())
    } else {
        Err(format!(
            "{context}: {input:?}\n  as Markdown {markdown:?}\n  renders text {text:?} (structure {got_tags:?}, html {got_html:?}); \
             expected structure {tags:?}, html {html:?}"
        ))
    }
}

fn tag_name(tag: &Tag<'_>) -> String {
    match tag {
        Tag::Paragraph => "p".to_owned(),
        Tag::Heading { level, id, .. } => format!("{level}#{}", id.as_deref().unwrap_or("")),
        Tag::List(_) => "list".to_owned(),
        Tag::Item => "item".to_owned(),
        Tag::Table(_) => "table".to_owned(),
        Tag::TableHead => "thead".to_owned(),
        Tag::TableRow => "tr".to_owned(),
        Tag::TableCell => "td".to_owned(),
        Tag::Link { dest_url, .. } => format!("link({dest_url})"),
        other => format!("{other:?}"),
    }
}

/// Renders every nasty string in every context; fails listing every miss.
pub fn check_all() -> usize {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut note = |result: Result<(), String>| {
        checked += 1;
        if let Err(failure) = result {
            failures.push(failure);
        }
    };
    for &input in NASTY {
        let escaped = markdown(input);
        assert!(!escaped.contains('\n') && !escaped.contains('\r'), "markdown({input:?}) is not one line: {escaped:?}");

        let doc = format!("{}\n", markdown(input));
        note(expect("paragraph", input, &doc, render(&doc), &["p"], &[]));

        let doc = format!("# Title\n\n{}\n\n- Next: item\n", markdown(input));
        let expected_text = format!("Title{input}Next: item");
        note(expect(
            "paragraph between blocks",
            &expected_text,
            &doc,
            render(&doc),
            &["h1#", "p", "list", "item"],
            &[],
        ));

        // After a paragraph, where a leading `:` could make a definition list.
        let doc = format!("Before.\n\n{}\n", markdown(input));
        note(expect("paragraph after a paragraph", &format!("Before.{input}"), &doc, render(&doc), &["p", "p"], &[]));

        let doc = format!("- Label: {escaped}\n- Other: x\n");
        note(expect(
            "list item",
            &format!("Label: {input}Other: x"),
            &doc,
            render(&doc),
            &["list", "item", "item"],
            &[],
        ));

        let doc = format!("| A | B |\n|---|---|\n| {escaped} | x |\n");
        note(expect(
            "table cell",
            &format!("AB{input}x"),
            &doc,
            render(&doc),
            &["table", "thead", "td", "td", "tr", "td", "td"],
            &[],
        ));

        let doc = format!("### {escaped} {{#the-id}}\n");
        note(expect("heading with id", input, &doc, render(&doc), &["h3#the-id"], &[]));

        let doc = format!("[{escaped}](page.md#anchor)\n");
        note(expect("link text", input, &doc, render(&doc), &["p", "link(page.md#anchor)"], &[]));

        let doc = format!("- Name: {}\n", code(input));
        note(expect("code", &format!("Name: {input}"), &doc, render(&doc), &["list", "item"], &["<code>", "</code>"]));

        let doc = format!("{}\n", external_link(input, "https://example.com/"));
        note(expect("external link text", input, &doc, render(&doc), &["p", "link(https://example.com/)"], &[]));
    }
    for &url in NASTY_URLS {
        let doc = format!("- Reference: {}\n", external_link(url, url));
        let link = format!("link({url})");
        note(expect("external link", &format!("Reference: {url}"), &doc, render(&doc), &["list", "item", &link], &[]));
    }
    assert!(failures.is_empty(), "{} of {checked} renderings differ:\n{}", failures.len(), failures.join("\n"));
    checked
}
