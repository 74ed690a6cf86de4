//! `cargo xtask upstream diff`: what a new Chromium, Qt or IANA release
//! changed compared with data/, one line per change; `--apply` takes over
//! the mechanical part (new rows, removals) and leaves the rest to a person.
//!
//! Exit status: 0 when upstream and data/ agree, 1 when they differ (with
//! `--apply` too: it reports what it found before applying it), 2 when a
//! file cannot be read or is not in the expected format. Every file that can
//! be read is compared and reported even then; `--apply` writes nothing
//! unless every file could be read.

mod apply;
pub mod chromium;
mod diff;
pub mod iana;
pub mod qt;
mod tables;
pub mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use diff::Change;
use tables::{System, Table};
use text::Source;

pub const USAGE: &str = "cargo xtask upstream diff [--chromium FILE] [--qt FILE] [--iana FILE] [--apply]";

struct Options {
    files: Vec<(System, PathBuf)>,
    apply: bool,
}

fn parse_args(args: &[&str]) -> Result<Options, String> {
    let mut options = Options { files: Vec::new(), apply: false };
    let Some((&"diff", mut rest)) = args.split_first() else {
        return Err("expected `upstream diff`".to_owned());
    };
    while let Some((&arg, tail)) = rest.split_first() {
        rest = tail;
        if arg == "--apply" {
            options.apply = true;
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value)),
            None => (arg, None),
        };
        let Some(system) = System::ALL.into_iter().find(|s| flag.strip_prefix("--") == Some(s.label())) else {
            return Err(format!("unknown option {arg}"));
        };
        let value = match inline {
            Some(value) => value,
            None => {
                let Some((&value, tail)) = rest.split_first() else {
                    return Err(format!("{flag} needs a file"));
                };
                rest = tail;
                value
            }
        };
        if value.is_empty() {
            return Err(format!("{flag} needs a file"));
        }
        if options.files.iter().any(|(s, _)| *s == system) {
            return Err(format!("{flag} is given twice"));
        }
        options.files.push((system, PathBuf::from(value)));
    }
    if options.files.is_empty() {
        return Err("name at least one upstream file: --chromium, --qt or --iana".to_owned());
    }
    options.files.sort();
    Ok(options)
}

/// An upstream file, parsed.
enum Upstream {
    Chromium(chromium::Header),
    Qt(Vec<chromium::Entry>),
    Iana(Vec<iana::Entry>),
}

impl Upstream {
    fn parse(system: System, source: &Source) -> Result<Upstream, String> {
        Ok(match system {
            System::Chromium => Upstream::Chromium(chromium::parse(source)?),
            System::Qt => Upstream::Qt(qt::parse(source)?),
            System::Iana => Upstream::Iana(iana::parse(source)?),
        })
    }

    fn diff(&self, table: &Table) -> Vec<Change> {
        match self {
            Upstream::Chromium(header) => diff::named(System::Chromium, &header.errors, &header.notes, &table.rows),
            Upstream::Qt(entries) => diff::named(System::Qt, entries, &[], &table.rows),
            Upstream::Iana(entries) => diff::iana(entries, &table.rows),
        }
    }

    /// What was compared, for the "no change" line.
    fn size(&self) -> String {
        match self {
            Upstream::Chromium(header) => format!("{} NET_ERROR entries", header.errors.len()),
            Upstream::Qt(entries) => format!("{} enumerators", entries.len()),
            Upstream::Iana(entries) => {
                let codes = entries.iter().filter(|e| e.kind != iana::Kind::Unassigned).count();
                format!("{codes} registered codes")
            }
        }
    }
}

pub fn run(root: &Path, args: &[&str]) -> ExitCode {
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}\nusage: {USAGE}");
            return ExitCode::from(2);
        }
    };
    match execute(root, &options) {
        Ok(differs) => ExitCode::from(u8::from(differs)),
        Err(Failure::Input { problems, compared }) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let what = if compared == 0 { "nothing was compared" } else { "those files were not compared" };
            eprintln!("error: {what}{}", if options.apply { ", and nothing was written" } else { "" });
            ExitCode::from(2)
        }
        Err(Failure::Write(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    /// Unreadable or malformed input (upstream files or data/ tables); the
    /// other files were compared and reported, and nothing was written.
    Input { problems: Vec<String>, compared: usize },
    /// A table could not be written (those before it were).
    Write(String),
}

/// Compares (and applies); true when upstream and data/ differ.
fn execute(root: &Path, options: &Options) -> Result<bool, Failure> {
    // Every input is read before anything is compared or written; one that
    // cannot be read does not keep the others from being compared.
    let data = root.join("data");
    let mut problems = Vec::new();
    let mut compared = Vec::new();
    for (system, path) in &options.files {
        let read = Source::read(path)
            .and_then(|source| Upstream::parse(*system, &source))
            .map_err(|problem| vec![problem])
            .and_then(|upstream| Ok((upstream, tables::read(&data, *system)?)));
        match read {
            Ok((upstream, table)) => {
                let changes = upstream.diff(&table);
                compared.push((upstream, table, changes));
            }
            Err(mut found) => problems.append(&mut found),
        }
    }

    for (upstream, table, changes) in &compared {
        let label = table.system.label();
        if changes.is_empty() {
            println!("{label}: no change ({})", upstream.size());
        }
        for change in changes {
            println!("{label}: {}", change.describe(table.system));
        }
    }
    let differs = compared.iter().any(|(_, _, changes)| !changes.is_empty());
    if !problems.is_empty() {
        return Err(Failure::Input { problems, compared: compared.len() });
    }
    if options.apply {
        apply_all(&data, &compared)?;
    }
    Ok(differs)
}

fn apply_all(data: &Path, compared: &[(Upstream, Table, Vec<Change>)]) -> Result<(), Failure> {
    let mut edits = Vec::new();
    for (upstream, table, changes) in compared {
        let cert_end = match upstream {
            Upstream::Chromium(header) => header.cert_end(),
            _ => None,
        }
        .or_else(|| table.rows.iter().find(|r| r.name == "CERT_END").map(|r| r.value))
        .unwrap_or(-300);
        edits.push(
            apply::plan(data, table, changes, cert_end)
                .map_err(|problem| Failure::Input { problems: vec![problem], compared: compared.len() })?,
        );
    }
    for edit in &edits {
        apply::write(edit).map_err(|err| Failure::Write(format!("writing {}: {err}", edit.file.display())))?;
    }
    let mut totals = [0; 4];
    for edit in &edits {
        for line in &edit.done {
            println!("apply: {line}");
        }
        for (total, count) in totals.iter_mut().zip([edit.added, edit.marked, edit.moved, edit.left]) {
            *total += count;
        }
    }
    let [added, marked, moved, left] = totals;
    println!(
        "apply: {added} row(s) added, {marked} marked removed (obsolete for HTTP), {moved} sentinel(s) moved; \
         {left} change(s) left to edit by hand"
    );
    if added > 0 {
        println!(
            "apply: next, fill in the empty fields of the added rows, map new current codes in data/map/, \
             then run `cargo xtask generate`"
        );
    }
    Ok(())
}
