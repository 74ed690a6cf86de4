//! One enum of a C or C++ header: Qt's `enum NetworkError { ... }` in
//! `qnetworkreply.h`, curl's `typedef enum { ... } CURLcode;` in `curl.h`.
//! An enumerator without `= value` is the previous one plus one (the first is
//! 0); comments, preprocessor lines and attributes (`[[deprecated]]`,
//! `Q_DECL_ENUMERATOR_DEPRECATED_X("...")`) inside the enum are skipped.

use std::collections::BTreeMap;

use super::chromium::Entry;
use super::text::{Source, is_identifier, outside_literals, parse_integer, split_comments};

pub fn parse(source: &Source, name: &str) -> Result<Vec<Entry>, String> {
    // The code with comments and preprocessor lines blanked out, keeping every line where it was.
    let code: String = split_comments(source)?
        .into_iter()
        .map(|(code, _)| if code.trim_start().starts_with('#') { String::new() } else { code })
        .collect::<Vec<_>>()
        .join("\n");
    let (open, close) = find_enum(&code, name).ok_or_else(|| {
        source.whole(format!("no `enum {name} {{ ... }}` or `typedef enum {{ ... }} {name};` found"))
    })?;
    let line_at = |offset: usize| code.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1;

    let mut entries: Vec<Entry> = Vec::new();
    let mut by_name: BTreeMap<String, (i64, usize)> = BTreeMap::new();
    let mut next = 0i64;
    let items = split_top_level(&code[open + 1..close]);
    let last = items.len() - 1;
    for (index, (start, item)) in items.into_iter().enumerate() {
        let offset = open + 1 + start + (item.len() - item.trim_start().len());
        let line = line_at(offset);
        let item = item.trim();
        if item.is_empty() {
            // A trailing comma leaves one empty item at the end; anything else is a typo.
            if index == last && index > 0 {
                continue;
            }
            return Err(source.at(line, format!("empty enumerator in enum {name}")));
        }
        let (enumerator, rest) = split_identifier(item);
        if !is_identifier(enumerator) {
            return Err(source.at(line, format!("expected an enumerator name (found `{item}`)")));
        }
        let rest = skip_attributes(rest.trim_start()).map_err(|message| source.at(line, message))?;
        let value = match rest.strip_prefix('=') {
            None if rest.is_empty() => next,
            None => return Err(source.at(line, format!("unexpected text after {enumerator} (found `{rest}`)"))),
            Some(expression) => evaluate(expression.trim(), &by_name).ok_or_else(|| {
                source.at(line, format!("cannot read the value of {enumerator} (found `{}`)", expression.trim()))
            })?,
        };
        if let Some((_, first)) = by_name.get(enumerator) {
            return Err(source.at(line, format!("enumerator {enumerator} appears twice (first on line {first})")));
        }
        by_name.insert(enumerator.to_owned(), (value, line));
        entries.push(Entry { name: enumerator.to_owned(), value, line });
        next = value + 1;
    }
    if entries.is_empty() {
        return Err(source.at(line_at(open), format!("enum {name} has no enumerators")));
    }
    Ok(entries)
}

/// Byte offsets of the `{` and `}` of `enum NAME { ... }` or of `typedef enum { ... } NAME;`.
fn find_enum(code: &str, name: &str) -> Option<(usize, usize)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(found) = code[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        if (at > 0 && is_word(bytes[at - 1])) || bytes.get(from).is_some_and(|&b| is_word(b)) {
            continue;
        }
        let before = code[..at].trim_end();
        let after = code[from..].trim_start();
        // `typedef enum { ... } NAME;`
        if before.ends_with('}') && after.starts_with(';') {
            let close = before.len() - 1;
            let open = code[..close].rfind('{')?;
            // `typedef enum tag { ... } NAME;` has a tag before the brace.
            let head = code[..open].trim_end();
            let tag_start = head.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_').len();
            let head = if &head[tag_start..] == "enum" { head } else { head[..tag_start].trim_end() };
            if ends_with_word(head, "enum") {
                return Some((open, close));
            }
            continue;
        }
        // `enum NAME {`, `enum class NAME : int {`; not a forward declaration `enum NAME;`.
        let head = before.strip_suffix("class").map_or(before, str::trim_end);
        if !ends_with_word(head, "enum") {
            continue;
        }
        let body = after.find(['{', ';'])?;
        if after.as_bytes()[body] == b';' {
            continue;
        }
        let open = code.len() - after.len() + body;
        let close = open + code[open..].find('}')?;
        return Some((open, close));
    }
    None
}

/// Whether `text` ends with the whole word `word`.
fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word).is_some_and(|h| !h.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
}

/// The enumerators between the braces, split at commas outside parentheses,
/// brackets and string literals; each with its offset.
fn split_top_level(body: &str) -> Vec<(usize, &str)> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    outside_literals(body, |i, byte| {
        match byte {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b',' if depth == 0 => {
                items.push((start, &body[start..i]));
                start = i + 1;
            }
            _ => {}
        }
        None::<()>
    });
    items.push((start, &body[start..]));
    items
}

fn split_identifier(text: &str) -> (&str, &str) {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(text.len());
    text.split_at(end)
}

/// Skips attributes between an enumerator's name and its `=`:
/// `[[deprecated("...")]]`, and macros such as `Q_DECL_ENUMERATOR_DEPRECATED`,
/// `Q_DECL_ENUMERATOR_DEPRECATED_X("...")` or `CURL_DEPRECATED(7.69.0, "")`.
fn skip_attributes(mut rest: &str) -> Result<&str, String> {
    loop {
        if let Some(after) = rest.strip_prefix("[[") {
            let end = after.find("]]").ok_or_else(|| "attribute [[ is never closed".to_owned())?;
            rest = after[end + 2..].trim_start();
        } else if rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            let (_, after) = split_identifier(rest);
            rest = after.trim_start();
            if rest.starts_with('(') {
                let end = closing_paren(rest).ok_or_else(|| "attribute ( is never closed".to_owned())?;
                rest = rest[end + 1..].trim_start();
            }
        } else {
            return Ok(rest);
        }
    }
}

fn closing_paren(text: &str) -> Option<usize> {
    let mut depth = 0;
    outside_literals(text, |i, byte| {
        match byte {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        None
    })
}

/// An integer literal (decimal or hex, optionally negative) or an earlier enumerator.
fn evaluate(expression: &str, earlier: &BTreeMap<String, (i64, usize)>) -> Option<i64> {
    let expression = expression.trim();
    match earlier.get(expression) {
        Some((value, _)) => Some(*value),
        None => parse_integer(expression),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Vec<(String, i64, usize)>, String> {
        super::super::chromium::parse_text(parse, "qnetworkreply.h", "NetworkError", text)
    }

    #[test]
    fn implicit_values_comments_and_attributes() {
        let parsed = parse_text(
            "enum Other { A, B };\nclass X {\n    enum NetworkError {\n        NoError = 0,\n\n        // layer (1-99):\n\
             \x20       First = 1, /* one */ Second,\n        Third Q_DECL_ENUMERATOR_DEPRECATED_X(\"Use First, not Third\"),\n\
             \x20       Hex = 0x10,\n        Alias = Hex,\n        Last [[deprecated(\"x\")]] = 99\n    };\n};\n",
        )
        .unwrap();
        let expected = [
            ("NoError", 0, 4),
            ("First", 1, 7),
            ("Second", 2, 7),
            ("Third", 3, 8),
            ("Hex", 16, 9),
            ("Alias", 16, 10),
            ("Last", 99, 11),
        ];
        assert_eq!(parsed, expected.iter().map(|&(n, v, l)| (n.to_owned(), v, l)).collect::<Vec<_>>());
        assert_eq!(parse_text("enum NetworkError { A, B, };").unwrap().len(), 2);
        // curl's form: a typedef of an anonymous (or tagged) enum, with
        // deprecation macros and preprocessor lines inside.
        let curl = |text: &str| {
            let source = Source { path: "curl.h".into(), text: text.into() };
            parse(&source, "CURLcode").map(|e| e.into_iter().map(|e| (e.name, e.value)).collect::<Vec<_>>())
        };
        let expected = vec![("CURLE_OK".to_owned(), 0), ("CURLE_A".to_owned(), 1), ("CURL_LAST".to_owned(), 2)];
        assert_eq!(
            curl("typedef enum { X } CURLcodes;\ntypedef enum {\n  CURLE_OK = 0,\n#if 1\n  CURLE_A CURL_DEPRECATED(7.1, \"\"), /* 1 */\n#endif\n  CURL_LAST /* never use! */\n} CURLcode;\n"),
            Ok(expected.clone())
        );
        assert_eq!(curl("typedef enum curl_code_tag {\n CURLE_OK, CURLE_A, CURL_LAST } CURLcode;"), Ok(expected));
        assert_eq!(
            curl("typedef struct { int a; } CURLcode;"),
            Err("curl.h: no `enum CURLcode { ... }` or `typedef enum { ... } CURLcode;` found".to_owned())
        );
    }

    #[test]
    fn malformed() {
        let error = |text: &str| parse_text(text).unwrap_err();
        assert_eq!(
            error("enum Other { A };"),
            "qnetworkreply.h: no `enum NetworkError { ... }` or `typedef enum { ... } NetworkError;` found"
        );
        assert_eq!(
            error("enum NetworkError {\n  A = 1,\n  B = 1 << 2\n};"),
            "qnetworkreply.h:3: cannot read the value of B (found `1 << 2`)"
        );
        assert_eq!(
            error("enum NetworkError {\n  A,\n  A\n};"),
            "qnetworkreply.h:3: enumerator A appears twice (first on line 2)"
        );
        assert_eq!(
            error("enum NetworkError {\n  A,,\n  B\n};"),
            "qnetworkreply.h:2: empty enumerator in enum NetworkError"
        );
        assert_eq!(
            error("/* open\nenum NetworkError { A };"),
            "qnetworkreply.h:1: comment opened with /* is never closed"
        );
    }
}
