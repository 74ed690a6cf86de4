//! Qt's `qnetworkreply.h`: the enumerators of `enum NetworkError { ... }`.
//! An enumerator without `= value` is the previous one plus one (the first is
//! 0); comments and deprecation attributes inside the enum are skipped.

use std::collections::BTreeMap;

use super::chromium::Entry;
use super::text::{Source, is_identifier, split_comments};

const ENUM: &str = "NetworkError";

pub fn parse(source: &Source) -> Result<Vec<Entry>, String> {
    // The code with comments blanked out, keeping every line where it was.
    let code: String = split_comments(source)?.into_iter().map(|(code, _)| code).collect::<Vec<_>>().join("\n");
    let (open, close) = find_enum(&code)
        .ok_or_else(|| source.whole(format!("no `enum {ENUM} {{ ... }}` found; is this qnetworkreply.h?")))?;
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
            return Err(source.at(line, format!("empty enumerator in enum {ENUM}")));
        }
        let (name, rest) = split_identifier(item);
        if !is_identifier(name) {
            return Err(source.at(line, format!("expected an enumerator name (found `{item}`)")));
        }
        let rest = skip_attributes(rest.trim_start()).map_err(|message| source.at(line, message))?;
        let value = match rest.strip_prefix('=') {
            None if rest.is_empty() => next,
            None => return Err(source.at(line, format!("unexpected text after {name} (found `{rest}`)"))),
            Some(expression) => evaluate(expression.trim(), &by_name).ok_or_else(|| {
                source.at(line, format!("cannot read the value of {name} (found `{}`)", expression.trim()))
            })?,
        };
        if let Some((_, first)) = by_name.get(name) {
            return Err(source.at(line, format!("enumerator {name} appears twice (first on line {first})")));
        }
        by_name.insert(name.to_owned(), (value, line));
        entries.push(Entry { name: name.to_owned(), value, line });
        next = value + 1;
    }
    if entries.is_empty() {
        return Err(source.at(line_at(open), format!("enum {ENUM} has no enumerators")));
    }
    Ok(entries)
}

/// Byte offsets of the `{` and `}` of `enum NetworkError`.
fn find_enum(code: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = code[from..].find("enum") {
        let at = from + found;
        from = at + 4;
        let before_ok = at == 0 || !code.as_bytes()[at - 1].is_ascii_alphanumeric() && code.as_bytes()[at - 1] != b'_';
        let rest = &code[at + 4..];
        if !before_ok || !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("class").map_or(rest, str::trim_start);
        let Some(after_name) = rest.strip_prefix(ENUM) else { continue };
        if after_name.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        // `enum NetworkError : int {`, or a forward declaration `enum NetworkError;`.
        let body = after_name.find(['{', ';'])?;
        if after_name.as_bytes()[body] == b';' {
            continue;
        }
        let open = code.len() - after_name.len() + body;
        let close = open + code[open..].find('}')?;
        return Some((open, close));
    }
    None
}

/// The enumerators between the braces, split at commas outside parentheses,
/// brackets and string literals; each with its offset.
fn split_top_level(body: &str) -> Vec<(usize, &str)> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut start = 0;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match quote {
            Some(_) if byte == b'\\' => i += 1,
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None => match byte {
                b'"' | b'\'' => quote = Some(byte),
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b',' if depth == 0 => {
                    items.push((start, &body[start..i]));
                    start = i + 1;
                }
                _ => {}
            },
        }
        i += 1;
    }
    items.push((start, &body[start..]));
    items
}

fn split_identifier(text: &str) -> (&str, &str) {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(text.len());
    text.split_at(end)
}

/// Skips `Q_DECL_ENUMERATOR_DEPRECATED`, `Q_DECL_ENUMERATOR_DEPRECATED_X("...")`
/// and `[[deprecated("...")]]` between an enumerator's name and its `=`.
fn skip_attributes(mut rest: &str) -> Result<&str, String> {
    loop {
        if let Some(after) = rest.strip_prefix("[[") {
            let end = after.find("]]").ok_or_else(|| "attribute [[ is never closed".to_owned())?;
            rest = after[end + 2..].trim_start();
        } else if rest.starts_with("Q_DECL_") {
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
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

/// An integer literal (decimal or hex, optionally negative) or an earlier enumerator.
fn evaluate(expression: &str, earlier: &BTreeMap<String, (i64, usize)>) -> Option<i64> {
    let expression = expression.trim();
    if let Some((value, _)) = earlier.get(expression) {
        return Some(*value);
    }
    let (negative, digits) = match expression.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, expression),
    };
    let value = if let Some(hex) = digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        i64::from_str_radix(hex, 16).ok()?
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        return None;
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Vec<(String, i64, usize)>, String> {
        let source = Source { path: "qnetworkreply.h".into(), text: text.into() };
        parse(&source).map(|entries| entries.into_iter().map(|e| (e.name, e.value, e.line)).collect())
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
    }

    #[test]
    fn malformed() {
        let error = |text: &str| parse_text(text).unwrap_err();
        assert_eq!(
            error("enum Other { A };"),
            "qnetworkreply.h: no `enum NetworkError { ... }` found; is this qnetworkreply.h?"
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
