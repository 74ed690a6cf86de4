//! Escaping, one small function per target language. Every piece of text from
//! `data/` reaches an output through exactly one of these; templates never
//! print raw text. The outputs keep C, Python and JavaScript sources pure ASCII.

use std::fmt::Write;

/// `text` between double quotes: `"` and `\` backslash-escaped, printable
/// ASCII as it is, and every other character written by `other` (the part
/// each language does its own way).
fn quoted(text: &str, mut other: impl FnMut(char, &mut String)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' if c != '?' => out.push(c),
            _ => other(c, &mut out),
        }
    }
    out.push('"');
    out
}

fn write_into(out: &mut String, args: std::fmt::Arguments<'_>) {
    out.write_fmt(args).expect("writing to a String cannot fail");
}

/// A C string literal, quotes included. Printable ASCII stays as it is, except
/// `"`, `\` and `?` (no trigraph such as `??/` can form); every other byte of
/// the UTF-8 encoding becomes a three-digit octal escape, which, unlike `\x`,
/// never swallows the characters that follow it.
pub fn c_string(text: &str) -> String {
    quoted(text, |c, out| {
        if c == '?' {
            out.push_str("\\?");
        } else {
            for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                write_into(out, format_args!("\\{byte:03o}"));
            }
        }
    })
}

/// A Python string literal, quotes included, in pure ASCII: control
/// characters and everything beyond ASCII are written as `\x`, `\u` or `\U`
/// escapes, so no character can end the literal, the line or the file.
pub fn python_string(text: &str) -> String {
    quoted(text, |c, out| match (c, u32::from(c)) {
        ('?', _) => out.push('?'),
        ('\n', _) => out.push_str("\\n"),
        ('\r', _) => out.push_str("\\r"),
        ('\t', _) => out.push_str("\\t"),
        (_, code @ 0..=0xff) => write_into(out, format_args!("\\x{code:02x}")),
        (_, code @ 0..=0xffff) => write_into(out, format_args!("\\u{code:04x}")),
        (_, code) => write_into(out, format_args!("\\U{code:08x}")),
    })
}

/// A Python docstring, triple quotes included, wrapped to 88 columns for a
/// body indented by `indent` spaces: paragraphs stay apart, lines starting
/// with "- " are list items. Pure ASCII like `python_string`; a `"` is
/// escaped only where it could close the docstring.
pub fn python_docstring(text: &str, indent: usize) -> String {
    const WIDTH: usize = 88;
    let pad = " ".repeat(indent);
    let escaped = |word: &str, last_of_text: bool| {
        let mut out = String::new();
        let mut chars = word.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' if chars.peek() == Some(&'"') || (chars.peek().is_none() && last_of_text) => out.push_str("\\\""),
                ' '..='~' => out.push(c),
                _ => out.push_str(python_string(&c.to_string()).trim_matches('"')),
            }
        }
        out
    };
    let mut lines: Vec<String> = Vec::new();
    let paragraphs: Vec<&str> = text.trim().split("\n\n").collect();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        if p > 0 {
            lines.push(String::new());
        }
        let source_lines: Vec<&str> = paragraph.lines().collect();
        for (l, line) in source_lines.iter().enumerate() {
            let hanging = if line.starts_with("- ") { "  " } else { "" };
            let words: Vec<&str> = line.split_whitespace().collect();
            let mut current = String::new();
            for (w, word) in words.iter().enumerate() {
                let last = p + 1 == paragraphs.len() && l + 1 == source_lines.len() && w + 1 == words.len();
                let word = escaped(word, last);
                // The first line also holds the opening quotes.
                let room = WIDTH - indent - if lines.is_empty() { 3 } else { 0 };
                if !current.is_empty() && current.len() + 1 + word.len() > room {
                    lines.push(std::mem::take(&mut current));
                    current.push_str(hanging);
                } else if !current.is_empty() && current != hanging {
                    current.push(' ');
                }
                current.push_str(&word);
            }
            lines.push(current);
        }
    }
    if let [only] = lines.as_slice() {
        if indent + 6 + only.len() <= WIDTH {
            return format!("\"\"\"{only}\"\"\"");
        }
    }
    let mut out = String::from("\"\"\"");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line);
    }
    out.push('\n');
    out.push_str(&pad);
    out.push_str("\"\"\"");
    out
}

/// A TOML basic string, quotes included: quotes, backslashes and control
/// characters escaped.
pub fn toml_string(text: &str) -> String {
    quoted(text, |c, out| {
        if c.is_control() {
            write_into(out, format_args!("\\u{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    })
}

/// A JSON string literal, quotes included, in pure ASCII (`\u` escapes for
/// everything else, surrogate pairs beyond the BMP).
pub fn json_string(text: &str) -> String {
    quoted(text, |c, out| {
        if c == '?' {
            out.push('?');
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                write_into(out, format_args!("\\u{unit:04x}"));
            }
        }
    })
}

/// A JavaScript (and TypeScript) string literal, quotes included, in pure
/// ASCII: `\n`, `\r` and `\t`, and `\u` escapes (surrogate pairs beyond the
/// BMP) for every other control or non-ASCII character, so U+2028 and U+2029
/// cannot end a line inside it. `<` becomes `\x3c`, so the text cannot close
/// a `<script>` element or open an HTML comment when a bundle is inlined into
/// a page. Valid as a value in `.js` and as a literal type in `.d.ts`.
pub fn js_string(text: &str) -> String {
    quoted(text, |c, out| match c {
        '?' => out.push('?'),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => {
            for unit in c.encode_utf16(&mut [0; 2]) {
                write_into(out, format_args!("\\u{unit:04x}"));
            }
        }
    })
    .replace('<', "\\x3c")
}

/// Text for one line of a JavaScript or TypeScript doc comment (`/** ... */`):
/// nothing in it can end the comment or the line. `*/` becomes `*\/`, line
/// terminators and other control characters become spaces, and an `@` that
/// would start a JSDoc tag becomes `\@`.
pub fn js_comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '/' if previous == '*' => out.push_str("\\/"),
            '@' if previous.is_whitespace() => out.push_str("\\@"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
        previous = c;
    }
    out
}

/// Inline Markdown (CommonMark with GitHub tables, as mdBook and rustdoc read
/// it) that renders as exactly `text`: punctuation that could start markup is
/// backslash-escaped, line breaks, tabs and other control characters become
/// numeric character references, and so do spaces at either end (a table cell
/// would trim them). The result is one line, safe inside a table cell.
pub fn markdown(text: &str) -> String {
    // Most text needs nothing escaped: letters, digits, spaces inside, and
    // the punctuation that means nothing inline.
    let plain = |c: char| c.is_alphanumeric() || c == ' ' || ",.;:'\"()/?%+=@-".contains(c);
    let starts_block = text.starts_with(['-', '+', ':', '=']) || text.starts_with(|c: char| c.is_ascii_digit());
    if !starts_block && !text.starts_with(' ') && !text.ends_with(' ') && text.chars().all(plain) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    // Where the text starts a line, `1.` or `-` would open a list, `---` a
    // rule and `:` a definition; a character reference cannot.
    let mut chars = text.chars();
    if let Some(first @ ('-' | '+' | ':' | '=' | '0'..='9')) = text.chars().next() {
        write!(out, "&#{};", u32::from(first)).expect("writing to a String cannot fail");
        chars.next();
    }
    let escaped_first = !out.is_empty();
    let text = chars.as_str();
    let last = text.chars().count().saturating_sub(1);
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '!' | '#' | '^' | '$' | '{'
            | '}' => {
                out.push('\\');
                out.push(c);
            }
            ' ' if (i == 0 && !escaped_first) || i == last => out.push_str("&#32;"),
            // Control characters, and the bidirectional controls that rustc
            // refuses to see raw in a doc comment (they could make text read
            // differently from what it is).
            c if c.is_control() || is_bidi_control(c) => {
                write!(out, "&#{};", u32::from(c)).expect("writing to a String cannot fail")
            }
            _ => out.push(c),
        }
    }
    out
}

/// HTML (or XML) text or attribute value, in double quotes or none: `&`,
/// `<`, `>`, `"` and `'` become character references, and so does a carriage
/// return (a parser would turn a raw one into a line feed). Everything else
/// stays as it is: a reference to a C1 control would read as a Windows-1252
/// character.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// U+202A..U+202E and U+2066..U+2069: embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_strings() {
        assert_eq!(c_string("plain"), r#""plain""#);
        assert_eq!(c_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(c_string("??/"), r#""\?\?/""#);
        assert_eq!(c_string("*/ //"), r#""*/ //""#);
        assert_eq!(c_string("line\nnext\t"), r#""line\012next\011""#);
        // U+00E9 is C3 A9 in UTF-8; the digit after it stays a digit.
        assert_eq!(c_string("\u{e9}1"), r#""\303\2511""#);
    }

    #[test]
    fn python_strings() {
        assert_eq!(python_string("plain"), r#""plain""#);
        assert_eq!(python_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(python_string("'''\"\"\""), r#""'''\"\"\"""#);
        assert_eq!(python_string("a\nb\r\t\u{1}"), r#""a\nb\r\t\x01""#);
        assert_eq!(python_string("\u{e9}\u{202e}\u{1f600}"), r#""\xe9\u202e\U0001f600""#);
        assert_eq!(python_string("{x}"), r#""{x}""#);
    }

    #[test]
    fn js_strings() {
        assert_eq!(js_string("plain"), r#""plain""#);
        assert_eq!(js_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(js_string("'`${x}`'"), r#""'`${x}`'""#);
        assert_eq!(js_string("a\nb\r\t\u{1}\u{7f}"), r#""a\nb\r\t\u0001\u007f""#);
        assert_eq!(js_string("\u{e9}\u{2028}\u{2029}\u{202e}"), r#""\u00e9\u2028\u2029\u202e""#);
        // Beyond the BMP: a surrogate pair, as JavaScript strings hold it.
        assert_eq!(js_string("\u{1f600}"), r#""\ud83d\ude00""#);
        assert_eq!(js_string("</script><!-- -->"), r#""\x3c/script>\x3c!-- -->""#);
        assert_eq!(js_string("??/ */ //"), r#""??/ */ //""#);
        assert_eq!(js_string(r"\x3c"), r#""\\x3c""#);
    }

    #[test]
    fn js_comments() {
        assert_eq!(js_comment("What `net::IsCertificateError()` answers."), "What `net::IsCertificateError()` answers.");
        assert_eq!(js_comment("a */ b /* c"), "a *\\/ b /* c");
        assert_eq!(js_comment("**/"), "**\\/");
        assert_eq!(js_comment("line\nnext\r\u{2028}\u{2029}\t"), "line next    ");
        assert_eq!(js_comment("@deprecated, mail a@b"), "\\@deprecated, mail a@b");
    }

    #[test]
    fn python_docstrings() {
        assert_eq!(python_docstring("Short.", 4), r#""""Short.""""#);
        // A quote that would touch the closing quotes, and a run of three, are escaped.
        assert_eq!(python_docstring(r#"Say "hi""#, 0), r#""""Say "hi\"""""#);
        assert_eq!(python_docstring("a \"\"\" b \\ \u{e9}", 0), r#""""a \"\"" b \\ \xe9""""#);
        let long = "word ".repeat(40);
        let doc = python_docstring(&format!("Title.\n\n{long}\n- item {long}"), 4);
        let lines: Vec<&str> = doc.lines().collect();
        assert_eq!(lines[0], r#""""Title."#);
        assert_eq!(lines[1], "");
        assert!(lines.iter().all(|l| l.len() <= 88), "{doc}");
        assert!(lines.iter().any(|l| l.starts_with("    - item ")), "{doc}");
        assert!(lines.iter().any(|l| l.starts_with("      word")), "a list item's hanging indent: {doc}");
        assert_eq!(*lines.last().unwrap(), r#"    """"#);
    }

    #[test]
    fn html_text() {
        assert_eq!(html("plain text"), "plain text");
        assert_eq!(html(r#"<a href="x">&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
        assert_eq!(html("a\r\nb\u{85}"), "a&#13;\nb\u{85}");
        assert_eq!(html("https://example.com/a?b=1&c=2"), "https://example.com/a?b=1&amp;c=2");
    }

    #[test]
    fn markdown_text() {
        assert_eq!(markdown("plain text"), "plain text");
        assert_eq!(markdown("a|b *c* _d_ `e`"), r"a\|b \*c\* \_d\_ \`e\`");
        assert_eq!(markdown("<script>"), r"\<script\>");
        assert_eq!(markdown("&amp; [x](y)"), r"\&amp; \[x\](y)");
        assert_eq!(markdown("a\nb\r\tc"), "a&#10;b&#13;&#9;c");
        assert_eq!(markdown(" pad "), "&#32;pad&#32;");
        assert_eq!(markdown(" "), "&#32;");
        assert_eq!(markdown(""), "");
        assert_eq!(markdown("a\u{202e}b"), "a&#8238;b");
        assert_eq!(markdown("1. item"), "&#49;. item");
        assert_eq!(markdown("- item"), "&#45; item");
        assert_eq!(markdown("---"), "&#45;--");
        assert_eq!(markdown(": term"), "&#58; term");
        assert_eq!(markdown("404 Not Found"), "&#52;04 Not Found");
    }
}
