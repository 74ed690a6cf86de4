//! `--apply`: the mechanical part of taking over an upstream release.
//!
//! Adds a row for every new code with the upstream facts filled in (value,
//! name, status, group, an identifier derived from a free-text name, the
//! origin, the registry's reference, Chromium's certificate flag) and every
//! other field (description, category, retry, flags, `since`) left empty,
//! so that `cargo xtask generate` refuses the table until a person writes
//! them; marks codes upstream removed with the system's removal status
//! (`removed`, or `obsolete` for HTTP and TLS); moves a Chromium sentinel
//! (`CERT_END`) to its new value. Never deletes a row, never touches a
//! description, and leaves every other byte of the table as it was: an
//! edited row is written back with the same quoting rule as the files (quote
//! only a field that needs it), new rows go where their value sorts.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::chromium::is_certificate_error;
use super::diff::Change;
use super::iana::{identifier, normalize_reference};
use super::tables::{Format, System, Table};

/// The new contents of one table and what was done to it.
pub struct Edit {
    pub file: PathBuf,
    pub old: String,
    pub new: String,
    /// `data/qt/codes.csv:14: added ...`, in file order.
    pub done: Vec<String>,
    pub added: usize,
    pub marked: usize,
    pub moved: usize,
    /// Changes left for a person: renames, renumbers, reasons, ...
    pub left: usize,
}

/// What applying `changes` to `table` gives. `cert_end` is Chromium's
/// `CERT_END`, for the certificate flag of new rows.
pub fn plan(data: &Path, system: &System, table: &Table, changes: &[Change], cert_end: i64) -> Result<Edit, String> {
    let file = data.join(system.table());
    let old = fs::read_to_string(&file).map_err(|err| format!("{}: cannot read file ({err})", table.path))?;
    let mut doc = Document::parse(&old, system.own_source.as_deref()).map_err(|err| format!("{}: {err}", table.path))?;
    let (mut added, mut marked, mut moved, mut left) = (0, 0, 0, 0);
    for change in changes {
        match change {
            Change::Added { value, name, status, reference } => {
                let fields = new_row(system, &doc.columns, *value, name, status, reference, cert_end);
                let empty: Vec<&str> =
                    doc.columns.iter().zip(&fields).filter(|(_, f)| f.is_empty()).map(|(c, _)| c.as_str()).collect();
                let note = format!("{}; to fill in: {}", change.describe(system), empty.join(", "));
                doc.add(fields, note);
                added += 1;
            }
            Change::Removed { value, name, line, .. } => {
                let status = system.removal_status();
                doc.set(*line, "status", status);
                doc.note(*line, format!("marked {} {status}", system.code(name, *value)));
                marked += 1;
            }
            Change::Renumbered { name, new, line, sentinel: true, .. } => {
                doc.set(*line, "value", &new.to_string());
                doc.set(*line, "group", &system.group_of(*new));
                doc.float(*line);
                doc.note(*line, format!("moved sentinel {} to {new}", system.show(name)));
                moved += 1;
            }
            _ => left += 1,
        }
    }
    let (new, done) = doc.render(&table.path);
    Ok(Edit { file, old, new, done, added, marked, moved, left })
}

/// The fields of a new row, in the order of the table's `columns`.
fn new_row(
    system: &System,
    columns: &[String],
    value: i64,
    name: &str,
    status: &str,
    reference: &str,
    cert_end: i64,
) -> Vec<String> {
    columns
        .iter()
        .map(|column| match column.as_str() {
            "value" => value.to_string(),
            "name" => name.to_owned(),
            "status" => status.to_owned(),
            "group" => system.group_of(value),
            // A reserved "(Unused)" number has no name to derive one from.
            "ident" if status == "unused" => String::new(),
            "ident" => identifier(name),
            "source" => system.own_source.clone().unwrap_or_default(),
            "reference" => normalize_reference(reference),
            "certificate_error" if system.sync.format == Format::NetErrorList => {
                is_certificate_error(name, value, cert_end).to_string()
            }
            _ => String::new(),
        })
        .collect()
}

/// A CSV table as its header and one piece of text per record.
struct Document {
    /// Rows of other sources than this one sort after its row of the same value (HTTP vendors).
    own_source: Option<String>,
    /// Values run downwards (Chromium: 0, -1, -2, ...).
    descending: bool,
    header: String,
    columns: Vec<String>,
    pieces: Vec<Piece>,
}

struct Piece {
    /// The record's bytes, with its line ending.
    raw: String,
    fields: Vec<String>,
    /// Line in the original file; 0 for a new row.
    line: usize,
    /// Fields changed: write the record again.
    dirty: bool,
    /// Value changed or new: goes where its value sorts.
    floating: bool,
    note: Option<String>,
}

impl Document {
    fn parse(text: &str, own_source: Option<&str>) -> Result<Document, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(text.as_bytes());
        let mut records = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    let position = record.position().expect("the reader sets positions");
                    records.push((
                        position.byte() as usize,
                        position.line() as usize,
                        record.iter().map(str::to_owned).collect::<Vec<_>>(),
                    ));
                }
                Ok(false) => break,
                Err(err) => return Err(format!("cannot parse the table ({err})")),
            }
        }
        let Some((_, _, columns)) = records.first().cloned() else {
            return Err("the table is empty".to_owned());
        };
        let mut pieces = Vec::new();
        for (index, (start, line, fields)) in records.iter().enumerate().skip(1) {
            let end = records.get(index + 1).map_or(text.len(), |next| next.0);
            let raw = text[*start..end].to_owned();
            pieces.push(Piece { raw, fields: fields.clone(), line: *line, dirty: false, floating: false, note: None });
        }
        let header_end = records.get(1).map_or(text.len(), |r| r.0);
        let mut doc = Document {
            own_source: own_source.map(str::to_owned),
            descending: false,
            header: text[..header_end].to_owned(),
            columns,
            pieces,
        };
        let values: Vec<i64> = doc.pieces.iter().filter_map(|p| doc.key(&p.fields)).map(|(v, _)| v).collect();
        doc.descending = values.last() < values.first();
        Ok(doc)
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    fn piece(&mut self, line: usize) -> &mut Piece {
        self.pieces.iter_mut().find(|p| p.line == line).expect("changes name lines of the table they were read from")
    }

    fn set(&mut self, line: usize, column: &str, value: &str) {
        let Some(index) = self.column(column) else { return };
        let piece = self.piece(line);
        piece.fields[index] = value.to_owned();
        piece.dirty = true;
    }

    fn float(&mut self, line: usize) {
        self.piece(line).floating = true;
    }

    fn note(&mut self, line: usize, note: String) {
        self.piece(line).note = Some(note);
    }

    /// A new row, from fields in `columns` order, placed in the file's column order.
    fn add(&mut self, fields: Vec<String>, note: String) {
        self.pieces.push(Piece {
            raw: String::new(),
            fields,
            line: 0,
            dirty: true,
            floating: true,
            note: Some(note),
        });
    }

    /// Where a record sorts: Chromium counts down from 0, the others up; an
    /// HTTP registry row comes before the vendor meanings of its code.
    fn key(&self, fields: &[String]) -> Option<(i64, bool)> {
        let value: i64 = fields.get(self.column("value")?)?.parse().ok()?;
        let source = self.column("source").and_then(|s| fields.get(s));
        let vendor = source.is_some_and(|s| Some(s) != self.own_source.as_ref());
        Some((if self.descending { -value } else { value }, vendor))
    }

    /// The new text, and a line per note with the row's final line number.
    fn render(mut self, path: &str) -> (String, Vec<String>) {
        for piece in self.pieces.iter_mut().filter(|p| p.dirty) {
            piece.raw = record(&piece.fields);
        }
        let (mut floating, mut pieces): (Vec<Piece>, Vec<Piece>) = self.pieces.drain(..).partition(|p| p.floating);
        floating.sort_by_key(|p| self.key(&p.fields));
        for piece in floating {
            let key = self.key(&piece.fields);
            let at = pieces
                .iter()
                .position(|p| matches!((self.key(&p.fields), key), (Some(a), Some(b)) if a > b))
                .unwrap_or(pieces.len());
            if at > 0 && !pieces[at - 1].raw.ends_with('\n') {
                pieces[at - 1].raw.push('\n');
            }
            pieces.insert(at, piece);
        }
        let mut text = self.header.clone();
        let mut line = 1 + self.header.matches('\n').count();
        let mut done = Vec::new();
        for piece in &pieces {
            if let Some(note) = &piece.note {
                done.push(format!("{path}:{line}: {note}"));
            }
            text.push_str(&piece.raw);
            line += piece.raw.matches('\n').count();
        }
        (text, done)
    }
}

/// One CSV record as the data files write it: LF, quotes only where needed.
fn record(fields: &[String]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    writer.write_record(fields).expect("writing to memory");
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("fields are UTF-8")
}

/// Writes through a temporary file in the same directory and a rename, so
/// that an interrupted run leaves the table either old or new.
pub fn write(edit: &Edit) -> io::Result<()> {
    if edit.new == edit.old {
        return Ok(());
    }
    let dir = edit.file.parent().expect("tables live in a directory");
    let name = edit.file.file_name().expect("a file name").to_string_lossy();
    let temp = dir.join(format!(".{name}.tmp"));
    let mut file = fs::File::create(&temp)?;
    file.write_all(edit.new.as_bytes())?;
    file.sync_all()?;
    drop(file);
    fs::rename(&temp, &edit.file)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writing a record back gives the bytes the files hold: every table of
    /// data/ follows the quote-only-when-needed rule, so an edited row changes
    /// nothing but the field that was edited.
    #[test]
    fn records_round_trip_in_every_table() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let mut checked = 0;
        for system in super::super::tables::systems(&data).unwrap() {
            let text = fs::read_to_string(data.join(system.table())).unwrap();
            let doc = Document::parse(&text, system.own_source.as_deref()).unwrap();
            assert_eq!(doc.header, record(&doc.columns));
            for piece in &doc.pieces {
                assert_eq!(piece.raw, record(&piece.fields), "{}: line {}", system.table(), piece.line);
                checked += 1;
            }
            let (again, done) = doc.render("x");
            assert_eq!(again, text);
            assert!(done.is_empty());
        }
        assert!(checked > 300, "{checked}");
    }

    #[test]
    fn new_rows_sort_into_place() {
        let text = "value,source,name\n100,iana,A\n420,twitter,B\n421,iana,C\n";
        let mut doc = Document::parse(text, Some("iana")).unwrap();
        doc.add(vec!["420".into(), "iana".into(), "NEW".into()], "new".into());
        doc.add(vec!["999".into(), "iana".into(), "LAST".into()], "last".into());
        doc.add(vec!["1".into(), "iana".into(), "FIRST, \"quoted\"".into()], "first".into());
        let (text, done) = doc.render("t.csv");
        assert_eq!(
            text,
            "value,source,name\n1,iana,\"FIRST, \"\"quoted\"\"\"\n100,iana,A\n420,iana,NEW\n420,twitter,B\n421,iana,C\n999,iana,LAST\n"
        );
        assert_eq!(done, vec!["t.csv:2: first", "t.csv:4: new", "t.csv:7: last"]);

        let mut doc = Document::parse("name,value\nOK,0\nB,-2\nC,-4", None).unwrap();
        doc.add(vec!["D".into(), "-5".into()], "d".into());
        doc.add(vec!["A".into(), "-3".into()], "a".into());
        assert_eq!(doc.render("t.csv").0, "name,value\nOK,0\nB,-2\nA,-3\nC,-4\nD,-5\n");
    }
}
