//! One enum of a protobuf file, as googleapis' `google/rpc/code.proto`
//! declares `enum Code { OK = 0; CANCELLED = 1; ... }`. Every value is
//! explicit; options in brackets after a value (`[deprecated = true]`) and
//! `option` and `reserved` statements are no enumerators.

use std::collections::BTreeMap;

use super::chromium::Entry;
use super::text::{Source, is_identifier, parse_integer, split_comments};

pub fn parse(source: &Source, name: &str) -> Result<Vec<Entry>, String> {
    let code: String = split_comments(source)?.into_iter().map(|(code, _)| code).collect::<Vec<_>>().join("\n");
    let line_at = |offset: usize| code.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let open = find_enum(&code, name).ok_or_else(|| source.whole(format!("no `enum {name} {{ ... }}` found")))?;
    let close = open
        + code[open..].find('}').ok_or_else(|| source.at(line_at(open), format!("enum {name} is never closed")))?;

    let mut entries: Vec<Entry> = Vec::new();
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    let body = &code[open + 1..close];
    let mut start = 0;
    for statement in body.split(';') {
        let offset = open + 1 + start + (statement.len() - statement.trim_start().len());
        start += statement.len() + 1;
        let line = line_at(offset);
        let statement = statement.trim();
        if statement.is_empty() {
            continue;
        }
        let keyword = statement.split_whitespace().next().unwrap_or_default();
        if keyword == "option" || keyword == "reserved" {
            continue;
        }
        let Some((enumerator, rest)) = statement.split_once('=') else {
            return Err(source.at(line, format!("expected NAME = value; in enum {name} (found `{statement}`)")));
        };
        let enumerator = enumerator.trim();
        if !is_identifier(enumerator) {
            return Err(source.at(line, format!("expected NAME = value; in enum {name} (found `{statement}`)")));
        }
        // `5 [deprecated = true]`: the options are not part of the value.
        let value_text = rest.split('[').next().unwrap_or_default().trim();
        let value = parse_integer(value_text)
            .ok_or_else(|| source.at(line, format!("cannot read the value of {enumerator} (found `{value_text}`)")))?;
        if let Some(first) = first_line.insert(enumerator.to_owned(), line) {
            return Err(source.at(line, format!("enumerator {enumerator} appears twice (first on line {first})")));
        }
        entries.push(Entry { name: enumerator.to_owned(), value, line });
    }
    if entries.is_empty() {
        return Err(source.at(line_at(open), format!("enum {name} has no enumerators")));
    }
    Ok(entries)
}

/// Byte offset of the `{` of `enum NAME {`.
fn find_enum(code: &str, name: &str) -> Option<usize> {
    let mut words = code.match_indices(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    let mut previous_end = 0;
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    for (at, separator) in words.by_ref() {
        if at > previous_end {
            tokens.push((previous_end, &code[previous_end..at]));
        }
        if separator == "{" {
            tokens.push((at, "{"));
        }
        previous_end = at + separator.len();
    }
    tokens.windows(3).find(|w| w[0].1 == "enum" && w[1].1 == name && w[2].1 == "{").map(|w| w[2].0)
}

#[cfg(test)]
mod tests {
    use super::super::chromium::parse_text;
    use super::*;

    #[test]
    fn enumerators_options_and_comments() {
        let parsed = parse_text(
            parse,
            "code.proto",
            "Code",
            "syntax = \"proto3\";\npackage google.rpc;\noption java_multiple_files = true;\n\
             // The codes.\nenum Code {\n  // Not an error.\n  OK = 0;\n\n  /* two\n     lines */ CANCELLED = 1;\n\
             \x20 option allow_alias = true;\n  reserved 3, 9 to 11;\n  OLD = 0x10 [deprecated = true];\n  NEG = -2;\n}\n\
             message Status { int32 code = 1; }\n",
        )
        .unwrap();
        let expected = [("OK", 0, 7), ("CANCELLED", 1, 10), ("OLD", 16, 13), ("NEG", -2, 14)];
        assert_eq!(parsed, expected.iter().map(|&(n, v, l)| (n.to_owned(), v, l)).collect::<Vec<_>>());
    }

    #[test]
    fn malformed() {
        for (text, message) in [
            ("enum Other { A = 0; }", "code.proto: no `enum Code { ... }` found"),
            ("enum Code {\n  OK = 0;\n  CANCELLED = one;\n}", "code.proto:3: cannot read the value of CANCELLED (found `one`)"),
            ("enum Code {\n  OK = 0;\n  OK = 1;\n}", "code.proto:3: enumerator OK appears twice (first on line 2)"),
            ("enum Code {\n  OK 0;\n}", "code.proto:2: expected NAME = value; in enum Code (found `OK 0`)"),
            ("enum Code {\n}", "code.proto:1: enum Code has no enumerators"),
        ] {
            assert_eq!(parse_text(parse, "code.proto", "Code", text).unwrap_err(), message);
        }
    }
}
