//! The `netcodes` Rust crate, built with `quote!` and printed by prettyplease.

mod http;
mod mapping;
mod system;
mod tables;
mod vocabulary;

use system::system_rs;
use vocabulary::vocabulary_rs;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::escape;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile};
use crate::validate::Project;

pub fn render(project: &Project, model: &Model) -> Vec<GeneratedFile> {
    let mut files = vec![
        GeneratedFile::new("generated/rust/Cargo.toml", cargo_toml(project)),
        GeneratedFile::new("generated/rust/src/lib.rs", lib_rs(model)),
        GeneratedFile::new("generated/rust/src/vocabulary.rs", vocabulary_rs(model)),
        GeneratedFile::new("generated/rust/README.md", readme(model)),
        // The repository's license travels with the published crate.
        GeneratedFile::new("generated/rust/LICENSE", crate::render::license_text()),
    ];
    for system in &model.systems {
        files.push(GeneratedFile::new(format!("generated/rust/src/{}.rs", system.id), system_rs(model, system)));
    }
    files
}

fn readme(model: &Model) -> String {
    let mut out = format!("<!-- {GENERATED_NOTICE} -->\n# netcodes\n\n");
    out.push_str(
        "Network error and status codes for Rust: HTTP statuses (the IANA registry and the vendor codes \
         servers, proxies and CDNs really send), the obsolete HTTP Warning codes, Qt's \
         `QNetworkReply::NetworkError` and Chromium's net errors. Every code has its upstream name and value, \
         a description, a category and retry advice, and its closest equivalents in the other systems. \
         `no_std`, no required dependencies.\n\n",
    );
    out.push_str("| module | code type | codes |\n|---|---|---|\n");
    for system in &model.systems {
        out.push_str(&format!(
            "| `netcodes::{}` | `{}` | {} {} ({}) |\n",
            system.id,
            system.type_name,
            system.codes.len(),
            escape::markdown(&system.title),
            escape::markdown(&system.version)
        ));
    }
    out.push_str(
        "\n```rust\nuse netcodes::chromium::NetError;\nuse netcodes::qt::NetworkError;\n\n\
         let error = NetError::from(-105);\n\
         assert_eq!(error.name(), Some(\"ERR_NAME_NOT_RESOLVED\"));\n\
         assert_eq!(error.to_qt(), Some(NetworkError::HOST_NOT_FOUND_ERROR));\n\
         assert_eq!(NetworkError::from_http_status(502), Some(NetworkError::UNKNOWN_SERVER_ERROR));\n```\n\n\
         Optional features: `serde` (numbers out, numbers or names in) and `http` (conversions with \
         `http::StatusCode`).\n",
    );
    out
}

fn cargo_toml(project: &Project) -> String {
    format!(
        r#"# {GENERATED_NOTICE}
[package]
name = "netcodes"
version = "{version}"
edition = "2024"
rust-version = "1.85"
description = "Network error and status codes: HTTP (registry and vendor codes), Qt QNetworkReply errors and Chromium net errors, with names, descriptions, categories, retry advice and cross-mappings."
license = "MIT"
repository = "https://github.com/netcodes/netcodes"
documentation = "https://docs.rs/netcodes"
readme = "README.md"
keywords = ["http", "status-code", "qt", "chromium", "errors"]
categories = ["network-programming", "no-std", "web-programming::http-client", "encoding"]
include = ["/src", "/README.md", "/LICENSE"]

[features]
default = []
## Serialize codes as numbers; deserialize from a number or an upstream name.
serde = ["dep:serde"]
## Lossless conversions between `http::Status` and `http::StatusCode`.
http = ["dep:http"]

[dependencies]
serde = {{ version = "1.0.180", optional = true, default-features = false }}
http = {{ version = "1.0.0", optional = true }}

[package.metadata.docs.rs]
all-features = true
"#,
        version = project.version
    )
}

/// One top-level piece of a generated file.
pub(super) enum Item {
    /// Printed by prettyplease.
    Code(TokenStream),
    /// Already formatted: the per-code tables (see `tables`).
    Text(String),
}

impl From<TokenStream> for Item {
    fn from(tokens: TokenStream) -> Self {
        Item::Code(tokens)
    }
}

/// Prints items one by one (prettyplease puts no blank line between items)
/// and joins them with blank lines.
pub(super) fn print_items(header: &str, inner: TokenStream, items: Vec<Item>) -> String {
    let mut out = format!("// {GENERATED_NOTICE}\n");
    out.push_str(header);
    let inner_file: syn::File = syn::parse2(inner).expect("generated inner attributes parse");
    let inner_text = prettyplease::unparse(&inner_file);
    if !inner_text.trim().is_empty() {
        out.push_str(&inner_text);
        out.push('\n');
    }
    let mut previous_was_use = None;
    for item in items {
        let item = match item {
            Item::Code(tokens) => tokens,
            Item::Text(text) => {
                if previous_was_use.is_some() {
                    out.push('\n');
                }
                previous_was_use = Some(false);
                out.push_str(&text);
                continue;
            }
        };
        let file: syn::File =
            syn::parse2(item.clone()).unwrap_or_else(|err| panic!("generated Rust parses: {err}\n{item}"));
        for item in file.items {
            let is_use = matches!(item, syn::Item::Use(_));
            // Blank line between items, except inside a run of `use` declarations.
            if previous_was_use.is_some_and(|previous| !(previous && is_use)) {
                out.push('\n');
            }
            previous_was_use = Some(is_use);
            let single = syn::File { items: vec![item], ..file_template() };
            out.push_str(&space_members(&prettyplease::unparse(&single)));
        }
    }
    out
}

/// prettyplease packs the members of an `impl` or `enum` together; put a
/// blank line before each documented member so the file reads like hand-written code.
fn space_members(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous = "";
    for line in text.lines() {
        let trimmed = line.trim_start();
        let starts_member = trimmed.starts_with("///") || trimmed.starts_with("#[");
        let after_member_start = previous.trim_start().starts_with("///")
            || previous.trim_start().starts_with("#[")
            || previous.trim_end().ends_with('{')
            || previous.is_empty();
        if starts_member && !after_member_start && line.starts_with(' ') {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
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
        lines.push(format!(" {}", escape::markdown(paragraph)));
    }
    doc_lines(&lines)
}

/// `#[doc]` attributes for lines that are already Markdown (written by this renderer).
pub(super) fn doc_lines(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let line = if line.is_empty() || line.starts_with(' ') { line.clone() } else { format!(" {line}") };
        quote!(#[doc = #line])
    });
    quote!(#(#attrs)*)
}

fn inner_doc_lines(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let line = if line.is_empty() || line.starts_with(' ') { line.clone() } else { format!(" {line}") };
        quote!(#![doc = #line])
    });
    quote!(#(#attrs)*)
}

pub(super) fn lit_str(text: &str) -> Literal {
    Literal::string(text)
}

/// An integer literal of the system's type, e.g. `-105i32` printed as `-105`.
pub(crate) fn lit_int(system: &System, value: i64) -> TokenStream {
    match system.int_type {
        IntType::I32 => {
            let v = Literal::i32_unsuffixed(i32::try_from(value).expect("validated to fit in i32"));
            quote!(#v)
        }
        IntType::U16 => {
            let v = Literal::u16_unsuffixed(u16::try_from(value).expect("validated to fit in u16"));
            quote!(#v)
        }
    }
}

fn lib_rs(model: &Model) -> String {
    let mut lines = vec![
        "Network error and status codes, one module per code system, all generated from one set of tables."
            .to_owned(),
        String::new(),
        "Every module has the same shape: a `Copy` code type that keeps any value of its integer type \
         (unknown codes keep their number), an associated constant per code, `name()`, `description()`, \
         `category()`, `retry()`, `is_known()`, `ALL`, `FromStr` by upstream name, `Display` and `Debug`."
            .to_owned(),
        String::new(),
        "| module | code type | codes |".to_owned(),
        "|---|---|---|".to_owned(),
    ];
    for system in &model.systems {
        lines.push(format!(
            "| [`{id}`] | [`{id}::{ty}`] | {n} {title} ({version}) |",
            id = system.id,
            ty = system.type_name,
            n = system.codes.len(),
            title = escape::markdown(&system.title),
            version = escape::markdown(&system.version)
        ));
    }
    for system in &model.systems {
        if let Some(example) = crate_example(system) {
            lines.push(String::new());
            lines.push(format!("## {}", escape::markdown(&system.title)));
            lines.push(String::new());
            lines.push("```".to_owned());
            lines.extend(example.lines().map(str::to_owned));
            lines.push("```".to_owned());
        }
    }
    if let Some(example) = mapping_example(model) {
        lines.push(String::new());
        lines.push("## Across systems".to_owned());
        lines.push(String::new());
        lines.push("```".to_owned());
        lines.extend(example.lines().map(str::to_owned));
        lines.push("```".to_owned());
    }
    lines.push(String::new());
    lines.push("## Features".to_owned());
    lines.push(String::new());
    lines.push(
        "- `serde`: codes serialize as their number and deserialize from a number or an upstream name.".to_owned(),
    );
    lines.push("- `http`: lossless conversions between `http::Status` and `http::StatusCode`.".to_owned());
    let docs = inner_doc_lines(&lines);
    let inner = quote! {
        #docs
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
    let items = vec![
        quote! { #(#mods)* mod vocabulary; }.into(),
        quote! { pub use vocabulary::{Category, CodeStatus, Mapping, MappingKind, Retry}; }.into(),
    ];
    print_items("", inner, items)
}

/// A doc-tested example of the mappings and of a status with several
/// meanings, written from the model's own answers.
fn mapping_example(model: &Model) -> Option<String> {
    let system = |kind| model.systems.iter().position(|s| s.kind == kind);
    let (qt, chromium, http) = (system(SystemKind::Qt)?, system(SystemKind::Chromium)?, system(SystemKind::Http)?);
    let mapping = |from, to| model.mappings.iter().find(|m| m.from == from && m.to == to);
    let ident = |system: usize, value: i64| {
        model.systems[system].codes.iter().find(|c| c.value == value && c.primary).map(|c| c.ident.clone())
    };
    let to_qt = ident(qt, mapping(chromium, qt)?.rule_for(-105)?.to)?;
    let from_http = mapping(http, qt)?;
    let gateway = ident(qt, from_http.rule_for(502)?.to)?;
    let meanings: Vec<String> = model.systems[http]
        .codes
        .iter()
        .filter(|c| c.value == 499)
        .map(|c| format!("{:?}", model.http.as_ref().map(|h| h.sources[c.source.unwrap_or(0)].id.clone()).unwrap_or_default()))
        .collect();
    Some(format!(
        "use netcodes::chromium::NetError;\n\
         use netcodes::http::Status;\n\
         use netcodes::qt::NetworkError;\n\
         \n\
         // What Qt would call Chromium's -105, and how sure that is.\n\
         let mapping = NetError::from(-105).to_qt_mapping().unwrap();\n\
         assert_eq!(mapping.to, NetworkError::{to_qt});\n\
         println!(\"{{:?}}: {{:?}}\", mapping.kind, mapping.note);\n\
         \n\
         // Qt's own conversion of an HTTP status.\n\
         assert_eq!(NetworkError::from_http_status(502), Some(NetworkError::{gateway}));\n\
         \n\
         // 499 means different things to different vendors.\n\
         let sources: Vec<&str> = Status::from(499).meanings().map(|m| m.source().id()).collect();\n\
         assert_eq!(sources, [{sources}]);",
        sources = meanings.join(", ")
    ))
}

/// A doc-tested example for the crate page, using the system's first real codes.
fn crate_example(system: &System) -> Option<String> {
    let ty = &system.type_name;
    let id = &system.id;
    let pick = |value: i64| system.codes.iter().find(|c| c.value == value && c.primary);
    let code = match system.kind {
        SystemKind::Qt => pick(203),
        SystemKind::Chromium => pick(-105),
        SystemKind::Http => pick(404),
        SystemKind::Warning => pick(214),
    }
    .or_else(|| system.codes.iter().find(|c| c.category != 0))?;
    let value = code.value;
    Some(format!(
        "use netcodes::{id}::{ty};\n\
         \n\
         let code = {ty}::from({literal});\n\
         assert_eq!(code, {ty}::{ident});\n\
         assert_eq!(code.name(), Some({name:?}));\n\
         assert_eq!(\"{name}\".parse::<{ty}>(), Ok(code));\n\
         assert!(code.description().is_some());\n\
         println!(\"{{code}}: {{:?}}, retry: {{:?}}\", code.category(), code.retry());",
        literal = value,
        ident = code.ident,
        name = code.name,
    ))
}

/// An empty file to print single items with.
fn file_template() -> syn::File {
    syn::parse_str("").expect("the empty file parses")
}
