//! Opening deep links of the built site in headless Chromium.

use std::path::Path;

use codegen::model::{Code, Mapping, MappingRule, Model, System, SystemKind};
use codegen::render::docs::{mapping_file, page_file, rule_anchor};

use super::html::Document;

/// A page, an anchor on it, and what the rendered DOM must show there.
pub struct DeepLink {
    page: String,
    anchor: String,
    /// The text of the element with the anchor (a heading), or of the
    /// table row that holds it.
    heading: Option<String>,
    row_contains: Option<String>,
    /// The text of the first paragraph after it.
    description: Option<String>,
}

fn html_page(markdown_file: &str) -> String {
    format!("{}.html", markdown_file.strip_suffix(".md").expect("a Markdown page"))
}

impl DeepLink {
    /// A code's heading and description.
    pub fn code(system: &System, code: &Code, anchor: &str) -> DeepLink {
        let heading = match system.kind {
            SystemKind::Http if anchor == code.anchor => None,
            SystemKind::Http if code.name.is_empty() => Some(code.value.to_string()),
            SystemKind::Http => Some(format!("{} {}", code.value, code.name)),
            _ => Some(format!("{} ({})", code.name, code.value)),
        };
        DeepLink {
            page: html_page(&page_file(system)),
            anchor: anchor.to_owned(),
            heading,
            row_contains: None,
            description: Some(code.description.clone()),
        }
    }

    /// A mapping rule's row, which names its target.
    pub fn rule(model: &Model, mapping: &Mapping, rule: &MappingRule) -> DeepLink {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        let target = to.codes.iter().find(|c| c.value == rule.to).expect("a mapping target is a code");
        DeepLink {
            page: html_page(&mapping_file(mapping)),
            anchor: rule_anchor(from, rule),
            heading: None,
            row_contains: Some(if target.name.is_empty() { target.value.to_string() } else { target.name.clone() }),
            description: None,
        }
    }

    /// Loads the link in Chromium and checks the dumped DOM; on success, says
    /// what it saw.
    pub fn check(&self, site: &Path, profile: &Path) -> Result<String, String> {
        let url = format!("file://{}#{}", site.join(&self.page).display(), self.anchor);
        let dom = dump_dom(&url, profile)?;
        let doc = Document::parse(&dom);
        let at =
            doc.by_id(&self.anchor).ok_or_else(|| format!("{url}: no element with id {:?} in the DOM", self.anchor))?;
        if let Some(heading) = &self.heading {
            let element = &doc.elements[at];
            if !element.is_heading() || &element.text != heading {
                return Err(format!(
                    "{url}: #{} is <{}> {:?}, expected a heading {heading:?}",
                    self.anchor, element.name, element.text
                ));
            }
        }
        if let Some(description) = &self.description {
            let paragraph = doc.next_named(at, "p").map(|i| doc.elements[i].text.as_str());
            if paragraph != Some(description.as_str()) {
                return Err(format!(
                    "{url}: the paragraph after #{} is {paragraph:?}, expected {description:?}",
                    self.anchor
                ));
            }
        }
        if let Some(needle) = &self.row_contains {
            let row = doc.ancestor(at, "tr").map(|i| doc.elements[i].text.as_str()).unwrap_or_default();
            if !row.contains(needle.as_str()) {
                return Err(format!("{url}: the row of #{} is {row:?}, expected it to name {needle:?}", self.anchor));
            }
        }
        // mdBook's scripts fill the sidebar and mark the current page.
        let active = doc
            .elements
            .iter()
            .any(|e| e.name == "a" && e.attr("class") == Some("active") && e.attr("href") == Some(&self.page));
        if !active {
            return Err(format!(
                "{url}: the sidebar does not mark {} as current; did mdBook's scripts run?",
                self.page
            ));
        }
        Ok(format!("{}#{} rendered ({} DOM elements)", self.page, self.anchor, doc.elements.len()))
    }
}

/// `chromium --headless --dump-dom` (shared with tests/typescript.rs).
fn dump_dom(url: &str, profile: &Path) -> Result<String, String> {
    conformance::dump_dom(url, profile)
}
