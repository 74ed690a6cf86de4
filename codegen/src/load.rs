//! Reading `data/`: files, CSV records and TOML documents, with every
//! structural problem reported by file and line. Meaning is checked later, in
//! `validate`.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::Diagnostics;

/// Tables are small; anything larger is a mistake, not data.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A CSV table whose header was checked: every row has every column, in the
/// order the caller asked for (required columns, then the optional ones the
/// file has).
#[derive(Debug)]
pub struct CsvTable {
    pub path: String,
    pub columns: Vec<String>,
    pub rows: Vec<CsvRow>,
}

impl CsvTable {
    /// Where a column's field is in every row, if the file has the column.
    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == column)
    }
}

#[derive(Debug)]
pub struct CsvRow {
    pub line: usize,
    pub fields: Vec<String>,
}

impl CsvRow {
    pub fn get(&self, column: usize) -> &str {
        &self.fields[column]
    }
}

/// `data/` plus a relative path, as diagnostics spell it.
pub fn display_path(relative: &str) -> String {
    format!("data/{relative}")
}

/// Reads a whole file as UTF-8 text, or reports why it cannot be read.
pub fn read_text(root: &Path, relative: &str, diags: &mut Diagnostics) -> Option<String> {
    let path = display_path(relative);
    diags.note_read(relative);
    let full = root.join(relative);
    let metadata = match std::fs::metadata(&full) {
        Ok(metadata) => metadata,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            diags.push(&path, None, "file is missing");
            return None;
        }
        Err(err) => {
            diags.push(&path, None, format!("cannot read file ({err})"));
            return None;
        }
    };
    if metadata.is_dir() {
        diags.push(&path, None, "is a directory, expected a file");
        return None;
    }
    if metadata.len() > MAX_FILE_BYTES {
        diags.push(
            &path,
            None,
            format!("file is larger than the {} MiB limit ({} bytes)", MAX_FILE_BYTES / 1024 / 1024, metadata.len()),
        );
        return None;
    }
    let bytes = match std::fs::read(&full) {
        Ok(bytes) => bytes,
        Err(err) => {
            diags.push(&path, None, format!("cannot read file ({err})"));
            return None;
        }
    };
    if bytes.starts_with(b"\xef\xbb\xbf") {
        diags.at(&path, 1, "file starts with a UTF-8 byte-order mark; save it without one");
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            let bytes = err.as_bytes();
            let at = err.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            diags.at(&path, line, format!("not valid UTF-8 (byte 0x{:02x})", bytes[at]));
            None
        }
    }
}

pub use codegen_text::line_of;

/// Reads a TOML document into `T`; unknown keys and wrong types are errors.
pub fn read_toml<T: DeserializeOwned>(root: &Path, relative: &str, diags: &mut Diagnostics) -> Option<(T, String)> {
    let text = read_text(root, relative, diags)?;
    let path = display_path(relative);
    match toml::from_str::<T>(&text) {
        Ok(value) => Some((value, text)),
        Err(err) => {
            let line = err.span().map_or(1, |span| line_of(&text, span.start));
            diags.at(&path, line, err.message().trim().to_owned());
            None
        }
    }
}

/// Reads a CSV table with every `required` column and any of the `optional`
/// ones (in any order in the file) and returns its rows with fields in the
/// order of [`CsvTable::columns`]. Problems with the layout (line endings,
/// blank lines, open quotes, header, field count, NUL) are reported here;
/// rows with the wrong number of fields are left out, each with its line.
pub fn read_csv(
    root: &Path,
    relative: &str,
    required: &[&str],
    optional: &[&str],
    diags: &mut Diagnostics,
) -> Option<CsvTable> {
    let text = read_text(root, relative, diags)?;
    let path = display_path(relative);
    if !scan_layout(&text, &path, diags) {
        return None;
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(err)) => {
            diags.at(&path, 1, format!("cannot parse the header row ({err})"));
            return None;
        }
        None => {
            diags.at(&path, 1, format!("file is empty; expected a header row ({})", required.join(",")));
            return None;
        }
    };
    let present: Vec<&str> = optional.iter().copied().filter(|c| header.iter().any(|h| h == *c)).collect();
    let columns: Vec<&str> = required.iter().chain(&present).copied().collect();
    let order = check_header(&header, required, optional, &columns, &path, diags)?;

    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(1, |pos| pos.line() as usize);
                diags.at(&path, line, format!("cannot parse the record ({err})"));
                continue;
            }
        };
        let line = record.position().map_or(1, |pos| pos.line() as usize);
        if record.len() != columns.len() {
            let hint = if record.len() > columns.len() && record.iter().next_back() == Some("") {
                "; is there a trailing comma?"
            } else {
                ""
            };
            diags.at(
                &path,
                line,
                format!("record has {} fields, the header has {}{hint}", record.len(), columns.len()),
            );
            continue;
        }
        let mut fields = vec![String::new(); columns.len()];
        for (position, field) in record.iter().enumerate() {
            if field.contains('\0') {
                diags.at(
                    &path,
                    line,
                    format!("column `{}` holds a NUL character, which C strings cannot carry ({field:?})", header.get(position).unwrap_or("")),
                );
            }
            fields[order[position]] = field.to_owned();
        }
        rows.push(CsvRow { line, fields });
    }
    Some(CsvTable { path, columns: columns.iter().map(|c| (*c).to_owned()).collect(), rows })
}

/// For each column of the file, its index in `columns`; `None` if the header is wrong.
fn check_header(
    header: &csv::StringRecord,
    required: &[&str],
    optional: &[&str],
    columns: &[&str],
    path: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<usize>> {
    let mut order = Vec::with_capacity(header.len());
    let mut seen = vec![false; columns.len()];
    let mut ok = true;
    for name in header.iter() {
        match columns.iter().position(|c| *c == name) {
            Some(index) if seen[index] => {
                diags.at(path, 1, format!("column appears twice in the header ({name})"));
                ok = false;
            }
            Some(index) => {
                seen[index] = true;
                order.push(index);
            }
            None => {
                let also = if optional.is_empty() { String::new() } else { format!(" and optionally {}", optional.join(",")) };
                diags.at(path, 1, format!("unknown column; expected {}{also} ({name})", required.join(",")));
                ok = false;
            }
        }
    }
    for (index, column) in columns.iter().enumerate() {
        if !seen[index] {
            diags.at(path, 1, format!("missing column ({column})"));
            ok = false;
        }
    }
    ok.then_some(order)
}

/// Checks what the CSV parser would silently accept: CR line endings, blank
/// lines, and a quote that is never closed. Returns false if any was found.
fn scan_layout(text: &str, path: &str, diags: &mut Diagnostics) -> bool {
    let mut ok = true;
    let mut line = 1;
    let mut in_quotes = false;
    let mut quote_line = 0;
    let mut at_line_start = true;
    let mut reported_cr = false;
    for &byte in text.as_bytes() {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                if in_quotes {
                    quote_line = line;
                }
                at_line_start = false;
            }
            b'\r' if !in_quotes => {
                if !reported_cr {
                    diags.at(path, line, "CR line ending (CRLF); data files use LF only");
                    reported_cr = true;
                }
                ok = false;
            }
            b'\n' => {
                if at_line_start && !in_quotes {
                    diags.at(path, line, "blank line");
                    ok = false;
                }
                line += 1;
                at_line_start = !in_quotes;
            }
            _ => at_line_start = false,
        }
    }
    if in_quotes {
        diags.at(path, quote_line, "quote opened here is never closed");
        ok = false;
    }
    ok
}

/// Reports every file and folder under `root` that the loader never read:
/// a table nothing reads would otherwise vanish without a word. `data/README.md`
/// documents the tables and is the one file that is not data.
pub fn report_unread(root: &Path, diags: &mut Diagnostics) {
    let mut pending = vec![String::new()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else { continue };
        let mut names: Vec<(String, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().is_dir()))
            .collect();
        names.sort();
        for (name, is_dir) in names {
            let relative = if dir.is_empty() { name } else { format!("{dir}/{name}") };
            if relative == "README.md" || diags.was_read(&relative) {
                continue;
            }
            if !is_dir {
                diags.push(&display_path(&relative), None, "file is not part of any table; nothing reads it");
            } else if diags.read_inside(&relative) {
                pending.push(relative);
            } else {
                diags.push(
                    &display_path(&relative),
                    None,
                    "folder is not a code system or mapping that netcodes knows; nothing reads it",
                );
            }
        }
    }
}
