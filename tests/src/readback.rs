//! Reading every code back out of each generated output: the C and C++
//! headers (compiled programs), the Python package (an interpreter), the Rust
//! crate (a built binary), the npm package (Node, or a browser) and the
//! Markdown pages (pulldown-cmark). Each returns the
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
    // Only values the system's integer type can carry, and C's `int`.
    let (lo, hi) = system.int_type.range();
    let (lo, hi) = (lo.max(i64::from(i32::MIN)), hi.min(i64::from(i32::MAX)));
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
                category: code.map(|c| model.vocabulary.categories[c.category].id.clone()),
                retry: code.map(|c| model.vocabulary.retries[c.retry].id.clone()),
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
            retry: Some(model.vocabulary.mapping_kinds[rule.kind].id.clone()),
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
        let function = format!("{}_rule", mapping.c_function);
        let _ = write!(
            program,
            "    {{\n        const netcodes_rule *rule = {function}({value});\n        \
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

/// Compiles a C++17 program over `<root>/generated/c/netcodes.hpp` and asks it about every probe.
pub fn from_cpp(root: &Path, model: &Model, work: &Path) -> Vec<Row> {
    let mut program = String::from(
        "#include <cstdio>\n#include \"netcodes.hpp\"\n\n\
         static void hex(std::string_view s) {\n    if (s.empty()) { std::fputs(\"-\", stdout); return; }\n    \
         for (const char c : s) std::printf(\"%02x\", static_cast<unsigned>(static_cast<unsigned char>(c)));\n}\n\n\
         static void term(std::string_view s) { std::printf(\"\\t%.*s\", static_cast<int>(s.size()), s.data()); }\n\n\
         int main() {\n",
    );
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(|v| format!("{v}LL")).collect();
        let _ = write!(
            program,
            "    for (const long long v : {{{values}}}) {{\n        \
             const auto c = static_cast<netcodes::{id}::{ty}>(v);\n        \
             std::printf(\"{id}\\t%lld\\t\", v);\n        hex(netcodes::name(c));\n        std::putchar('\\t');\n        \
             hex(netcodes::description(c));\n        \
             term(netcodes::category(c) ? netcodes::id(*netcodes::category(c)) : \"-\");\n        \
             term(netcodes::retry(c) ? netcodes::id(*netcodes::retry(c)) : \"-\");\n        std::putchar('\\n');\n    }}\n",
            values = values.join(", "),
            id = system.id,
            ty = system.type_name,
        );
    }
    for (mapping, value) in mapping_probes(model) {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        let _ = write!(
            program,
            "    if (const auto rule = netcodes::{to}::{function}_rule(static_cast<netcodes::{from}::{from_ty}>({value}LL))) {{\n        \
             std::printf(\"map:{id}\\t{value}\\t-\\t\");\n        hex(rule->note);\n        \
             std::printf(\"\\t%lld\", static_cast<long long>(netcodes::value(rule->to)));\n        term(netcodes::id(rule->kind));\n        std::putchar('\\n');\n    \
             }} else {{\n        std::puts(\"map:{id}\\t{value}\\t-\\t-\\t-\\t-\");\n    }}\n",
            to = to.id,
            function = mapping.function,
            from = from.id,
            from_ty = from.type_name,
            id = mapping.id,
        );
    }
    program.push_str("    return 0;\n}\n");
    let source = work.join("readback.cpp");
    std::fs::write(&source, program).expect("write C++ reader");
    let binary = work.join("readback-cpp");
    run(Command::new("g++")
        .args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-O1", "-I"])
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

/// An ES module that imports every system module of the npm package from
/// `base` (a URL ending in `/`), asks it about every probe and every mapping
/// rule, and hands the reader lines, joined, to `emit` (a JavaScript
/// function expression): the same program runs in Node and in a browser.
pub fn typescript_reader(model: &Model, base: &str, emit: &str) -> String {
    let mut script = String::new();
    for (i, system) in model.systems.iter().enumerate() {
        let _ = writeln!(script, "import * as s{i} from \"{base}{}.js\";", system.id);
    }
    script.push_str(
        "\nconst bytes = new TextEncoder();\n\
         const hex = (s) => s === undefined ? \"-\" : Array.from(bytes.encode(s), (b) => b.toString(16).padStart(2, \"0\")).join(\"\");\n\
         const out = [];\n",
    );
    for (i, system) in model.systems.iter().enumerate() {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let _ = write!(
            script,
            "for (const v of [{values}]) {{\n  const c = s{i}.lookup(v);\n  \
             out.push(c === undefined ? `{id}\\t${{v}}\\t-\\t-\\t-\\t-` : `{id}\\t${{v}}\\t${{hex(c.name)}}\\t${{hex(c.description)}}\\t${{c.category}}\\t${{c.retry}}`);\n}}\n",
            values = values.join(", "),
            id = system.id,
        );
    }
    for (mapping, value) in mapping_probes(model) {
        let _ = writeln!(
            script,
            "{{\n  const r = s{to}.{function}Rule({value});\n  \
             out.push(`map:{id}\\t{value}\\t-\\t${{hex(r?.note)}}\\t${{r ? r.to.value : \"-\"}}\\t${{r ? r.kind : \"-\"}}`);\n}}",
            to = mapping.to,
            function = mapping.js_function,
            id = mapping.id,
        );
    }
    let _ = writeln!(script, "({emit})(out.join(\"\\n\"));");
    script
}

/// Imports `<root>/generated/typescript` in Node and asks it about every probe.
pub fn from_typescript(root: &Path, model: &Model, work: &Path) -> Vec<Row> {
    let package = root.join("generated/typescript");
    let base = format!("{}/", file_url(&package));
    let path = work.join("readback.mjs");
    std::fs::write(&path, typescript_reader(model, &base, "(text) => process.stdout.write(text + \"\\n\")"))
        .expect("write JavaScript reader");
    parse(&stdout(Command::new("node").arg(&path)))
}

/// A `file://` URL of an absolute path, its bytes percent-encoded where a URL needs it.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_str().expect("a UTF-8 path").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => url.push(char::from(byte)),
            _ => {
                let _ = write!(url, "%{byte:02X}");
            }
        }
    }
    url
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
            "    match netcodes::{from_id}::{from_ty}::from({value}).{to}_rule() {{\n        \
             Some(m) => println!(\"map:{id}\\t{value}\\t-\\t{{}}\\t{{}}\\t{{}}\", hex(m.note), m.to.code(), m.kind.id()),\n        \
             None => println!(\"map:{id}\\t{value}\\t-\\t-\\t-\\t-\"),\n    }}\n",
            from_id = from.id,
            from_ty = from.type_name,
            to = mapping.to_method,
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

/// The description paragraph of every meaning on a code's docs page, as
/// pulldown-cmark renders it (text events joined, line breaks included): the
/// paragraph after the page's heading (`None`), or after a meaning's heading
/// with an id (`Some(id)`) where the number has several meanings.
pub fn markdown_descriptions(page: &str) -> Vec<(Option<String>, String)> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let options = mdbook_options();
    let mut out = Vec::new();
    let mut anchor: Option<Option<String>> = None;
    let mut in_paragraph = false;
    let mut text = String::new();
    for event in Parser::new_ext(page, options) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => anchor = Some(None),
            Event::Start(Tag::Heading { level: HeadingLevel::H2, id: Some(id), .. }) => {
                anchor = Some(Some(id.to_string()));
            }
            Event::Start(Tag::Heading { .. }) => anchor = None,
            Event::Start(Tag::Paragraph) if anchor.is_some() => {
                in_paragraph = true;
                text.clear();
            }
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push('\n'),
            Event::End(TagEnd::Paragraph) if in_paragraph => {
                in_paragraph = false;
                if let Some(anchor) = anchor.take() {
                    out.push((anchor, std::mem::take(&mut text)));
                }
            }
            _ => {}
        }
    }
    out
}

/// Every code's docs page under `<root>/generated/docs/src` renders, through
/// pulldown-cmark, to exactly its description (each meaning's, where a number
/// has several). Returns how many were compared.
pub fn check_docs_descriptions(root: &Path, model: &Model) -> Result<usize, String> {
    let mut compared = 0;
    for system in &model.systems {
        for code in system.codes.iter().chain(&system.retired) {
            let path = root.join("generated/docs/src").join(&code.page);
            let page = std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
            let key = (code.meaning_count > 1).then(|| code.anchor.clone());
            let rendered = markdown_descriptions(&page).into_iter().find(|(anchor, _)| *anchor == key).map(|(_, text)| text);
            if rendered.as_ref() != Some(&code.description) {
                return Err(format!(
                    "{} {}: {} renders {rendered:?}, not the description in data/",
                    system.id, code.value, code.page
                ));
            }
            compared += 1;
        }
    }
    Ok(compared)
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

/// The retry decision every output must give for each code, request kind
/// and Retry-After, as data/vocabulary.toml decides it:
/// `system\tvalue\tidempotent\tretry_after\tretry\tafter\tnew_connection`
/// (`-` for no Retry-After; after in whole seconds).
pub fn expected_decisions(model: &Model) -> Vec<String> {
    use codegen::model::DecisionRule;
    let mut lines = Vec::new();
    for system in &model.systems {
        for value in probes(system) {
            for idempotent in [false, true] {
                for retry_after in RETRY_AFTERS {
                    let class = system.primary(value).and_then(|c| model.vocabulary.retries[c.retry].decision);
                    let (retry, after, new_connection) = match class {
                        None => (false, 0, false),
                        Some(d) => {
                            let retry = match d.rule {
                                DecisionRule::No => false,
                                DecisionRule::Yes => true,
                                DecisionRule::IfIdempotent => idempotent,
                                DecisionRule::IfRetryAfter => retry_after.is_some(),
                            };
                            if retry {
                                (true, u64::from(d.delay).max(retry_after.unwrap_or(0)), d.new_connection)
                            } else {
                                (false, 0, false)
                            }
                        }
                    };
                    lines.push(decision_line(&system.id, value, idempotent, retry_after, retry, after, new_connection));
                }
            }
        }
    }
    lines.sort();
    lines
}

/// Retry-After values asked about: none, shorter and longer than any class's delay.
pub const RETRY_AFTERS: [Option<u64>; 3] = [None, Some(0), Some(30)];

pub fn decision_line(system: &str, value: i64, idempotent: bool, retry_after: Option<u64>, retry: bool, after: u64, new_connection: bool) -> String {
    let retry_after = retry_after.map_or("-".to_owned(), |s| s.to_string());
    format!("{system}\t{value}\t{}\t{retry_after}\t{}\t{after}\t{}", u8::from(idempotent), u8::from(retry), u8::from(new_connection))
}

/// Asks a C program, the Python package and a Rust program for every retry
/// decision `expected_decisions` lists; returns each output's sorted lines.
pub fn decisions(root: &Path, model: &Model, work: &Path) -> [(&'static str, Vec<String>); 3] {
    let afters: Vec<String> = RETRY_AFTERS.iter().map(|a| a.map_or("-1".to_owned(), |s| s.to_string())).collect();
    // C
    let mut c = String::from("#include <stdio.h>\n#include \"netcodes.h\"\n\nint main(void) {\n");
    let _ = writeln!(c, "    static const long afters[] = {{{}}};\n    size_t i, a;\n    int idempotent;", afters.join(", "));
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let _ = write!(
            c,
            "    {{\n        static const int values[] = {{{values}}};\n        \
             for (i = 0; i < sizeof values / sizeof values[0]; ++i)\n        \
             for (idempotent = 0; idempotent < 2; ++idempotent)\n        \
             for (a = 0; a < sizeof afters / sizeof afters[0]; ++a) {{\n            \
             netcodes_retry_decision d = {f}retry_decision(values[i], idempotent, afters[a]);\n            \
             if (afters[a] < 0) printf(\"{id}\\t%d\\t%d\\t-\\t%d\\t%ld\\t%d\\n\", values[i], idempotent, d.retry, d.after_seconds, d.new_connection);\n            \
             else printf(\"{id}\\t%d\\t%d\\t%ld\\t%d\\t%ld\\t%d\\n\", values[i], idempotent, afters[a], d.retry, d.after_seconds, d.new_connection);\n        }}\n    }}\n",
            values = values.join(", "),
            f = system.c_fn_prefix,
            id = system.id,
        );
    }
    c.push_str("    return 0;\n}\n");
    std::fs::write(work.join("decisions.c"), c).expect("write C program");
    run(Command::new("gcc")
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(root.join("generated/c"))
        .arg(work.join("decisions.c"))
        .arg("-o")
        .arg(work.join("decisions-c")));
    let from_c = stdout(&mut Command::new(work.join("decisions-c")));
    // Python
    let mut py = String::from("import netcodes\n\n");
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let _ = write!(
            py,
            "for v in [{values}]:\n    m = netcodes.{id}.lookup(v)\n    \
             for idempotent in (False, True):\n        for after in (None, 0, 30):\n            \
             d = m.retry_decision(idempotent=idempotent, retry_after=after) if m is not None else None\n            \
             retry, seconds, new = (d.retry, int(d.after), d.new_connection) if d is not None else (False, 0, False)\n            \
             print('{id}', v, int(idempotent), '-' if after is None else after, int(retry), seconds, int(new), sep='\\t')\n",
            values = values.join(", "),
            id = system.id,
        );
    }
    std::fs::write(work.join("decisions.py"), py).expect("write Python program");
    let from_python = stdout(
        Command::new("python3")
            .arg(work.join("decisions.py"))
            .env("PYTHONPATH", root.join("generated/python"))
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    );
    // Rust
    let crate_dir = root.join("generated/rust");
    std::fs::create_dir_all(work.join("rust/src")).expect("create reader crate");
    std::fs::write(
        work.join("rust/Cargo.toml"),
        format!(
            "[package]\nname = \"decisions\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nnetcodes = {{ path = {:?} }}\n\n[workspace]\n",
            crate_dir.display().to_string()
        ),
    )
    .expect("write manifest");
    let mut rs = String::from("use core::time::Duration;\n\nfn main() {\n");
    for system in &model.systems {
        let values: Vec<String> = probes(system).iter().map(i64::to_string).collect();
        let _ = write!(
            rs,
            "    for v in [{values}] {{\n        for idempotent in [false, true] {{\n            \
             for after in [None, Some(0u64), Some(30)] {{\n                \
             let d = netcodes::{id}::{ty}::from(v).retry_decision(idempotent, after.map(Duration::from_secs));\n                \
             println!(\"{id}\\t{{}}\\t{{}}\\t{{}}\\t{{}}\\t{{}}\\t{{}}\", v, u8::from(idempotent), after.map_or(\"-\".to_owned(), |s| s.to_string()), u8::from(d.retry), d.after.as_secs(), u8::from(d.new_connection));\n            \
             }}\n        }}\n    }}\n",
            values = values.join(", "),
            id = system.id,
            ty = system.type_name,
        );
    }
    rs.push_str("}\n");
    std::fs::write(work.join("rust/src/main.rs"), rs).expect("write Rust program");
    let from_rust = stdout(
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--manifest-path"])
            .arg(work.join("rust/Cargo.toml"))
            .env("CARGO_TARGET_DIR", repo_root().join("target/readback")),
    );
    let sorted = |text: String| {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    [("C header", sorted(from_c)), ("Python package", sorted(from_python)), ("Rust crate", sorted(from_rust))]
}
