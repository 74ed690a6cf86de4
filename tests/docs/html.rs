//! Just enough HTML parsing for what mdBook writes and Chromium dumps: every
//! element in document order with its attributes and its decoded text
//! content. Scripts and styles are skipped; comments are dropped.

/// One element: its tag name, attributes (values decoded) and all the text
/// inside it, entities decoded.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    /// Index of the enclosing element, if any.
    pub parent: Option<usize>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    /// In document order: an element comes before everything inside it.
    pub elements: Vec<Element>,
}

/// Elements with no end tag.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose content is not markup.
const RAW_TEXT: [&str; 3] = ["script", "style", "textarea"];

impl Document {
    pub fn parse(html: &str) -> Document {
        let mut elements: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            } else if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').unwrap_or(after.len());
                let name = after[..end].trim().to_ascii_lowercase();
                if let Some(pos) = open.iter().rposition(|&i| elements[i].name == name) {
                    open.truncate(pos);
                }
                rest = after.get(end + 1..).unwrap_or("");
            } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let (name, attrs, self_closing, after) = parse_tag(&rest[1..]);
                let index = elements.len();
                elements.push(Element { name: name.clone(), attrs, text: String::new(), parent: open.last().copied() });
                rest = after;
                if RAW_TEXT.contains(&name.as_str()) {
                    // Skip to the end tag, which the next round closes.
                    let close = format!("</{name}");
                    let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                    rest = &rest[end..];
                    open.push(index);
                } else if !self_closing && !VOID.contains(&name.as_str()) {
                    open.push(index);
                }
            } else {
                // Text up to the next tag; a lone `<` is text too.
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
                let text = decode(&rest[..end]);
                for &i in &open {
                    elements[i].text.push_str(&text);
                }
                rest = &rest[end..];
            }
        }
        Document { elements }
    }

    /// The index of the element with this id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.elements.iter().position(|e| e.attr("id") == Some(id))
    }

    /// Every id and `<a name>` target on the page, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.elements.iter().filter_map(|e| e.attr("id").or_else(|| if e.name == "a" { e.attr("name") } else { None }))
    }

    /// The first element named `name` after `index` (in document order).
    pub fn next_named(&self, index: usize, name: &str) -> Option<usize> {
        (index + 1..self.elements.len()).find(|&i| self.elements[i].name == name)
    }

    /// The nearest enclosing element named `name`.
    pub fn ancestor(&self, index: usize, name: &str) -> Option<usize> {
        let mut at = self.elements[index].parent;
        while let Some(i) = at {
            if self.elements[i].name == name {
                return Some(i);
            }
            at = self.elements[i].parent;
        }
        None
    }

    /// Elements named `name` directly or indirectly inside `index`.
    pub fn descendants(&self, index: usize, name: &str) -> Vec<usize> {
        let inside = |mut i: usize| {
            while let Some(p) = self.elements[i].parent {
                if p == index {
                    return true;
                }
                i = p;
            }
            false
        };
        (index + 1..self.elements.len()).filter(|&i| self.elements[i].name == name && inside(i)).collect()
    }

    /// The text of every element named `name`.
    pub fn texts(&self, name: &str) -> Vec<&str> {
        self.elements.iter().filter(|e| e.name == name).map(|e| e.text.as_str()).collect()
    }

    /// The list items between the element at `index` and the next heading:
    /// the facts of an entry.
    pub fn items_until_heading(&self, index: usize) -> Vec<&str> {
        self.elements[index + 1..]
            .iter()
            .take_while(|e| !e.is_heading())
            .filter(|e| e.name == "li")
            .map(|e| e.text.as_str())
            .collect()
    }

    /// The first element named `name` after `index` and before the next heading.
    pub fn next_before_heading(&self, index: usize, name: &str) -> Option<usize> {
        (index + 1..self.elements.len())
            .take_while(|&i| !self.elements[i].is_heading())
            .find(|&i| self.elements[i].name == name)
    }

    /// The page's own `<h1>`, inside `<main>` (not the menu bar's title).
    pub fn content_h1(&self) -> Option<usize> {
        let main = self.elements.iter().position(|e| e.name == "main")?;
        self.next_named(main, "h1")
    }

    /// The heading inside `<main>` named `level` whose text is `text`.
    pub fn heading(&self, level: &str, text: &str) -> Option<usize> {
        let main = self.elements.iter().position(|e| e.name == "main")?;
        (main..self.elements.len()).find(|&i| self.elements[i].name == level && self.elements[i].text == text)
    }

    /// The body rows of a table: each row's cells.
    pub fn rows(&self, table: usize) -> Vec<Vec<Cell>> {
        self.descendants(table, "tr")
            .into_iter()
            .map(|tr| self.descendants(tr, "td").into_iter().map(|td| self.cell(td)).collect::<Vec<_>>())
            .filter(|cells| !cells.is_empty())
            .collect()
    }

    /// What a reader gets from a table cell: its text, its links and its code spans.
    pub fn cell(&self, index: usize) -> Cell {
        let attrs = |name: &str, attr: &str| -> Vec<String> {
            self.descendants(index, name).iter().filter_map(|&a| self.elements[a].attr(attr)).map(str::to_owned).collect()
        };
        Cell {
            text: self.elements[index].text.clone(),
            links: attrs("a", "href"),
            code: self.descendants(index, "code").iter().map(|&c| self.elements[c].text.clone()).collect(),
        }
    }

    /// `<title>`'s text.
    pub fn title(&self) -> Option<&str> {
        self.elements.iter().find(|e| e.name == "title").map(|e| e.text.as_str())
    }

    /// The `content` of `<meta name="description">`.
    pub fn description(&self) -> Option<&str> {
        self.elements.iter().find(|e| e.name == "meta" && e.attr("name") == Some("description")).and_then(|e| e.attr("content"))
    }

    /// Every `<link rel="canonical">`'s `href`.
    pub fn canonicals(&self) -> Vec<&str> {
        self.elements
            .iter()
            .filter(|e| e.name == "link" && e.attr("rel") == Some("canonical"))
            .filter_map(|e| e.attr("href"))
            .collect()
    }
}

/// A table cell as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// Every `href` in it, as written.
    pub links: Vec<String>,
    /// The text of every `<code>` in it.
    pub code: Vec<String>,
}

/// `name attr="value" ...>`: the tag name, its attributes, whether it ends
/// with `/>`, and the rest of the input.
fn parse_tag(input: &str) -> (String, Vec<(String, String)>, bool, &str) {
    let name_end = input.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(input.len());
    let name = input[..name_end].to_ascii_lowercase();
    let mut rest = &input[name_end..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>") {
            return (name, attrs, true, after);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (name, attrs, false, after);
        }
        if let Some(after) = rest.strip_prefix('/') {
            rest = after;
            continue;
        }
        if rest.is_empty() {
            return (name, attrs, false, rest);
        }
        let attr_end = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(rest.len());
        let attr = rest[..attr_end].to_ascii_lowercase();
        rest = rest[attr_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, tail) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(quote).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode(raw);
            rest = tail;
        }
        attrs.push((attr, value));
    }
}

/// Decodes character references. An unknown named reference stays as
/// written, so a comparison with the expected text shows it.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let reference = rest[1..].find(';').filter(|&end| end <= 32).map(|end| &rest[1..end + 1]);
        let decoded = reference.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (reference, decoded) {
            (Some(name), Some(c)) => {
                out.push(c);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The parser itself, on the shapes mdBook and Chromium produce.
#[test]
fn parses_elements_text_and_references() {
    let doc = Document::parse(
        "<!DOCTYPE html><html><head><script>if (a < b) { x = '</p>'; }</script></head>\
         <body><h3 id=\"qt-203\"><a class=\"header\" href=\"#qt-203\">A &amp; B</a></h3>\
         <p>x &lt;y&gt; &#42;z&#x2A; &nbsp;&unknown; a < b<br>c</p><!-- <p>no</p> -->\
         <table><tr><td><a id=x></a>1</td><td>two</td></tr></table><img src='i.png'/></body></html>",
    );
    let heading = doc.by_id("qt-203").expect("heading");
    assert_eq!(doc.elements[heading].text, "A & B");
    assert_eq!(doc.elements[heading + 1].attr("href"), Some("#qt-203"));
    let paragraph = doc.next_named(heading, "p").expect("paragraph");
    assert_eq!(doc.elements[paragraph].text, "x <y> *z* \u{a0}&unknown; a < bc");
    assert_eq!(doc.texts("p").len(), 1, "comments and script text are not elements");
    let cell = doc.ancestor(doc.by_id("x").expect("a"), "td").expect("td");
    let row = doc.ancestor(cell, "tr").expect("tr");
    let cells: Vec<&str> = doc.descendants(row, "td").iter().map(|&i| doc.elements[i].text.as_str()).collect();
    assert_eq!(cells, ["1", "two"]);
    assert_eq!(doc.texts("img").len(), 1);
    assert_eq!(doc.ids().collect::<Vec<_>>(), ["qt-203", "x"]);
}
