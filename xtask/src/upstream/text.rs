//! Reading upstream files: located problems, C++ comments, identifiers.

use std::path::Path;

/// An upstream file as text, with the path it was named by on the command line.
pub struct Source {
    pub path: String,
    pub text: String,
}

impl Source {
    /// Reads `path` as UTF-8 (a byte-order mark is dropped), or says why not.
    pub fn read(path: &Path) -> Result<Source, String> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|err| format!("{shown}: cannot read file ({err})"))?;
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Source { path: shown, text: text.to_owned() }),
            Err(err) => {
                let at = err.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(format!("{shown}:{line}: not valid UTF-8 (byte 0x{:02x})", bytes[at]))
            }
        }
    }

    /// `path:line: message`
    pub fn at(&self, line: usize, message: String) -> String {
        format!("{}:{line}: {message}", self.path)
    }

    /// `path: message`, for a problem with the file as a whole.
    pub fn whole(&self, message: String) -> String {
        format!("{}: {message}", self.path)
    }
}

/// Splits C++ text into lines, each as its code (comments removed, string
/// literals kept) and the text of the comments on that line. A block comment
/// contributes its part on each line it spans.
pub fn split_comments(source: &Source) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut lines = Vec::new();
    let mut block_start: Option<usize> = None;
    for (index, line) in source.text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut code = String::new();
        let mut comments = Vec::new();
        let mut rest = line;
        loop {
            if block_start.is_some() {
                match rest.find("*/") {
                    Some(end) => {
                        comments.push(rest[..end].to_owned());
                        rest = &rest[end + 2..];
                        block_start = None;
                        code.push(' ');
                    }
                    None => {
                        comments.push(rest.to_owned());
                        break;
                    }
                }
                continue;
            }
            match find_comment(rest) {
                Some((at, true)) => {
                    code.push_str(&rest[..at]);
                    comments.push(rest[at + 2..].to_owned());
                    break;
                }
                Some((at, false)) => {
                    code.push_str(&rest[..at]);
                    rest = &rest[at + 2..];
                    block_start = Some(index + 1);
                }
                None => {
                    code.push_str(rest);
                    break;
                }
            }
        }
        lines.push((code, comments));
    }
    if let Some(start) = block_start {
        return Err(source.at(start, "comment opened with /* is never closed".to_owned()));
    }
    Ok(lines)
}

/// The first `//` (true) or `/*` (false) outside a string or character literal.
fn find_comment(code: &str) -> Option<(usize, bool)> {
    outside_literals(code, |i, byte| match (byte, code.as_bytes().get(i + 1)) {
        (b'/', Some(b'/')) => Some((i, true)),
        (b'/', Some(b'*')) => Some((i, false)),
        _ => None,
    })
}

/// Calls `visit` with each byte of `code` (and its offset) that is not inside
/// a string or character literal, the quotes included, until it answers `Some`.
pub fn outside_literals<T>(code: &str, mut visit: impl FnMut(usize, u8) -> Option<T>) -> Option<T> {
    let bytes = code.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match quote {
            Some(_) if byte == b'\\' => i += 1,
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None => {
                if let Some(found) = visit(i, byte) {
                    return Some(found);
                }
            }
        }
        i += 1;
    }
    None
}

/// `NAME_NOT_RESOLVED`: capitals, digits and single underscores, starting with a capital.
pub fn is_upper_snake(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && !name.ends_with('_')
}

/// A C++ identifier.
pub fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// An integer literal: decimal or `0x` hexadecimal, optionally negative.
pub fn parse_integer(text: &str) -> Option<i64> {
    let (negative, digits) = match text.trim().strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.trim()),
    };
    let value = match digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => i64::from_str_radix(hex, 16).ok()?,
        None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => digits.parse().ok()?,
        _ => return None,
    };
    Some(if negative { -value } else { value })
}
