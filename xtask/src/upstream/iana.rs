//! The IANA HTTP Status Code Registry as CSV (`http-status-codes-1.csv`):
//!
//! ```text
//! Value,Description,Reference
//! 100,Continue,"[RFC9110, Section 15.2.1]"
//! 104-199,Unassigned,
//! 306,(Unused),"[RFC9110, Section 15.4.7]"
//! 510,Not Extended (OBSOLETED),[RFC2774][Status change of HTTP experiments to Historic]
//! ```
//!
//! The header row may be missing (a first row of codes is read as data).
//! A description ending in `(OBSOLETED)` is an obsolete registration; a
//! trailing `(TEMPORARY - registered ..., expires ...)` is dropped from the
//! reason phrase.

use std::collections::BTreeMap;

use super::text::Source;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A registered code with its reason phrase.
    Assigned {
        reason: String,
        obsolete: bool,
    },
    /// `(Unused)`: reserved, never to be assigned.
    Unused,
    Unassigned,
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

impl Entry {
    /// The reason phrase as data/http/codes.csv spells it (`(Unused)` for unused codes).
    pub fn reason(&self) -> &str {
        match &self.kind {
            Kind::Assigned { reason, .. } => reason,
            Kind::Unused => UNUSED,
            Kind::Unassigned => "",
        }
    }
}

const UNUSED: &str = "(Unused)";
const HEADER: [&str; 3] = ["Value", "Description", "Reference"];

pub fn parse(source: &Source) -> Result<Vec<Entry>, String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(source.text.as_bytes());
    let mut entries: Vec<Entry> = Vec::new();
    let mut taken: BTreeMap<i64, usize> = BTreeMap::new();
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
            if fields == HEADER {
                continue;
            } else if !is_code {
                return Err(source.at(
                    line,
                    format!(
                        "expected the header {} or a first row of codes such as 100,Continue,[RFC9110] (found {})",
                        HEADER.join(","),
                        fields.join(",")
                    ),
                ));
            }
        }
        let [value, description, reference] = fields.as_slice() else {
            return Err(source.at(line, format!("record has {} fields, the header has 3", fields.len())));
        };
        let (lo, hi) = parse_value(value).ok_or_else(|| {
            source.at(line, format!("value is not a status code or a range lo-hi of them (found `{value}`)"))
        })?;
        let description = description.trim();
        let kind = match description {
            "" => return Err(source.at(line, format!("description of {value} is empty"))),
            "Unassigned" => Kind::Unassigned,
            UNUSED => Kind::Unused,
            _ if lo != hi => {
                return Err(source
                    .at(line, format!("only Unassigned covers a range of values (found `{value},{description}`)")));
            }
            _ => {
                let (reason, obsolete) = match description.strip_suffix("(OBSOLETED)") {
                    Some(reason) => (reason.trim_end(), true),
                    None => (description, false),
                };
                let reason = match reason.find(" (TEMPORARY") {
                    Some(at) if reason.ends_with(')') => &reason[..at],
                    _ => reason,
                };
                Kind::Assigned { reason: reason.to_owned(), obsolete }
            }
        };
        for code in lo..=hi {
            if let Some(first) = taken.insert(code, line) {
                return Err(source.at(line, format!("value {code} is also listed on line {first}")));
            }
        }
        entries.push(Entry { lo, hi, kind, reference: reference.trim().to_owned(), line });
    }
    if !entries.iter().any(|e| matches!(e.kind, Kind::Assigned { .. })) {
        return Err(source.whole("no registered status codes; is this the IANA http-status-codes CSV?".to_owned()));
    }
    Ok(entries)
}

/// `404` or `104-199`: three-digit codes.
fn parse_value(text: &str) -> Option<(i64, i64)> {
    let code = |s: &str| -> Option<i64> {
        let s = s.trim();
        (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')).then(|| s.parse().ok()).flatten()
    };
    match text.split_once('-') {
        Some((lo, hi)) => {
            let (lo, hi) = (code(lo)?, code(hi)?);
            (lo <= hi).then_some((lo, hi))
        }
        None => code(text).map(|c| (c, c)),
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

/// Our identifier for a reason phrase: `Non-Authoritative Information` ->
/// `NON_AUTHORITATIVE_INFORMATION`, `I'm a teapot` -> `IM_A_TEAPOT`.
pub fn identifier(reason: &str) -> String {
    let mut out = String::new();
    for c in reason.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')) {
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
    use super::*;

    fn parse_text(text: &str) -> Result<Vec<Entry>, String> {
        parse(&Source { path: "http-status-codes.csv".into(), text: text.into() })
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
             103,Early Hints (TEMPORARY - registered 2017-01-01),[RFC8297]\n",
        )
        .unwrap();
        let kinds: Vec<(i64, i64, Kind)> = entries.iter().map(|e| (e.lo, e.hi, e.kind.clone())).collect();
        assert_eq!(
            kinds,
            vec![
                (100, 100, Kind::Assigned { reason: "Continue".into(), obsolete: false }),
                (104, 199, Kind::Unassigned),
                (306, 306, Kind::Unused),
                (510, 510, Kind::Assigned { reason: "Not Extended".into(), obsolete: true }),
                (103, 103, Kind::Assigned { reason: "Early Hints".into(), obsolete: false }),
            ]
        );
        assert_eq!(entries[0].reference, "[RFC9110, Section 15.2.1]");
    }

    #[test]
    fn malformed() {
        let error = |text: &str| parse_text(text).unwrap_err();
        assert_eq!(
            error("Code,Phrase\n"),
            "http-status-codes.csv:1: expected the header Value,Description,Reference or a first row of codes \
             such as 100,Continue,[RFC9110] (found Code,Phrase)"
        );
        // Without its header the registry reads the same.
        let headerless = parse_text("100,Continue,[RFC9110]\n101,Switching Protocols,[RFC9110]\n").unwrap();
        assert_eq!(headerless.iter().map(|e| (e.lo, e.line)).collect::<Vec<_>>(), [(100, 1), (101, 2)]);
        assert_eq!(
            error("Value,Description,Reference\n4xx,Client,\n"),
            "http-status-codes.csv:2: value is not a status code or a range lo-hi of them (found `4xx`)"
        );
        assert_eq!(
            error("Value,Description,Reference\n200-100,Unassigned,\n"),
            "http-status-codes.csv:2: value is not a status code or a range lo-hi of them (found `200-100`)"
        );
        assert_eq!(
            error("Value,Description,Reference\n200-201,OK,\n"),
            "http-status-codes.csv:2: only Unassigned covers a range of values (found `200-201,OK`)"
        );
        assert_eq!(
            error("Value,Description,Reference\n200,OK\n"),
            "http-status-codes.csv:2: record has 2 fields, the header has 3"
        );
        assert_eq!(
            error("Value,Description,Reference\n200,\"OK,\n"),
            "http-status-codes.csv:2: record has 2 fields, the header has 3"
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
    }
}
