//! The `netcodes` Rust crate. Rust source is built with `quote!` (and, for
//! the per-code tables, `syn` values directly) and printed by prettyplease;
//! the API every system shares is one `macro_rules!` in `macros.rs`, a fixed
//! file; the manifest and README come from templates.

mod ast;
mod system;
mod vocabulary;

use askama::Template;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::escape;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};

/// Methods every code type has (`macros.rs`), which no group, flag or
/// mapping of `data/` may shadow.
pub const METHODS: &[&str] = &[
    "new", "code", "is_known", "is_valid", "name", "description", "category", "retry", "status", "group", "since",
    "reference", "is_retired", "meanings", "symbols", "symbol", "from_name", "from_exact_name", "from_exact_name_bytes",
    "from_folded_name", "retry_decision", "flag", "entry", "row",
    "from", "into", "parse", "fmt", "to_string",
];

/// The API every system shares: a fixed file, kept as written (prettyplease
/// prints no macro body readably).
const MACROS: &str = include_str!("../../../templates/rust/macros.rs");

#[derive(Template)]
#[template(path = "rust/Cargo.toml", escape = "none")]
struct CargoToml<'a> {
    notice: &'static str,
    version: &'a str,
    description: String,
    features: &'a [Feature],
}

/// An optional feature of the crate and the dependency it enables.
struct Feature {
    name: String,
    krate: String,
    dependency: String,
    doc: String,
}

#[derive(Template)]
#[template(path = "rust/README.md", escape = "none")]
struct Readme<'a> {
    notice: &'static str,
    titles: String,
    /// (module, type, count, title, version)
    modules: Vec<(String, String, usize, String, String)>,
    example: String,
    features: &'a [Feature],
}

#[derive(Template)]
#[template(path = "rust/main.rs", escape = "none")]
struct Main {
    notice: &'static str,
    help: String,
    systems: Vec<MainSystem>,
    system_list: String,
}

/// One system in the binary: its finder and the mapping functions that take
/// its codes, as Rust tokens.
struct MainSystem {
    finder: String,
    id: String,
    code_type: String,
    int: &'static str,
    /// (target system id literal, path of the `_rule` function)
    mappings: Vec<(String, String)>,
}

/// The `netcodes` command (`src/main.rs`), answering as `python -m netcodes`.
fn main_rs(model: &Model) -> String {
    let string = |text: &str| proc_macro2::Literal::string(text).to_string();
    let systems = model
        .systems
        .iter()
        .enumerate()
        .map(|(index, system)| MainSystem {
            finder: format!("find_{}", system.id),
            id: string(&system.id),
            code_type: format!("netcodes::{}::{}", system.id, system.type_name),
            int: system.int_type.rust(),
            mappings: model
                .mappings
                .iter()
                .filter(|m| m.from == index)
                .map(|m| {
                    let to = &model.systems[m.to];
                    (string(&to.id), format!("netcodes::{}::{}::{}_rule", to.id, to.type_name, m.function))
                })
                .collect(),
        })
        .collect();
    let main = Main {
        notice: GENERATED_NOTICE,
        help: string(&crate::render::cli::help(model)),
        systems,
        system_list: model.systems.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", "),
    };
    main.render().expect("renders")
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    let features = features(model);
    let titles: Vec<String> = model.systems.iter().map(|s| escape::markdown(&s.title)).collect();
    let modules = model
        .systems
        .iter()
        .map(|s| {
            (s.id.clone(), s.type_name.clone(), s.codes.len(), escape::markdown(&s.title), escape::markdown(&s.version))
        })
        .collect();
    let manifest = CargoToml {
        notice: GENERATED_NOTICE,
        version: &model.version,
        description: escape::toml_string(&format!(
            "Network error and status codes ({}), with names, descriptions, categories, retry advice and cross-mappings.",
            model.systems.iter().map(|s| s.title.as_str()).collect::<Vec<_>>().join(", ")
        )),
        features: &features,
    };
    let readme = Readme {
        notice: GENERATED_NOTICE,
        titles: titles.join(", "),
        modules,
        example: mapping_example(model).unwrap_or_else(|| system_example(model, &model.systems[0])),
        features: &features,
    };
    let mut files = vec![
        GeneratedFile::new("generated/rust/Cargo.toml", manifest.render().expect("renders")),
        GeneratedFile::new("generated/rust/README.md", readme.render().expect("renders")),
        // The repository's license travels with the published crate.
        GeneratedFile::new("generated/rust/LICENSE", crate::render::license_text()),
        GeneratedFile::new("generated/rust/src/lib.rs", lib_rs(model, &features)),
        GeneratedFile::new("generated/rust/src/main.rs", main_rs(model)),
        GeneratedFile::new("generated/rust/src/macros.rs", format!("// {GENERATED_NOTICE}\n{MACROS}")),
        GeneratedFile::new("generated/rust/src/vocabulary.rs", vocabulary::vocabulary_rs(model)),
    ];
    // A module per system, each printed on its own thread: they are most of
    // the renderer's time, and they share nothing but the model.
    files.extend(crate::each_in_parallel(&model.systems, |system| {
        GeneratedFile::new(format!("generated/rust/src/{}.rs", system.id), system::system_rs(model, system))
    }));
    files
}

/// Optional features: `serde`, and one per crate a system converts with.
fn features(model: &Model) -> Vec<Feature> {
    let mut out = vec![Feature {
        name: "serde".to_owned(),
        krate: "serde".to_owned(),
        dependency: "serde = { version = \"1.0.180\", optional = true, default-features = false }".to_owned(),
        doc: "Serialize codes as numbers; deserialize from a number or an upstream name.".to_owned(),
    }];
    for system in &model.systems {
        for interop in &system.interop {
            if !out.iter().any(|f| f.name == interop.feature) {
                out.push(Feature {
                    name: interop.feature.clone(),
                    krate: interop.krate.clone(),
                    dependency: format!("{} = {{ version = \"{}\", optional = true }}", interop.krate, interop.version),
                    doc: format!(
                        "Lossless conversions between `{}::{}` and `{}::{}`.",
                        system.id, system.type_name, interop.krate, interop.ty
                    ),
                });
            }
        }
    }
    out
}

/// Prints items one by one (prettyplease puts no blank line between items)
/// and joins them with blank lines; `use` declarations stay together.
pub(super) fn print_items(inner_doc: &[String], inner: TokenStream, items: Vec<syn::Item>) -> String {
    let mut out = format!("// {GENERATED_NOTICE}\n");
    for line in inner_doc {
        out.push_str("//!");
        if !line.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        out.push('\n');
    }
    if !inner_doc.is_empty() {
        out.push('\n');
    }
    let inner_file: syn::File = syn::parse2(inner).expect("generated inner attributes parse");
    let inner_text = prettyplease::unparse(&inner_file);
    if !inner_text.trim().is_empty() {
        out.push_str(&inner_text);
        out.push('\n');
    }
    let mut previous_was_use = None;
    for item in items {
        let is_use = matches!(item, syn::Item::Use(_));
        // Blank line between items, except inside a run of `use` declarations.
        if previous_was_use.is_some_and(|previous| !(previous && is_use)) {
            out.push('\n');
        }
        previous_was_use = Some(is_use);
        let mut single: syn::File = syn::parse_quote!();
        single.items.push(item);
        out.push_str(&space_members(&prettyplease::unparse(&single)));
    }
    out
}

/// Parses tokens made by `quote!` into items.
pub(super) fn items(tokens: TokenStream) -> Vec<syn::Item> {
    let file: syn::File = syn::parse2(tokens.clone()).unwrap_or_else(|err| panic!("generated Rust parses: {err}\n{tokens}"));
    file.items
}

/// prettyplease packs the members of an `impl` or `enum` together; put a
/// blank line before each documented member so the file reads like hand-written code.
fn space_members(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    // Whether the previous line opens a member or a block (or is blank).
    let mut after_member_start = true;
    for line in text.lines() {
        let trimmed = line.trim_ascii_start().as_bytes();
        let starts_member = trimmed.starts_with(b"///") || trimmed.starts_with(b"#[");
        if starts_member && !after_member_start && line.starts_with(' ') {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        after_member_start = starts_member || trimmed.is_empty() || line.trim_ascii_end().ends_with('{');
    }
    out
}

/// `#[doc]` attributes for paragraphs of plain text, escaped for rustdoc's Markdown.
pub(super) fn doc_text(paragraphs: &[&str]) -> TokenStream {
    let mut lines = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.push(escape::markdown(paragraph));
    }
    doc_lines(&lines)
}

/// `#[doc]` attributes for lines that are already Markdown (written by this renderer).
pub(super) fn doc_lines(lines: &[String]) -> TokenStream {
    let attrs = ast::docs(lines);
    quote!(#(#attrs)*)
}

/// An integer literal of the system's type (`-105`, `404`, `0x0d` where upstream writes hex).
pub(super) fn lit_int(system: &System, value: i64) -> TokenStream {
    let literal = match system.hex_width {
        Some(width) if value >= 0 => ast::hex_literal(value, width).parse::<proc_macro2::Literal>().expect("a hex literal"),
        _ => proc_macro2::Literal::i64_unsuffixed(value.abs()),
    };
    if value < 0 { quote!(-#literal) } else { quote!(#literal) }
}

fn lib_rs(model: &Model, features: &[Feature]) -> String {
    let mut lines = vec![
        "Network error and status codes, one module per code system, all generated from one set of tables.".to_owned(),
        String::new(),
        "Every module has the same shape: a `Copy` code type that keeps any value of its integer type \
         (unknown codes keep their number), an associated constant per code, `name()`, `description()`, \
         `category()`, `retry()`, `status()`, `meanings()`, `is_known()`, `ALL`, `FromStr` by name, \
         `Display` and `Debug`."
            .to_owned(),
        String::new(),
        "| module | code type | codes |".to_owned(),
        "|---|---|---|".to_owned(),
    ];
    for system in &model.systems {
        lines.push(format!(
            "| [`{id}`] | [`{id}::{ty}`] | {n} codes, {version} |",
            id = system.id,
            ty = system.type_name,
            n = system.codes.len(),
            version = escape::markdown(&system.version)
        ));
    }
    let mut examples: Vec<(String, String)> = Vec::new();
    if let Some(system) = model.systems.first() {
        examples.push(("A code by number or name".to_owned(), system_example(model, system)));
    }
    if let Some(system) = model.systems.iter().find(|s| !s.lookup_prefixes.is_empty()) {
        examples.push(("Names as people paste them".to_owned(), pasted_example(system)));
    }
    if let Some(example) = mapping_example(model) {
        examples.push(("Across systems".to_owned(), example));
    }
    if let Some(system) = model.systems.first() {
        examples.push(("Deciding a retry".to_owned(), retry_example(system)));
    }
    for system in &model.systems {
        for interop in &system.interop {
            examples.push((format!("With the `{}` crate", interop.krate), interop_example(system, interop)));
        }
    }
    for (title, example) in examples {
        lines.extend([String::new(), format!("## {title}"), String::new(), "```".to_owned()]);
        lines.extend(example.lines().map(str::to_owned));
        lines.push("```".to_owned());
    }
    lines.extend([String::new(), "## Features".to_owned(), String::new()]);
    for feature in features {
        lines.push(format!("- `{}`: {}", feature.name, feature.doc));
    }
    let docs: Vec<TokenStream> = lines
        .iter()
        .map(|line| {
            let line = if line.is_empty() { String::new() } else { format!(" {line}") };
            quote!(#![doc = #line])
        })
        .collect();
    let inner = quote! {
        #(#docs)*
        #![no_std]
        #![deny(missing_docs)]
        #![allow(
            clippy::doc_markdown,
            reason = "descriptions are prose from data/, where product names are not code"
        )]
    };
    let mods = model.systems.iter().map(|system| {
        let module = format_ident!("{}", system.id);
        let doc = doc_text(&[&system.title]);
        quote! { #doc pub mod #module; }
    });
    let tokens = quote! {
        #[macro_use]
        mod macros;
        #(#mods)*
        mod vocabulary;
        pub use vocabulary::{Category, CodeStatus, MappingKind, Retry, RetryDecision, Rule};
    };
    print_items(&[], inner, items(tokens))
}

/// A doc-tested example for a system, from its example code.
fn system_example(_model: &Model, system: &System) -> String {
    let code = &system.codes[system.example];
    let (ty, id) = (&system.type_name, &system.id);
    let name_check = if code.name.is_empty() {
        String::new()
    } else {
        format!(
            "assert_eq!(code.name(), Some({name:?}));\nassert_eq!({name:?}.parse::<{ty}>(), Ok(code));\n",
            name = code.name
        )
    };
    format!(
        "use netcodes::{id}::{ty};\n\
         \n\
         let code = {ty}::from({literal});\n\
         assert_eq!(code, {ty}::{ident});\n\
         {name_check}\
         assert!(code.description().is_some());\n\
         println!(\"{{code}}: {{:?}}, retry: {{:?}}\", code.category(), code.retry());",
        literal = code.value,
        ident = code.ident,
    )
}

/// Looking a code up as people paste it.
fn pasted_example(system: &System) -> String {
    let code = &system.codes[system.example];
    let prefix = system.pasted_prefixes.first().map_or("", String::as_str);
    format!(
        "use netcodes::{id}::{ty};\n\
         \n\
         // White space, a prefix, any case: found. The exact lookup stays exact.\n\
         assert_eq!({ty}::from_name({pasted:?}), Some({ty}::{ident}));\n\
         assert_eq!({lower:?}.parse::<{ty}>(), Ok({ty}::{ident}));\n\
         assert_eq!({ty}::from_exact_name({lower:?}), None);",
        id = system.id,
        ty = system.type_name,
        ident = code.ident,
        pasted = format!(" {prefix}{}\n", code.name),
        lower = code.name.to_ascii_lowercase(),
    )
}

/// The one call that decides a retry.
fn retry_example(system: &System) -> String {
    let code = &system.codes[system.example];
    format!(
        "use core::time::Duration;\n\
         use netcodes::{id}::{ty};\n\
         \n\
         // Is the request safe to repeat, and did the response say when (Retry-After)?\n\
         let decision = {ty}::{ident}.retry_decision(true, Some(Duration::from_secs(5)));\n\
         if decision.retry {{\n    \
             println!(\"retry in {{:?}}, on a new connection: {{}}\", decision.after, decision.new_connection);\n\
         }}",
        id = system.id,
        ty = system.type_name,
        ident = code.ident,
    )
}

/// Converting with another crate's type (doc-tested with the crate's feature).
fn interop_example(system: &System, interop: &Interop) -> String {
    let code = &system.codes[system.example];
    let module = if system.id == interop.krate { format!("{} as codes", system.id) } else { system.id.clone() };
    let path = if system.id == interop.krate { "codes".to_owned() } else { system.id.clone() };
    format!(
        "# #[cfg(feature = {feature:?})] {{\n\
         // The system's module and the crate share a name: import the module under another.\n\
         use netcodes::{module};\n\
         \n\
         let theirs = ::{krate}::{foreign}::{make}({value}).unwrap();\n\
         let ours = {path}::{ty}::from(theirs);\n\
         assert_eq!(ours, {path}::{ty}::{ident});\n\
         assert_eq!(::{krate}::{foreign}::try_from(ours).unwrap(), theirs);\n\
         # }}",
        feature = interop.feature,
        krate = interop.krate,
        foreign = interop.ty,
        make = interop.make,
        value = code.value,
        ty = system.type_name,
        ident = code.ident,
    )
}

/// A doc-tested example of a mapping and of a value with several meanings,
/// written from the model's own answers.
fn mapping_example(model: &Model) -> Option<String> {
    let mapping = model.mappings.iter().find(|m| m.source.is_some()).or(model.mappings.first())?;
    let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
    let rule = mapping.rules_by_specificity().next()?;
    let target = &to.codes[rule.to_row];
    let mut out = format!(
        "use netcodes::{to_id}::{to_ty};\n\
         \n\
         // {title}: the answer, and how sure it is.\n\
         let mapping = {to_ty}::{function}_rule({value}).unwrap();\n\
         assert_eq!(mapping.to, {to_ty}::{target});\n\
         assert_eq!({to_ty}::{function}({value}), Some({to_ty}::{target}));\n\
         println!(\"{{:?}}: {{:?}}\", mapping.kind, mapping.note);",
        to_id = to.id,
        to_ty = to.type_name,
        title = mapping.title.replace('\n', " "),
        function = mapping.function,
        value = rule.lo,
        target = target.ident,
    );
    let _ = from;
    // A value to which different sources give different meanings, if any system has one.
    let from_sources = |s: &System, c: &Code| c.meaning_count > 1 && s.meanings(c.value).iter().any(|m| m.source != c.source);
    if let Some((system, code)) = model.systems.iter().find_map(|s| s.codes.iter().find(|c| from_sources(s, c)).map(|c| (s, c))) {
        let sources: Vec<String> = system.meanings(code.value).iter().map(|m| format!("{:?}", system.sources[m.source].id)).collect();
        out.push_str(&format!(
            "\n\n// {value} means different things to different sources.\n\
             let sources: Vec<&str> = netcodes::{id}::{ty}::from({value}).meanings().map(|m| m.source().id()).collect();\n\
             assert_eq!(sources, [{sources}]);",
            value = code.value,
            id = system.id,
            ty = system.type_name,
            sources = sources.join(", "),
        ));
    }
    Some(out)
}
