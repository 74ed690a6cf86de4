//! `cargo xtask upstream diff`: what a new upstream release (Chromium's
//! error list, Qt's or curl's header, gRPC's code.proto, an IANA registry)
//! changed compared with data/, one line per change; `--apply` takes over
//! the mechanical part (new rows, removals) and leaves the rest to a person.
//!
//! Which systems have an upstream file, and how to read it, is data: the
//! `[sync]` table of each system.toml (`--<id> FILE` for each).
//!
//! Exit status: 0 when upstream and data/ agree, 1 when they differ (with
//! `--apply` too: it reports what it found before applying it), 2 when a
//! file cannot be read or is not in the expected format. Every file that can
//! be read is compared and reported even then; `--apply` writes nothing
//! unless every file could be read.

mod apply;
pub mod c_enum;
pub mod chromium;
mod diff;
pub mod iana;
pub mod proto;
mod tables;
pub mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use diff::Change;
use tables::{Format, System, Table};
use text::Source;

pub const USAGE: &str = "cargo xtask upstream diff [--<system> FILE]... [--apply]";

/// The older spelling of `--http`, from before every system had its option.
const HTTP_ALIAS: &str = "iana";

struct Options {
    files: Vec<(usize, PathBuf)>,
    apply: bool,
}

/// The options, with the index in `systems` of each file's system.
fn parse_args(args: &[&str], systems: &[System]) -> Result<Options, String> {
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
        let id = flag.strip_prefix("--").map(|id| if id == HTTP_ALIAS { "http" } else { id });
        let Some(system) = systems.iter().position(|s| Some(s.id.as_str()) == id) else {
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
            return Err(format!("--{} is given twice", systems[system].id));
        }
        options.files.push((system, PathBuf::from(value)));
    }
    if options.files.is_empty() {
        return Err("name at least one upstream file".to_owned());
    }
    options.files.sort();
    Ok(options)
}

/// The options every system with a `[sync]` table offers, for the usage message.
fn usage(systems: &[System]) -> String {
    let mut text = format!("usage: {USAGE}\n");
    for system in systems {
        text.push_str(&format!("  --{:<10} {}\n", system.id, system.sync.file));
    }
    text
}

/// An upstream file, parsed.
enum Upstream {
    Chromium(chromium::Header),
    Enum(Vec<chromium::Entry>),
    Registry(Vec<iana::Entry>),
}

impl Upstream {
    fn parse(system: &System, source: &Source) -> Result<Upstream, String> {
        let sync = &system.sync;
        let enum_name = sync.enum_name.as_deref().unwrap_or_default();
        let without_sentinels = |mut entries: Vec<chromium::Entry>| {
            entries.retain(|e| !sync.not_codes.contains(&e.name));
            entries
        };
        Ok(match sync.format {
            Format::NetErrorList => Upstream::Chromium(chromium::parse(source)?),
            Format::CEnum => Upstream::Enum(without_sentinels(c_enum::parse(source, enum_name)?)),
            Format::ProtoEnum => Upstream::Enum(without_sentinels(proto::parse(source, enum_name)?)),
            Format::IanaCsv => Upstream::Registry(iana::parse(source, sync, system.bounds, system.several_meanings)?),
        })
    }

    fn diff(&self, system: &System, table: &Table) -> Vec<Change> {
        match self {
            Upstream::Chromium(header) => diff::named(&header.errors, &header.notes, &table.rows, true),
            Upstream::Enum(entries) => diff::named(entries, &[], &table.rows, false),
            Upstream::Registry(entries) => diff::registry(entries, &table.rows, system),
        }
    }

    /// What was compared, for the "no change" line.
    fn size(&self) -> String {
        match self {
            Upstream::Chromium(header) => format!("{} NET_ERROR entries", header.errors.len()),
            Upstream::Enum(entries) => format!("{} enumerators", entries.len()),
            Upstream::Registry(entries) => {
                let codes = entries.iter().filter(|e| matches!(e.kind, iana::Kind::Code { .. })).count();
                format!("{codes} registered codes")
            }
        }
    }
}

pub fn run(root: &Path, args: &[&str]) -> ExitCode {
    let systems = match tables::systems(&root.join("data")) {
        Ok(systems) => systems,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("error: nothing was compared");
            return ExitCode::from(2);
        }
    };
    let options = match parse_args(args, &systems) {
        Ok(options) => options,
        Err(message) => {
            eprint!("error: {message}\n{}", usage(&systems));
            return ExitCode::from(2);
        }
    };
    match execute(root, &systems, &options) {
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
fn execute(root: &Path, systems: &[System], options: &Options) -> Result<bool, Failure> {
    // Every input is read before anything is compared or written; one that
    // cannot be read does not keep the others from being compared.
    let data = root.join("data");
    let mut problems = Vec::new();
    let mut compared = Vec::new();
    for (index, path) in &options.files {
        let system = &systems[*index];
        let read = Source::read(path)
            .and_then(|source| Upstream::parse(system, &source))
            .map_err(|problem| vec![problem])
            .and_then(|upstream| Ok((upstream, tables::read(&data, system)?)));
        match read {
            Ok((upstream, table)) => {
                let changes = upstream.diff(system, &table);
                compared.push((system, upstream, table, changes));
            }
            Err(mut found) => problems.append(&mut found),
        }
    }

    for (system, upstream, _, changes) in &compared {
        let label = &system.id;
        if changes.is_empty() {
            println!("{label}: no change ({})", upstream.size());
        }
        for change in changes {
            println!("{label}: {}", change.describe(system));
        }
    }
    let differs = compared.iter().any(|(_, _, _, changes)| !changes.is_empty());
    if !problems.is_empty() {
        return Err(Failure::Input { problems, compared: compared.len() });
    }
    if options.apply {
        apply_all(&data, &compared)?;
    }
    Ok(differs)
}

fn apply_all(data: &Path, compared: &[(&System, Upstream, Table, Vec<Change>)]) -> Result<(), Failure> {
    let mut edits = Vec::new();
    for (system, upstream, table, changes) in compared {
        let cert_end = match upstream {
            Upstream::Chromium(header) => header.cert_end(),
            _ => None,
        }
        .or_else(|| table.rows.iter().find(|r| r.name == "CERT_END").map(|r| r.value))
        .unwrap_or(-300);
        edits.push(
            apply::plan(data, system, table, changes, cert_end)
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
        "apply: {added} row(s) added, {marked} marked removed or obsolete, {moved} sentinel(s) moved; \
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
