//! Reading every code back out of each generated output: the C header (a
//! compiled program), the Python package (an interpreter), the Rust crate (a
//! built binary) and the Markdown pages (pulldown-cmark). Each returns the
//! same [`Row`]s, so a test compares them with what `data/` says.
//!
//! Text crosses process boundaries hex-encoded, so every byte is compared.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use codegen::model::{Mapping, Model, System};

use crate::{repo_root, run, stdout};

/// What one output answers for one value of one system.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub system: String,
    pub value: i64,
    /// `None`: the output does not know the code.
    pub name: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub retry: Option<String>,
}

/// The values every output is asked about: every code, every retired
/// number, and values no system uses.
pub fn probes(system: &System) -> Vec<i64> {
    let mut values: Vec<i64> = system.codes.iter().chain(&system.retired).map(|c| c.value).collect();
    for extra in [system.min - 1, system.max + 1, system.min, system.max, 0, 1, -1, 600, 999, 1000] {
        values.push(extra);
    }
    // Only values the system's integer type can carry.
    let (lo, hi) = match system.int_type {
        codegen::model::IntType::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        codegen::model::IntType::U16 => (0, i64::from(u16::MAX)),
    };
    values.retain(|v| (lo..=hi).contains(v));
    values.sort_unstable();
    values.dedup();
    values
}

/// What `data/` says the outputs must answer.
pub fn expected(model: &Model) -> Vec<Row> {
    let mut rows = Vec::new();
    for system in &model.systems {
        for value in probes(system) {
            let code = system.codes.iter().find(|c| c.value == value && c.primary);
            rows.push(Row {
                system: system.id.clone(),
                value,
                name: code.and_then(|c| (!c.name.is_empty()).then(|| c.name.clone())),
                description: code.map(|c| c.description.clone()),
                category: code.map(|c| model.categories[c.category].id.clone()),
                retry: code.map(|c| model.retries[c.retry].id.clone()),
            });
        }
    }
    for (mapping, value) in mapping_probes(model) {
        let rule = mapping.rule_for(value).expect("probe is covered");
        rows.push(Row {
            system: format!("map:{}", mapping.id),
            value,
            name: None,
            description: (!rule.note.is_empty()).then(|| rule.note.clone()),
            category: Some(rule.to.to_string()),
            retry: Some(rule.kind.id().to_owned()),
        });
    }
    rows.sort();
    rows
}

/// One value per mapping rule that the rule itself answers for (a range's
/// first number that no narrower rule takes), so every rule is read back.
pub fn mapping_probes(model: &Model) -> Vec<(&Mapping, i64)> {
    let mut probes = Vec::new();
    for mapping in &model.mappings {
        for rule in &mapping.rules {
            let value = (rule.lo..=rule.hi.min(rule.lo + 10_000))
                .find(|&v| mapping.rule_for(v).is_some_and(|r| std::ptr::eq(r, rule)))
                .expect("every rule answers for some value");
            probes.push((mapping, value));
        }
    }
    probes
}

/// The first few rows where an output disagrees with what was expected, as
/// readable lines (empty when they agree, lengths included).
pub fn differences(got: &[Row], expected: &[Row]) -> Vec<String> {
    let mut out: Vec<String> = expected
        .iter()
        .zip(got)
        .filter(|(e, g)| e != g)
        .take(5)
        .map(|(e, g)| format!("expected {e:?}\n     got {g:?}"))
        .collect();
    if got.len() != expected.len() {
        out.push(format!("{} rows expected, {} read", expected.len(), got.len()));
    }
    out
}

pub fn hex(text: &str) -> String {
    text.bytes().fold(String::with_capacity(text.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn unhex(field: &str) -> Option<String> {
    if field == "-" {
        return None;
    }
    let bytes: Vec<u8> = (0..field.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&field[i..i + 2], 16).expect("hex from the reader program"))
        .collect();
    Some(String::from_utf8(bytes).expect("outputs return UTF-8"))
}

fn optional(field: &str) -> Option<String> {
    (field != "-").then(|| field.to_owned())
}

/// Parses `system\tvalue\tname_hex\tdescription_hex\tcategory\tretry` lines.
fn parse(output: &str) -> Vec<Row> {
    let mut rows: Vec<Row> = output
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "reader line has six fields: {line:?}");
            Row {
                system: f[0].to_owned(),
                value: f[1].parse().expect("value"),
                name: unhex(f[2]),
                description: unhex(f[3]),
                category: optional(f[4]),
                retry: optional(f[5]),
            }
        })
        .collect();
    rows.sort();
    rows
}

/// Compiles a C program over `<root>/generated/c/netcodes.h` and asks it about every probe.
pub fn from_c(root: &Path, model: &Model, work: &Path) -> Vec<Row> {
    let mut program = String::from(
        "#include <stdio.h>\n#include \"netcodes.h\"\n\n\
         static void hex(const char *s) {\n    if (s == NULL) { fputs(\"-\", stdout); return; }\n    \
         for (; *s != '\\0'; ++s) printf(\"%02x\", (unsigned)(unsigned char)*s);\n}\n\n\
         static void term(const char *s) { fputs(s == NULL ? \"-\" : s, stdout); }\n\nint main(void) {\n",
    );
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let fns = &system.c_fn_prefix;
        let _ = write!(
            program,
            "    {{\n        static const int values[] = {{{values}}};\n        size_t i;\n        \
             for (i = 0; i < sizeof values / sizeof values[0]; ++i) {{\n            int v = values[i];\n            \
             printf(\"{id}\\t%d\\t\", v);\n            hex({fns}name(v));\n            putchar('\\t');\n            \
             hex({fns}description(v));\n            putchar('\\t');\n            \
             term(netcodes_category_id({fns}category(v)));\n            putchar('\\t');\n            \
             term(netcodes_retry_id({fns}retry(v)));\n            putchar('\\n');\n        }}\n    }}\n",
            values = values.join(", "),
            id = system.id,
        );
    }
    for (mapping, value) in mapping_probes(model) {
        let function = format!("{}{}_rule", model.systems[mapping.to].c_fn_prefix, mapping.function);
        let _ = write!(
            program,
            "    {{\n        const netcodes_mapping *rule = {function}({value});\n        \
             printf(\"map:{id}\\t{value}\\t-\\t\");\n        hex(rule == NULL ? NULL : rule->note);\n        \
             if (rule == NULL) {{ fputs(\"\\t-\\t-\\n\", stdout); }} else {{ printf(\"\\t%d\\t%s\\n\", rule->to, netcodes_mapping_kind_id(rule->kind)); }}\n    }}\n",
            id = mapping.id,
        );
    }
    program.push_str("    return 0;\n}\n");
    let source = work.join("readback.c");
    std::fs::write(&source, program).expect("write C reader");
    let binary = work.join("readback-c");
    run(Command::new("gcc")
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-O1", "-I"])
        .arg(root.join("generated/c"))
        .arg(&source)
        .arg("-o")
        .arg(&binary));
    parse(&stdout(&mut Command::new(&binary)))
}

/// Imports `<root>/generated/python` and asks it about every probe.
pub fn from_python(root: &Path, model: &Model, work: &Path) -> Vec<Row> {
    let mut script = String::from(
        "import sys\nimport netcodes\n\n\
         def hex_(s):\n    return '-' if s is None else s.encode('utf-8').hex()\n\n",
    );
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let _ = write!(
            script,
            "for v in [{values}]:\n    m = netcodes.{id}.lookup(v)\n    \
             if m is None:\n        print('{id}', v, '-', '-', '-', '-', sep='\\t')\n    \
             else:\n        print('{id}', v, hex_(m.upstream_name), hex_(m.description), m.category.value, m.retry.value, sep='\\t')\n",
            values = values.join(", "),
            id = system.id,
        );
    }
    for (mapping, value) in mapping_probes(model) {
        let _ = write!(
            script,
            "rule = netcodes.{to}.{function}_rule({value})\n\
             print('map:{id}', {value}, '-', hex_(rule.note if rule else None), int(rule.to) if rule else '-', rule.kind.value if rule else '-', sep='\\t')\n",
            to = model.systems[mapping.to].id,
            function = mapping.function,
            id = mapping.id,
        );
    }
    let path = work.join("readback.py");
    std::fs::write(&path, script).expect("write Python reader");
    parse(&stdout(
        Command::new("python3").arg(&path).env("PYTHONPATH", root.join("generated/python")).env("PYTHONDONTWRITEBYTECODE", "1"),
    ))
}

/// Builds a program against `<root>/generated/rust` and asks it about every probe.
pub fn from_rust(root: &Path, model: &Model, work: &Path) -> Vec<Row> {
    let crate_dir = root.join("generated/rust");
    let manifest = format!(
        "[package]\nname = \"readback\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nnetcodes = {{ path = {:?} }}\n\n[workspace]\n",
        crate_dir.display().to_string()
    );
    std::fs::create_dir_all(work.join("src")).expect("create reader crate");
    std::fs::write(work.join("Cargo.toml"), manifest).expect("write manifest");
    let mut main = String::from(
        "fn hex(s: Option<&str>) -> String {\n    s.map_or_else(|| \"-\".to_owned(), |s| s.bytes().map(|b| format!(\"{b:02x}\")).collect())\n}\n\n\
         fn main() {\n",
    );
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let _ = write!(
            main,
            "    for v in [{values}] {{\n        let c = netcodes::{id}::{ty}::from(v);\n        \
             println!(\"{id}\\t{{}}\\t{{}}\\t{{}}\\t{{}}\\t{{}}\", v, hex(c.name()), hex(c.description()), \
             c.category().map_or(\"-\", |t| t.id()), c.retry().map_or(\"-\", |t| t.id()));\n    }}\n",
            values = values.join(", "),
            id = system.id,
            ty = system.type_name,
        );
    }
    for (mapping, value) in mapping_probes(model) {
        let from = &model.systems[mapping.from];
        let _ = write!(
            main,
            "    match netcodes::{from_id}::{from_ty}::from({value}).to_{to}_mapping() {{\n        \
             Some(m) => println!(\"map:{id}\\t{value}\\t-\\t{{}}\\t{{}}\\t{{}}\", hex(m.note), m.to.code(), m.kind.id()),\n        \
             None => println!(\"map:{id}\\t{value}\\t-\\t-\\t-\\t-\"),\n    }}\n",
            from_id = from.id,
            from_ty = from.type_name,
            to = model.systems[mapping.to].id,
            id = mapping.id,
        );
    }
    main.push_str("}\n");
    std::fs::write(work.join("src/main.rs"), main).expect("write reader");
    // netcodes by path, no features: nothing comes from a registry, so the
    // build needs no cache and no lock file of the workspace's.
    parse(&stdout(
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--manifest-path"])
            .arg(work.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", repo_root().join("target/readback")),
    ))
}

/// What mdBook 0.5 enables (mdbook-markdown's `new_cmark_parser`), with
/// smart punctuation off as the generated `book.toml` sets it.
pub fn mdbook_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// The description paragraph of every code, as pulldown-cmark renders the
/// docs page (text events joined, line breaks included), keyed by anchor.
pub fn markdown_descriptions(page: &str) -> Vec<(String, String)> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let options = mdbook_options();
    let mut out = Vec::new();
    let mut anchor: Option<String> = None;
    let mut in_paragraph = false;
    let mut text = String::new();
    let mut awaiting_description = false;
    for event in Parser::new_ext(page, options) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) if level >= HeadingLevel::H3 => {
                anchor = id.map(|id| id.to_string());
                awaiting_description = true;
            }
            Event::Start(Tag::Paragraph) if awaiting_description => {
                in_paragraph = true;
                text.clear();
            }
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push('\n'),
            Event::End(TagEnd::Paragraph) if in_paragraph => {
                in_paragraph = false;
                awaiting_description = false;
                if let Some(anchor) = anchor.take() {
                    out.push((anchor, std::mem::take(&mut text)));
                }
            }
            Event::Start(Tag::Heading { .. }) => awaiting_description = false,
            _ => {}
        }
    }
    out
}

/// The text of one column of every body row of every table on a page, as
/// pulldown-cmark renders it (the docs' mapping pages list notes this way).
pub fn markdown_table_column(page: &str, column: usize) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let options = mdbook_options();
    let mut out = Vec::new();
    let (mut in_head, mut cell, mut text) = (false, 0, String::new());
    for event in Parser::new_ext(page, options) {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => cell = 0,
            Event::Start(Tag::TableCell) => text.clear(),
            Event::Text(t) | Event::Code(t) if !in_head => text.push_str(&t),
            Event::End(TagEnd::TableCell) => {
                if !in_head && cell == column {
                    out.push(std::mem::take(&mut text));
                }
                cell += 1;
            }
            _ => {}
        }
    }
    out
}
