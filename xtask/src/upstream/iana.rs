//! One IANA registry as the CSV iana.org offers beside each registry table
//! (`http-status-codes-1.csv`, `tls-parameters-6.csv`, ...). Every registry
//! has its own header row, named in the system's `[sync]` table; all share
//! the shape read here:
//!
//! ```text
//! Value,Description,Reference
//! 100,Continue,"[RFC9110, Section 15.2.1]"
//! 104-199,Unassigned,
//! 510,Not Extended (OBSOLETED),[RFC2774][Status change of HTTP experiments to Historic]
//! 0x0e-0xffffffff,Unassigned,,
//! ```
//!
//! The value is the first column: a number, decimal or `0x` hexadecimal, or
//! a range `lo-hi` of them. A range is never a code, whatever its text says
//! (`Unassigned`, `Reserved for Private Use`); nor is a single value whose
//! name is `Unassigned` or one of the system's `not_codes`. A trailing
//! `(TEMPORARY - registered ..., expires ...)`, IANA's mark for an early
//! allocation in any registry, is no part of the name; the system's marks
//! (`(OBSOLETED)`, `_RESERVED`) give a name's status. The header row may be
//! missing (a first row of codes is read as data).

use super::tables::Sync;
use super::text::{Source, parse_integer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A registered code: its name and the status the registry gives it.
    Code { name: String, status: String },
    /// A value or range the registry does not assign to a code, and what it
    /// says instead (`Unassigned`, `Reserved for Private Use`).
    Block(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub lo: i64,
    pub hi: i64,
    pub kind: Kind,
    /// As the registry writes it: `[RFC9110, Section 15.2.1]`.
    pub reference: String,
    pub line: usize,
}

const UNASSIGNED: &str = "Unassigned";

/// The registry's entries; `min` and `max` are the system's bounds, and
/// `several_meanings` lets one value be listed more than once.
pub fn parse(source: &Source, sync: &Sync, bounds: (i64, i64), several_meanings: bool) -> Result<Vec<Entry>, String> {
    let header = &sync.columns;
    let column = |name: &Option<String>| name.as_ref().and_then(|n| header.iter().position(|c| c == n));
    let (name_at, reference_at) = (column(&sync.name_column).unwrap_or(1), column(&sync.reference_column));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(source.text.as_bytes());
    let mut entries: Vec<Entry> = Vec::new();
    // After CRLF line endings the reader's positions point at the previous
    // record's LF; skip line ends, then count LFs.
    let bytes = source.text.as_bytes();
    let line_at = |position: Option<&csv::Position>| {
        let mut byte = position.map_or(0, |p| p.byte() as usize).min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        bytes[..byte].iter().filter(|&&b| b == b'\n').count() + 1
    };
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| {
            let line = line_at(err.position());
            source.at(line, format!("cannot parse the record ({err})"))
        })?;
        let line = line_at(record.position());
        let fields: Vec<&str> = record.iter().collect();
        // The registry's CSV opens with a header row; a copy without one (a
        // first row that is already a code) is read the same way.
        if index == 0 {
            let is_code = fields.first().is_some_and(|value| parse_value(value).is_some());
            if fields == *header {
                continue;
            } else if !is_code {
                return Err(source.at(
                    line,
                    format!(
                        "expected the header {} of {} or a first row of codes (found {})",
                        header.join(","),
                        sync.file,
                        fields.join(",")
                    ),
                ));
            }
        }
        if fields.len() != header.len() {
            return Err(source.at(line, format!("record has {} fields, the header has {}", fields.len(), header.len())));
        }
        let value = fields[0];
        let (lo, hi) = parse_value(value)
            .filter(|&(lo, hi)| bounds.0 <= lo && hi <= bounds.1)
            .ok_or_else(|| {
                source.at(
                    line,
                    format!(
                        "value is not a code from {} to {} or a range lo-hi of them (found `{value}`)",
                        bounds.0, bounds.1
                    ),
                )
            })?;
        let name = collapse(fields[name_at]);
        if name.is_empty() {
            return Err(source.at(line, format!("{} of {value} is empty", header[name_at])));
        }
        let kind = if lo != hi || name == UNASSIGNED || sync.not_codes.contains(&name) {
            Kind::Block(name)
        } else {
            let name = match name.rfind(" (TEMPORARY") {
                Some(at) if name.ends_with(')') => name[..at].to_owned(),
                _ => name,
            };
            match sync.mark.iter().find(|m| name.ends_with(&m.text)) {
                Some(mark) if !mark.keep => Kind::Code {
                    name: name[..name.len() - mark.text.len()].trim_end().to_owned(),
                    status: mark.status.clone(),
                },
                Some(mark) => Kind::Code { name, status: mark.status.clone() },
                None => Kind::Code { name, status: "current".to_owned() },
            }
        };
        // One value may have several meanings (DNS 16); nothing else overlaps.
        let code = matches!(kind, Kind::Code { .. });
        if let Some(first) = entries.iter().find(|e| {
            e.lo <= hi && lo <= e.hi && !(several_meanings && code && matches!(e.kind, Kind::Code { .. }))
        }) {
            return Err(source.at(line, format!("value {value} is also listed on line {}", first.line)));
        }
        let reference = reference_at.map(|at| collapse(fields[at])).unwrap_or_default();
        entries.push(Entry { lo, hi, kind, reference, line });
    }
    if !entries.iter().any(|e| matches!(e.kind, Kind::Code { .. })) {
        return Err(source.whole(format!("no registered codes; is this the IANA registry {}?", sync.file)));
    }
    Ok(entries)
}

/// Runs of white space (a name wrapped over lines) as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `404`, `0x0d`, `104-199` or `0x0e-0xffffffff`.
fn parse_value(text: &str) -> Option<(i64, i64)> {
    let number = |s: &str| parse_integer(s).filter(|&n| n >= 0);
    match text.split_once('-') {
        Some((lo, hi)) => {
            let (lo, hi) = (number(lo)?, number(hi)?);
            (lo <= hi).then_some((lo, hi))
        }
        None => number(text).map(|c| (c, c)),
    }
}

/// `[RFC9110, Section 15.4.7]` -> `RFC 9110, Section 15.4.7`; several
/// bracketed references are joined with `; `.
pub fn normalize_reference(reference: &str) -> String {
    let reference = reference.trim();
    if !reference.starts_with('[') {
        return reference.to_owned();
    }
    reference
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split("][")
        .map(|part| {
            let part = part.trim();
            match part.strip_prefix("RFC") {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("RFC {rest}"),
                _ => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Our identifier for a name: `Non-Authoritative Information` ->
/// `NON_AUTHORITATIVE_INFORMATION`, `I'm a teapot` -> `IM_A_TEAPOT`,
/// `close_notify` -> `CLOSE_NOTIFY`.
pub fn identifier(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::tables::Mark;
    use super::*;

    fn http() -> Sync {
        Sync {
            format: super::super::tables::Format::IanaCsv,
            file: "http-status-codes-1.csv".into(),
            enum_name: None,
            columns: vec!["Value".into(), "Description".into(), "Reference".into()],
            name_column: Some("Description".into()),
            reference_column: Some("Reference".into()),
            not_codes: vec![],
            mark: vec![
                Mark { text: "(OBSOLETED)".into(), status: "obsolete".into(), keep: false },
                Mark { text: "(Unused)".into(), status: "unused".into(), keep: true },
            ],
        }
    }

    fn parse_text(text: &str) -> Result<Vec<Entry>, String> {
        parse(&Source { path: "http-status-codes.csv".into(), text: text.into() }, &http(), (100, 999), false)
    }

    fn code(name: &str, status: &str) -> Kind {
        Kind::Code { name: name.into(), status: status.into() }
    }

    #[test]
    fn registry_rows() {
        let entries = parse_text(
            "Value,Description,Reference\r\n100,Continue,\"[RFC9110, Section 15.2.1]\"\r\n104-199,Unassigned,\r\n\
             306,(Unused),\"[RFC9110, Section 15.4.7]\"\r\n510,Not Extended (OBSOLETED),[RFC2774][Status change]\r\n\
             104,Upload Resumption Supported (TEMPORARY - registered 2024-11-13),[draft-x]\r\n",
        );
        assert_eq!(entries.unwrap_err(), "http-status-codes.csv:6: value 104 is also listed on line 3");
        let entries = parse_text(
            "Value,Description,Reference\n100,Continue,\"[RFC9110, Section 15.2.1]\"\n104-199,Unassigned,\n\
             306,(Unused),\"[RFC9110, Section 15.4.7]\"\n510,Not Extended (OBSOLETED),[RFC2774][Status change]\n\
             103,Early Hints (TEMPORARY - registered 2017-01-01),[RFC8297]\n600-699,Reserved for Example Use,\n",
        )
        .unwrap();
        let kinds: Vec<(i64, i64, Kind)> = entries.iter().map(|e| (e.lo, e.hi, e.kind.clone())).collect();
        assert_eq!(
            kinds,
            vec![
                (100, 100, code("Continue", "current")),
                (104, 199, Kind::Block("Unassigned".into())),
                (306, 306, code("(Unused)", "unused")),
                (510, 510, code("Not Extended", "obsolete")),
                (103, 103, code("Early Hints", "current")),
                (600, 699, Kind::Block("Reserved for Example Use".into())),
            ]
        );
        assert_eq!(entries[0].reference, "[RFC9110, Section 15.2.1]");
    }

    /// Hexadecimal values and ranges up to 2^62, names wrapped over lines,
    /// a value listed twice where the system has several meanings.
    #[test]
    fn other_registry_shapes() {
        let sync = Sync {
            columns: vec!["Value".into(), "Name".into(), "Description".into(), "Reference".into()],
            name_column: Some("Name".into()),
            not_codes: vec!["Reserved, can be allocated by Standards Action".into()],
            mark: vec![Mark { text: "_RESERVED".into(), status: "obsolete".into(), keep: true }],
            ..http()
        };
        let text = "Value,Name,Description,Reference\n0x0d,HTTP_1_1_REQUIRED,Use HTTP/1.1,[RFC9113]\n\
                    0x10000-0x3fffffffffffffff,Unassigned,,\n9,NotAuth,x,[RFC2136]\n9,NotAuth,y,[RFC8945]\n\
                    5,\"old_one_RESERVED\",,\n7,\"Two\n  lines\",,\n65535,\"Reserved, can be allocated by Standards Action\",,\n";
        let source = Source { path: "r.csv".into(), text: text.into() };
        let entries = parse(&source, &sync, (0, (1 << 62) - 1), true).unwrap();
        let kinds: Vec<(i64, Kind, usize)> = entries.iter().map(|e| (e.lo, e.kind.clone(), e.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (13, code("HTTP_1_1_REQUIRED", "current"), 2),
                (65536, Kind::Block("Unassigned".into()), 3),
                (9, code("NotAuth", "current"), 4),
                (9, code("NotAuth", "current"), 5),
                (5, code("old_one_RESERVED", "obsolete"), 6),
                (7, code("Two lines", "current"), 7),
                (65535, Kind::Block("Reserved, can be allocated by Standards Action".into()), 9),
            ]
        );
        assert_eq!(entries[1].hi, (1 << 62) - 1);
        assert_eq!(
            parse(&source, &sync, (0, (1 << 62) - 1), false).unwrap_err(),
            "r.csv:5: value 9 is also listed on line 4"
        );
    }

    #[test]
    fn malformed() {
        let error = |text: &str| parse_text(text).unwrap_err();
        assert_eq!(
            error("Code,Phrase\n"),
            "http-status-codes.csv:1: expected the header Value,Description,Reference of http-status-codes-1.csv \
             or a first row of codes (found Code,Phrase)"
        );
        // Without its header the registry reads the same.
        let headerless = parse_text("100,Continue,[RFC9110]\n101,Switching Protocols,[RFC9110]\n").unwrap();
        assert_eq!(headerless.iter().map(|e| (e.lo, e.line)).collect::<Vec<_>>(), [(100, 1), (101, 2)]);
        assert_eq!(
            error("Value,Description,Reference\n4xx,Client,\n"),
            "http-status-codes.csv:2: value is not a code from 100 to 999 or a range lo-hi of them (found `4xx`)"
        );
        assert_eq!(
            error("Value,Description,Reference\n200-100,Unassigned,\n"),
            "http-status-codes.csv:2: value is not a code from 100 to 999 or a range lo-hi of them (found `200-100`)"
        );
        assert_eq!(
            error("Value,Description,Reference\n1000,Too Big,\n"),
            "http-status-codes.csv:2: value is not a code from 100 to 999 or a range lo-hi of them (found `1000`)"
        );
        assert_eq!(error("Value,Description,Reference\n200,,\n"), "http-status-codes.csv:2: Description of 200 is empty");
        assert_eq!(
            error("Value,Description,Reference\n200,OK\n"),
            "http-status-codes.csv:2: record has 2 fields, the header has 3"
        );
        assert_eq!(
            error("Value,Description,Reference\n200,\"OK,\n"),
            "http-status-codes.csv:2: record has 2 fields, the header has 3"
        );
        assert_eq!(
            error("Value,Description,Reference\n100-199,Unassigned,\n"),
            "http-status-codes.csv: no registered codes; is this the IANA registry http-status-codes-1.csv?"
        );
    }

    #[test]
    fn references_and_identifiers() {
        assert_eq!(normalize_reference("[RFC9110, Section 15.4.7]"), "RFC 9110, Section 15.4.7");
        assert_eq!(
            normalize_reference("[RFC2774][Status change of HTTP experiments to Historic]"),
            "RFC 2774; Status change of HTTP experiments to Historic"
        );
        assert_eq!(normalize_reference("RFC 8297"), "RFC 8297");
        assert_eq!(identifier("Non-Authoritative Information"), "NON_AUTHORITATIVE_INFORMATION");
        assert_eq!(identifier("I'm a teapot"), "IM_A_TEAPOT");
        assert_eq!(identifier("HTTP Version Not Supported"), "HTTP_VERSION_NOT_SUPPORTED");
        assert_eq!(identifier("close_notify"), "CLOSE_NOTIFY");
    }
}
