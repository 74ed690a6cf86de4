// {{ notice }}
//! The `netcodes` command: every code a number or a name stands for, explained.
//!
//! ```text
//! netcodes 499
//! netcodes net::ERR_NAME_NOT_RESOLVED
//! netcodes -105 --json
//! ```
//!
//! `cargo install netcodes` installs it (`cargo install --path .` in a
//! checkout of the crate). The Python package's `python -m netcodes` answers
//! the same, byte for byte.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use netcodes::{Category, Retry};

const HELP: &str = {{ help }};

/// One meaning of a code, as the command shows it.
struct Meaning {
    name: Option<&'static str>,
    identifier: &'static str,
    source: &'static str,
    status: &'static str,
    category: Category,
    retry: Retry,
    description: &'static str,
}

/// Where a code maps to in another system.
struct Mapping {
    system: &'static str,
    value: i128,
    name: &'static str,
    kind: &'static str,
    note: Option<&'static str>,
}

/// One system's code that a query is the number or a name of.
struct Entry {
    system: &'static str,
    value: i128,
    retired: bool,
    meanings: Vec<Meaning>,
    mappings: Vec<Mapping>,
}

/// A function that finds the code of one system: by number if the query is
/// one, else by name.
type Finder = fn(Option<i128>, &str) -> Option<Entry>;

/// Defines the finder of one system, with the mapping functions that take
/// its codes.
macro_rules! system {
    ($finder:ident, $id:literal, $code:ty, $int:ty, [$(($target:literal, $mapping:path)),* $(,)?]) => {
        fn $finder(number: Option<i128>, text: &str) -> Option<Entry> {
            let code = match number {
                Some(number) => {
                    let code = <$code>::new(<$int>::try_from(number).ok()?);
                    if !code.is_known() && !code.is_retired() {
                        return None;
                    }
                    code
                }
                None => <$code>::from_name(text)?,
            };
            let meanings: Vec<Meaning> = code
                .meanings()
                .map(|m| Meaning {
                    name: m.name(),
                    identifier: m.ident(),
                    source: m.source().id(),
                    status: m.status().id(),
                    category: m.category(),
                    retry: m.retry(),
                    description: m.description(),
                })
                .collect();
            #[allow(unused_mut, reason = "a system no mapping starts from pushes nothing")]
            let mut mappings = Vec::new();
            $(
                if let Some(rule) = $mapping(code.code()) {
                    let first = rule.to.meanings().next().expect("a mapping's target is a known code");
                    mappings.push(Mapping {
                        system: $target,
                        value: i128::from(rule.to.code()),
                        name: first.name().unwrap_or(first.ident()),
                        kind: rule.kind.id(),
                        note: rule.note,
                    });
                }
            )*
            Some(Entry {
                system: $id,
                value: i128::from(code.code()),
                retired: meanings.is_empty() && code.is_retired(),
                meanings,
                mappings,
            })
        }
    };
}
{% for s in systems %}
system!({{ s.finder }}, {{ s.id }}, {{ s.code_type }}, {{ s.int }}, [
{%- for (target, mapping) in s.mappings %}
    ({{ target }}, {{ mapping }}),
{%- endfor %}
]);
{%- endfor %}

/// Every system, in the order of data/.
const SYSTEMS: [Finder; {{ systems.len() }}] = [{% for s in systems %}{{ s.finder }}{% if !loop.last %}, {% endif %}{% endfor %}];

/// The number `text` spells in ASCII digits, an optional sign and white
/// space around; None for anything else, or beyond `i128`.
fn number(text: &str) -> Option<i128> {
    let text = text.trim_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn find(text: &str) -> Vec<Entry> {
    let number = number(text);
    SYSTEMS.iter().filter_map(|finder| finder(number, text)).collect()
}

fn text(entry: &Entry, out: &mut String) {
    let head = format!("{} {}", entry.system, entry.value);
    if entry.retired {
        let _ = writeln!(out, "{head} retired: upstream no longer uses this number");
        return;
    }
    for m in &entry.meanings {
        let _ = write!(
            out,
            "{head} {}\n  identifier   {}\n  source       {}\n  status       {}\n  category     {} ({})\n  retry        {} ({})\n  description  {}\n",
            m.name.unwrap_or(m.identifier),
            m.identifier,
            m.source,
            m.status,
            m.category.id(),
            m.category.title(),
            m.retry.id(),
            m.retry.title(),
            m.description,
        );
    }
    for rule in &entry.mappings {
        let note = rule.note.map(|note| format!(": {note}")).unwrap_or_default();
        let _ = writeln!(out, "{head} maps to {} {} {} ({}){note}", rule.system, rule.value, rule.name, rule.kind);
    }
}

/// A JSON value, written as Python's `json.dumps(value, indent=2)` writes it.
enum Json {
    Null,
    Bool(bool),
    Int(i128),
    Str(&'static str),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    fn text(text: Option<&'static str>) -> Json {
        text.map_or(Json::Null, Json::Str)
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => {
                let _ = write!(out, "{value}");
            }
            Json::Str(text) => write_json_string(out, text),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                indent(out, depth);
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    write_json_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// A JSON string in pure ASCII, escaped as Python's `json` module escapes it.
fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

fn json(entry: &Entry) -> Json {
    let meanings = entry.meanings.iter().map(|m| {
        Json::Object(vec![
            ("name", Json::text(m.name)),
            ("identifier", Json::Str(m.identifier)),
            ("source", Json::Str(m.source)),
            ("status", Json::Str(m.status)),
            ("category", Json::Str(m.category.id())),
            ("retry", Json::Str(m.retry.id())),
            ("description", Json::Str(m.description)),
        ])
    });
    let mappings = entry.mappings.iter().map(|rule| {
        Json::Object(vec![
            ("system", Json::Str(rule.system)),
            ("value", Json::Int(rule.value)),
            ("name", Json::Str(rule.name)),
            ("kind", Json::Str(rule.kind)),
            ("note", Json::text(rule.note)),
        ])
    });
    Json::Object(vec![
        ("system", Json::Str(entry.system)),
        ("value", Json::Int(entry.value)),
        ("retired", Json::Bool(entry.retired)),
        ("meanings", Json::Array(meanings.collect())),
        ("mappings", Json::Array(mappings.collect())),
    ])
}

fn main() -> ExitCode {
    let mut as_json = false;
    let mut queries = Vec::new();
    let mut options = true;
    for arg in std::env::args_os().skip(1) {
        let arg = arg.to_string_lossy().into_owned();
        if options && arg == "--" {
            options = false;
        } else if options && (arg == "-h" || arg == "--help") {
            print(HELP);
            return ExitCode::SUCCESS;
        } else if options && arg == "--json" {
            as_json = true;
        } else if options && arg.starts_with("--") {
            eprint!("netcodes: unknown option {arg}\n{HELP}");
            return ExitCode::from(2);
        } else {
            queries.push(arg);
        }
    }
    if queries.is_empty() {
        eprint!("{HELP}");
        return ExitCode::from(2);
    }
    let mut entries = Vec::new();
    let mut unknown = false;
    for query in &queries {
        let found = find(query);
        if found.is_empty() {
            eprintln!("netcodes: no system has a code numbered or named \"{query}\" ({{ system_list }})");
            unknown = true;
        }
        entries.extend(found);
    }
    let mut out = String::new();
    if as_json {
        Json::Array(entries.iter().map(json).collect()).write(&mut out, 0);
        out.push('\n');
    } else {
        for entry in &entries {
            text(entry, &mut out);
        }
    }
    print(&out);
    ExitCode::from(u8::from(unknown))
}

/// Writes to standard output; a closed pipe (`netcodes 499 | head -1`) is
/// not an error worth a panic.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
