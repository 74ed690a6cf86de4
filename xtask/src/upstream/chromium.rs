//! Chromium's `net/base/net_error_list.h`: one `NET_ERROR(NAME, value)` per
//! error, and comments that retire numbers:
//!
//! ```text
//! // Error -24 was removed (BLOCKED_ENROLLMENT_CHECK_PENDING)
//! // Error -812 was removed
//! // -132 was formerly ERR_ESET_ANTI_VIRUS_SSL_INTERCEPTION
//! // -218 was SSL_OBSOLETE_VERSION which is not longer used. ...
//! // -209 is availible: was CERT_NOT_IN_DNS.        (free again: not a removal)
//! ```
//!
//! `OK` (0) is not in the list (it comes from `net_errors.h`), so it takes no
//! part in the comparison.

use std::collections::BTreeMap;

use super::text::{Source, is_upper_snake, split_comments};

/// One `NET_ERROR` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Without the `ERR_` prefix, as the macro spells it.
    pub name: String,
    pub value: i64,
    pub line: usize,
}

/// Runs the parser of one named enum on `text` as if read from `path`, each
/// entry as (name, value, line): what the parsers' unit tests compare.
#[cfg(test)]
pub fn parse_text(
    parse: fn(&Source, &str) -> Result<Vec<Entry>, String>,
    path: &str,
    name: &str,
    text: &str,
) -> Result<Vec<(String, i64, usize)>, String> {
    let source = Source { path: path.into(), text: text.into() };
    parse(&source, name).map(|entries| entries.into_iter().map(|e| (e.name, e.value, e.line)).collect())
}

/// What a comment says about a number that has no `NET_ERROR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// Retired, with the name it had where the comment gives one.
    Removed(Option<String>),
    /// Free again ("-209 is availible: was CERT_NOT_IN_DNS").
    Available,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub value: i64,
    pub kind: NoteKind,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Header {
    pub errors: Vec<Entry>,
    /// Notes about numbers without a `NET_ERROR`, first note per number.
    pub notes: Vec<Note>,
}

impl Header {
    /// `CERT_END`, the value one past the last certificate error.
    pub fn cert_end(&self) -> Option<i64> {
        self.errors.iter().find(|e| e.name == "CERT_END").map(|e| e.value)
    }
}

/// The first certificate error, `ERR_CERT_BEGIN` in `net_errors.h`.
const CERT_BEGIN: i64 = -200;

/// What Chromium's `net::IsCertificateError()` answers for a code.
pub fn is_certificate_error(name: &str, value: i64, cert_end: i64) -> bool {
    (value <= CERT_BEGIN && value > cert_end) || name == "SSL_PINNED_KEY_NOT_IN_CERT_CHAIN"
}

pub fn parse(source: &Source) -> Result<Header, String> {
    let mut header = Header::default();
    let mut first_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut first_value: BTreeMap<i64, usize> = BTreeMap::new();
    // A NET_ERROR( whose closing parenthesis is on a later line.
    let mut pending: Option<(usize, String)> = None;
    let mut notes: Vec<Note> = Vec::new();

    for (index, (code, comments)) in split_comments(source)?.into_iter().enumerate() {
        let line = index + 1;
        for comment in &comments {
            if let Some(note) = parse_note(comment, line) {
                notes.push(note);
            }
        }
        let code = code.trim();
        let (start, text) = match pending.take() {
            Some((start, mut text)) => {
                text.push(' ');
                text.push_str(code);
                (start, text)
            }
            None if code.is_empty() || code.starts_with('#') => continue,
            None if code.starts_with("NET_ERROR") => (line, code.to_owned()),
            None => {
                return Err(source
                    .at(line, format!("expected NET_ERROR(NAME, value), a comment or a blank line (found `{code}`)")));
            }
        };
        if !text.contains(')') {
            pending = Some((start, text));
            continue;
        }
        let entry = parse_entry(&text).map_err(|message| source.at(start, message))?;
        if let Some(first) = first_name.insert(entry.name.clone(), start) {
            return Err(
                source.at(start, format!("NET_ERROR name {} appears twice (first on line {first})", entry.name))
            );
        }
        if let Some(first) = first_value.insert(entry.value, start) {
            return Err(
                source.at(start, format!("NET_ERROR value {} appears twice (first on line {first})", entry.value))
            );
        }
        header.errors.push(Entry { line: start, ..entry });
    }
    if let Some((start, _)) = pending {
        return Err(source.at(start, "NET_ERROR( is never closed".to_owned()));
    }
    if header.errors.is_empty() {
        return Err(source.whole("no NET_ERROR(NAME, value) entries; is this net/base/net_error_list.h?".to_owned()));
    }
    let mut noted: BTreeMap<i64, usize> = BTreeMap::new();
    for note in notes {
        if first_value.contains_key(&note.value) {
            continue;
        }
        match noted.get(&note.value) {
            // Keep one note per number; a later one may add the name.
            Some(&at) => {
                if let (NoteKind::Removed(None), NoteKind::Removed(Some(_))) = (&header.notes[at].kind, &note.kind) {
                    header.notes[at].kind = note.kind;
                }
            }
            None => {
                noted.insert(note.value, header.notes.len());
                header.notes.push(note);
            }
        }
    }
    Ok(header)
}

/// `NET_ERROR(NAME, -123)` with nothing after the closing parenthesis.
fn parse_entry(text: &str) -> Result<Entry, String> {
    let rest = text["NET_ERROR".len()..].trim_start();
    let Some(inner) = rest.strip_prefix('(') else {
        return Err(format!("expected `(` after NET_ERROR (found `{text}`)"));
    };
    let (inner, after) = inner.split_once(')').expect("the caller saw a `)`");
    if !after.trim().is_empty() {
        return Err(format!("unexpected text after NET_ERROR(...) (found `{}`)", after.trim()));
    }
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let [name, value] = parts.as_slice() else {
        return Err(format!("expected NET_ERROR(NAME, value) with two arguments (found `{text}`)"));
    };
    if !is_upper_snake(name) {
        return Err(format!("NET_ERROR name is not UPPER_SNAKE_CASE (found `{name}`)"));
    }
    let value = parse_int(value).ok_or_else(|| format!("NET_ERROR value is not an integer (found `{value}`)"))?;
    if value > 0 {
        return Err(format!("NET_ERROR value must be zero or negative (found {value})"));
    }
    Ok(Entry { name: (*name).to_owned(), value, line: 0 })
}

fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text).trim_start();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = digits.parse().ok()?;
    Some(if text.starts_with('-') { -value } else { value })
}

/// A comment about a number: "Error -24 was removed (NAME)", "-132 was
/// formerly ERR_NAME", "-216 was NAME which ...", "-209 is availible: ...".
fn parse_note(comment: &str, line: usize) -> Option<Note> {
    let text = comment.trim_start_matches('/').trim();
    let text = ["Errors ", "errors ", "Error ", "error ", "ERR ", "Err "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text);
    let digits_start = text.strip_prefix('-')?;
    let digits_len = digits_start.bytes().take_while(u8::is_ascii_digit).count();
    if digits_len == 0 {
        return None;
    }
    let value: i64 = -digits_start[..digits_len].parse::<i64>().ok()?;
    let rest = digits_start[digits_len..].trim_start();
    let lower = rest.to_ascii_lowercase();
    let kind = if (lower.starts_with("is ") || lower.starts_with("are "))
        && (lower.contains("availab") || lower.contains("availib"))
    {
        NoteKind::Available
    } else if let Some(after) = lower.strip_prefix("was removed") {
        let after = &rest[rest.len() - after.len()..];
        let name =
            after.trim_start().strip_prefix('(').and_then(|inner| inner.split_once(')')).map(|(name, _)| name.trim());
        NoteKind::Removed(name.and_then(clean_name))
    } else if lower.starts_with("was ") {
        let after = rest[4..].trim_start();
        let after = after.strip_prefix("formerly ").unwrap_or(after).trim_start();
        let word: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        // "-5 was a mistake" says nothing about a name: not a removal note.
        NoteKind::Removed(Some(clean_name(&word)?))
    } else {
        return None;
    };
    Some(Note { value, kind, line })
}

/// `ERR_NAME` or `NAME` as the table spells it, if it is a name at all.
fn clean_name(word: &str) -> Option<String> {
    let name = word.strip_prefix("ERR_").unwrap_or(word);
    is_upper_snake(name).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Result<Header, String> {
        parse(&Source { path: "net_error_list.h".into(), text: text.into() })
    }

    #[test]
    fn entries_and_notes() {
        let parsed = header(
            "// Ranges:\n//     0- 99 System related errors\n\nNET_ERROR(IO_PENDING, -1)\n\
             // Error -2 was removed (FAILED).\n// Error -3 was removed\n// -4 was formerly ERR_OLD_FOUR\n\
             // -5 was FIVE which has been renumbered\n// -6 is availible: was SIX.\n// -7 was a mistake\n\
             NET_ERROR(LONG_NAME,\n          -8)  // trailing comment\n/* NET_ERROR(IN_BLOCK, -9) */\n",
        )
        .unwrap();
        assert_eq!(
            parsed.errors,
            vec![
                Entry { name: "IO_PENDING".into(), value: -1, line: 4 },
                Entry { name: "LONG_NAME".into(), value: -8, line: 11 },
            ]
        );
        let notes: Vec<(i64, NoteKind)> = parsed.notes.into_iter().map(|n| (n.value, n.kind)).collect();
        assert_eq!(
            notes,
            vec![
                (-2, NoteKind::Removed(Some("FAILED".into()))),
                (-3, NoteKind::Removed(None)),
                (-4, NoteKind::Removed(Some("OLD_FOUR".into()))),
                (-5, NoteKind::Removed(Some("FIVE".into()))),
                (-6, NoteKind::Available),
            ]
        );
    }

    #[test]
    fn malformed() {
        let error = |text: &str| header(text).unwrap_err();
        assert_eq!(
            error("NET_ERROR(A, -1)\nNET_ERROR(B -2)\n"),
            "net_error_list.h:2: expected NET_ERROR(NAME, value) with two arguments (found `NET_ERROR(B -2)`)"
        );
        assert_eq!(error("NET_ERROR(A, one)\n"), "net_error_list.h:1: NET_ERROR value is not an integer (found `one`)");
        assert_eq!(
            error("NET_ERROR(A, -1)\nNET_ERROR(B, -1)\n"),
            "net_error_list.h:2: NET_ERROR value -1 appears twice (first on line 1)"
        );
        assert_eq!(error("\nNET_ERROR(A,\n"), "net_error_list.h:2: NET_ERROR( is never closed");
        assert_eq!(
            error("int x = 1;\n"),
            "net_error_list.h:1: expected NET_ERROR(NAME, value), a comment or a blank line (found `int x = 1;`)"
        );
        assert_eq!(
            error("// nothing\n"),
            "net_error_list.h: no NET_ERROR(NAME, value) entries; is this net/base/net_error_list.h?"
        );
    }
}
