//! The `netcodes` Rust crate, built with `quote!` and printed by prettyplease.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::escape;
use crate::model::*;
use crate::render::{GENERATED_NOTICE, GeneratedFile, Lookup};
use crate::validate::Project;

pub fn render(project: &Project, model: &Model) -> Vec<GeneratedFile> {
    let mut files = vec![
        GeneratedFile::new("generated/rust/Cargo.toml", cargo_toml(project)),
        GeneratedFile::new("generated/rust/src/lib.rs", lib_rs(model)),
        GeneratedFile::new("generated/rust/src/vocabulary.rs", vocabulary_rs(model)),
    ];
    for system in &model.systems {
        files.push(GeneratedFile::new(format!("generated/rust/src/{}.rs", system.id), system_rs(model, system)));
    }
    files
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
license = "MIT OR Apache-2.0"
repository = "https://github.com/netcodes/netcodes"
documentation = "https://docs.rs/netcodes"
readme = "README.md"
keywords = ["http", "status-code", "qt", "chromium", "errors"]
categories = ["network-programming", "no-std", "web-programming::http-client", "encoding"]
include = ["/src", "/README.md", "/LICENSE-MIT", "/LICENSE-APACHE"]

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

/// Prints items one by one (prettyplease puts no blank line between items)
/// and joins them with blank lines.
fn print_items(header: &str, inner: TokenStream, items: Vec<TokenStream>) -> String {
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
        let file: syn::File = syn::parse2(item.clone()).unwrap_or_else(|err| panic!("generated Rust parses: {err}\n{item}"));
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
fn doc_text(paragraphs: &[&str]) -> TokenStream {
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
fn doc_lines(lines: &[String]) -> TokenStream {
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

fn lit_str(text: &str) -> Literal {
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
        quote! { #(#mods)* mod vocabulary; },
        quote! { pub use vocabulary::{Category, Retry}; },
    ];
    print_items("", inner, items)
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

fn vocabulary_rs(model: &Model) -> String {
    let items = vec![
        term_enum(
            "Category",
            "What kind of failure a code is. Shared by every code system.",
            &model.categories,
        ),
        term_enum(
            "Retry",
            "Whether and how to retry after a code. Shared by every code system.",
            &model.retries,
        ),
    ];
    print_items("//! The vocabulary every code system shares: categories and retry classes.\n\n", quote!(), items)
}

fn term_enum(name: &str, doc: &str, terms: &[Term]) -> TokenStream {
    let ty = format_ident!("{name}");
    let doc = doc_text(&[doc]);
    let variants = terms.iter().map(|t| {
        let v = format_ident!("{}", t.rust);
        let d = doc_text(&[&format!("{}: {}", t.title, t.description)]);
        quote!(#d #v,)
    });
    let arms = |f: &dyn Fn(&Term) -> String| -> Vec<TokenStream> {
        terms
            .iter()
            .map(|t| {
                let v = format_ident!("{}", t.rust);
                let s = lit_str(&f(t));
                quote!(Self::#v => #s,)
            })
            .collect()
    };
    let id_arms = arms(&|t| t.id.clone());
    let title_arms = arms(&|t| t.title.clone());
    let description_arms = arms(&|t| t.description.clone());
    let all = terms.iter().map(|t| format_ident!("{}", t.rust));
    let from_arms = terms.iter().map(|t| {
        let v = format_ident!("{}", t.rust);
        let s = lit_str(&t.id);
        quote!(#s => Some(Self::#v),)
    });
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #ty { #(#variants)* }

        impl #ty {
            /// Every value, in the order of `data/vocabulary.toml`.
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            /// The identifier used in the data tables, e.g. `"dns"`.
            #[must_use]
            pub const fn id(self) -> &'static str { match self { #(#id_arms)* } }

            /// A short human title.
            #[must_use]
            pub const fn title(self) -> &'static str { match self { #(#title_arms)* } }

            /// One sentence on what this value means.
            #[must_use]
            pub const fn description(self) -> &'static str { match self { #(#description_arms)* } }

            /// The value whose [`id`](Self::id) is `id`.
            #[must_use]
            pub fn from_id(id: &str) -> Option<Self> { match id { #(#from_arms)* _ => None } }
        }

        impl core::fmt::Display for #ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str(self.id()) }
        }
    }
}

fn system_rs(model: &Model, system: &System) -> String {
    let ty = format_ident!("{}", system.type_name);
    let int = format_ident!("{}", system.int_type.rust());
    let lookup = Lookup::new(system);
    let mut items = Vec::new();

    items.push(quote! {
        use core::fmt;
        use core::str::FromStr;

        use crate::{Category, Retry};
    });
    items.push(group_enum(system));
    items.push(code_type(system));
    items.push(code_impl(model, system, &lookup));
    items.push(entry_tables(model, system, &lookup));
    items.push(conversions(system));
    items.push(text_impls(system));
    items.push(serde_impls(system));
    let _ = (&ty, &int);

    let mut header = vec![format!(" {}", escape::markdown(&system.title)), String::new()];
    header.push(format!(" {}", escape::markdown(&system.description)));
    header.push(String::new());
    header.push(format!(
        " Upstream: `{}`, as of {}; read from {}.",
        system.upstream.replace('`', ""),
        escape::markdown(&system.version),
        escape::markdown(&system.source)
    ));
    if !system.retired.is_empty() {
        header.push(String::new());
        header.push(format!(
            " {} retired numbers (removed upstream, or sentinels) are not offered as codes; \
             [`{ty}::is_retired`](crate::{id}::{ty}::is_retired) tells them apart from numbers upstream never used.",
            system.retired.len(),
            ty = system.type_name,
            id = system.id,
        ));
    }
    let inner_doc = header.iter().map(|l| format!("//!{l}\n")).collect::<String>();
    print_items(&format!("{inner_doc}\n"), quote!(), items)
}

fn group_enum(system: &System) -> TokenStream {
    let doc = doc_text(&[&format!("The value ranges {} documents for its codes.", system.upstream)]);
    let variants = system.groups.iter().map(|g| {
        let v = format_ident!("{}", g.rust);
        let d = doc_lines(&[format!("{} ({}..={}).", escape::markdown(&g.title), g.min, g.max)]);
        quote!(#d #v,)
    });
    let id_arms = system.groups.iter().map(|g| {
        let v = format_ident!("{}", g.rust);
        let s = lit_str(&g.id);
        quote!(Self::#v => #s,)
    });
    let title_arms = system.groups.iter().map(|g| {
        let v = format_ident!("{}", g.rust);
        let s = lit_str(&g.title);
        quote!(Self::#v => #s,)
    });
    let int = format_ident!("{}", system.int_type.rust());
    let range_arms = system.groups.iter().map(|g| {
        let v = format_ident!("{}", g.rust);
        let (lo, hi) = (lit_int(system, g.min), lit_int(system, g.max));
        quote!(Self::#v => (#lo, #hi),)
    });
    let of_arms = system.groups.iter().map(|g| {
        let v = format_ident!("{}", g.rust);
        let (lo, hi) = (lit_int(system, g.min), lit_int(system, g.max));
        if g.min == g.max { quote!(#lo => Some(Self::#v),) } else { quote!(#lo..=#hi => Some(Self::#v),) }
    });
    let all = system.groups.iter().map(|g| format_ident!("{}", g.rust));
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Group { #(#variants)* }

        impl Group {
            /// Every group, in value order.
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            /// The identifier used in the data tables.
            #[must_use]
            pub const fn id(self) -> &'static str { match self { #(#id_arms)* } }

            /// A short human title.
            #[must_use]
            pub const fn title(self) -> &'static str { match self { #(#title_arms)* } }

            /// The inclusive range of values in this group.
            #[must_use]
            pub const fn range(self) -> (#int, #int) { match self { #(#range_arms)* } }

            /// The group whose range holds `code`, known code or not.
            #[must_use]
            pub const fn of(code: #int) -> Option<Self> {
                #[allow(clippy::match_overlapping_arm, reason = "ranges are disjoint by validation")]
                match code { #(#of_arms)* _ => None }
            }
        }
    }
}

fn code_type(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = format_ident!("{}", system.int_type.rust());
    let holds = format!(
        "Any `{}` converts into this type and back unchanged, so a code from a newer upstream keeps its number; [`{}::is_known`] says whether this crate knows it.",
        system.int_type.rust(),
        system.type_name
    );
    let doc = doc_lines(&[
        format!(" A {} code.", escape::markdown(&system.upstream)),
        String::new(),
        format!(" {holds}"),
        String::new(),
        " The associated constants can be used in `match` patterns.".to_owned(),
    ]);
    quote! {
        #doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct #ty(#int);
    }
}

/// The doc comment of one code's constant.
fn const_doc(model: &Model, code: &Code) -> TokenStream {
    let mut lines = vec![
        format!(" `{}` ({}): {}", code.name.replace('`', "'"), code.value, escape::markdown(&code.description)),
        String::new(),
    ];
    let mut facts = vec![
        format!("category `{}`", model.categories[code.category].id),
        format!("retry `{}`", model.retries[code.retry].id),
    ];
    if code.status != Status::Current {
        facts.push(format!("status `{}`", code.status.id()));
    }
    if let Some(since) = &code.since {
        facts.push(format!("since {}", escape::markdown(since)));
    }
    if let Some(reference) = &code.reference {
        facts.push(format!("see {}", escape::markdown(reference)));
    }
    lines.push(format!(" {}.", facts.join(", ")));
    doc_lines(&lines)
}

fn code_impl(model: &Model, system: &System, lookup: &Lookup) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = format_ident!("{}", system.int_type.rust());
    let consts = system.codes.iter().map(|code| {
        let ident = format_ident!("{}", code.ident);
        let value = lit_int(system, code.value);
        let doc = const_doc(model, code);
        quote!(#doc pub const #ident: Self = Self(#value);)
    });
    let all = system.primary_codes().map(|code| format_ident!("{}", code.ident));
    let count = system.primary_codes().count();
    let count_doc = format!(" Every code this crate knows, in value order ({count} codes).");
    let (min, max) = (lit_int(system, lookup.min), lit_int(system, lookup.max));
    let since = (system.kind == SystemKind::Qt).then(|| {
        quote! {
            /// The upstream version that introduced this code, where upstream documents it.
            #[must_use]
            pub const fn since(self) -> Option<&'static str> {
                match self.entry() { Some(entry) => entry.since, None => None }
            }
        }
    });
    let flags = system.flags.iter().enumerate().map(|(i, flag)| {
        let method = format_ident!("{}", flag.method);
        let doc = doc_lines(&[format!(" {}", flag.doc), String::new(), " `false` for a code this crate does not know.".to_owned()]);
        let bit = Literal::u8_unsuffixed(1u8 << i);
        quote! {
            #doc
            #[must_use]
            pub const fn #method(self) -> bool {
                match self.entry() { Some(entry) => entry.flags & #bit != 0, None => false }
            }
        }
    });
    let retired = (!system.retired.is_empty()).then(|| {
        let values = system.retired.iter().map(|c| lit_int(system, c.value));
        quote! {
            /// Whether upstream retired this number (a removed code or a sentinel):
            /// it is never a current code and is never reused.
            #[must_use]
            pub const fn is_retired(self) -> bool { matches!(self.0, #(#values)|*) }
        }
    });
    let constructor = quote! {
        /// Wraps any value; one this crate does not know keeps its number.
        #[must_use]
        pub const fn new(code: #int) -> Self { Self(code) }
    };
    let index_expr = lookup.index_fn(system);
    quote! {
        impl #ty {
            #(#consts)*

            #[doc = #count_doc]
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            #constructor

            /// The numeric value, as upstream defines it.
            #[must_use]
            pub const fn code(self) -> #int { self.0 }

            /// Whether this crate knows the code.
            #[must_use]
            pub const fn is_known(self) -> bool { self.entry().is_some() }

            /// The name as upstream spells it, or `None` for a code this crate does not know
            /// (and for an HTTP vendor code whose vendor documents no reason phrase).
            #[must_use]
            pub const fn name(self) -> Option<&'static str> {
                match self.entry() { Some(entry) => entry.name, None => None }
            }

            /// What the code means and what to do about it.
            #[must_use]
            pub const fn description(self) -> Option<&'static str> {
                match self.entry() { Some(entry) => Some(entry.description), None => None }
            }

            /// What kind of failure this is.
            #[must_use]
            pub const fn category(self) -> Option<Category> {
                match self.entry() { Some(entry) => Some(entry.category), None => None }
            }

            /// Whether and how to retry.
            #[must_use]
            pub const fn retry(self) -> Option<Retry> {
                match self.entry() { Some(entry) => Some(entry.retry), None => None }
            }

            /// The documented range this value falls in, known code or not.
            #[must_use]
            pub const fn group(self) -> Option<Group> { Group::of(self.0) }

            #since
            #(#flags)*
            #retired

            /// The code whose name is `name`, in any spelling this crate gives it
            /// (upstream's, or the constant's). Binary search; no allocation.
            #[must_use]
            pub const fn from_name(name: &str) -> Option<Self> {
                let name = name.as_bytes();
                let (mut lo, mut hi) = (0, BY_NAME.len());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    match compare(BY_NAME[mid].0.as_bytes(), name) {
                        core::cmp::Ordering::Less => { lo = mid + 1; }
                        core::cmp::Ordering::Greater => { hi = mid; }
                        core::cmp::Ordering::Equal => return Some(ENTRIES[BY_NAME[mid].1 as usize].code),
                    }
                }
                None
            }

            /// The row of a known code: one bounds check and one table load.
            const fn entry(self) -> Option<&'static Entry> {
                if self.0 < #min || self.0 > #max { return None; }
                #index_expr
            }
        }
    }
}

fn entry_tables(model: &Model, system: &System, lookup: &Lookup) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let since_field = (system.kind == SystemKind::Qt).then(|| quote!(since: Option<&'static str>,));
    let entries = system.codes.iter().map(|code| {
        let ident = format_ident!("{}", code.ident);
        let name = if code.name.is_empty() {
            quote!(None)
        } else {
            let name = lit_str(&code.name);
            quote!(Some(#name))
        };
        let description = lit_str(&code.description);
        let category = format_ident!("{}", model.categories[code.category].rust);
        let retry = format_ident!("{}", model.retries[code.retry].rust);
        let flags = Literal::u8_unsuffixed(code.flags.iter().enumerate().fold(0u8, |acc, (i, &on)| acc | (u8::from(on) << i)));
        let since = (system.kind == SystemKind::Qt).then(|| match &code.since {
            Some(s) => {
                let s = lit_str(s);
                quote!(since: Some(#s),)
            }
            None => quote!(since: None,),
        });
        quote! {
            Entry {
                code: #ty::#ident,
                name: #name,
                description: #description,
                category: Category::#category,
                retry: Retry::#retry,
                flags: #flags,
                #since
            },
        }
    });
    let by_name = lookup.by_name.iter().map(|(name, index)| {
        let name = lit_str(name);
        let index = Literal::u32_unsuffixed(u32::try_from(*index).expect("fewer than 2^32 rows"));
        quote!((#name, #index),)
    });
    let index_table = lookup.index_table(system);
    let count = Literal::usize_unsuffixed(lookup.entries);
    let by_name_count = Literal::usize_unsuffixed(lookup.by_name.len());
    quote! {
        /// One known code: everything the lookups answer.
        struct Entry {
            code: #ty,
            /// `None` only for an HTTP vendor code without a reason phrase.
            name: Option<&'static str>,
            description: &'static str,
            category: Category,
            retry: Retry,
            /// Bit i is flag i of the system's extra boolean columns.
            #[allow(dead_code, reason = "only systems with flags read it")]
            flags: u8,
            #since_field
        }

        /// Every meaning in value order; the first row of a value is its primary meaning.
        static ENTRIES: [Entry; #count] = [#(#entries)*];

        /// Every accepted name, sorted by bytes, with its index in `ENTRIES`.
        static BY_NAME: [(&str, u32); #by_name_count] = [#(#by_name)*];

        #index_table

        /// Byte-wise comparison usable in `const fn`.
        const fn compare(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
            let mut i = 0;
            while i < a.len() && i < b.len() {
                if a[i] != b[i] {
                    return if a[i] < b[i] { core::cmp::Ordering::Less } else { core::cmp::Ordering::Greater };
                }
                i += 1;
            }
            if a.len() < b.len() {
                core::cmp::Ordering::Less
            } else if a.len() > b.len() {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        }
    }
}

fn conversions(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = format_ident!("{}", system.int_type.rust());
    quote! {
        impl From<#int> for #ty {
            fn from(code: #int) -> Self { Self(code) }
        }

        impl From<#ty> for #int {
            fn from(code: #ty) -> Self { code.0 }
        }
    }
}

fn text_impls(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let ty_name = &system.type_name;
    let int = format_ident!("{}", system.int_type.rust());
    let parse_doc = format!(
        " The error of parsing a [`{ty_name}`]: the text is neither a name this crate knows nor a number {ty_name} can hold."
    );
    let message = format!("not a {} name or number", system.upstream);
    let from_number = quote!(text.parse::<#int>().ok().map(Self));
    let debug_unknown = format!("{ty_name}({{}})");
    let debug_known = format!("{ty_name}({{}}: {{}})");
    quote! {
        #[doc = #parse_doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseError;

        impl fmt::Display for ParseError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(#message) }
        }

        impl core::error::Error for ParseError {}

        /// Parses an upstream name (`from_name`) or a decimal number.
        impl FromStr for #ty {
            type Err = ParseError;
            fn from_str(text: &str) -> Result<Self, ParseError> {
                Self::from_name(text).or_else(|| #from_number).ok_or(ParseError)
            }
        }

        /// The upstream name, or the number for a code this crate does not know.
        impl fmt::Display for #ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, "{}", self.0),
                }
            }
        }

        /// `Type(value: name)` for a known code, `Type(value)` otherwise.
        impl fmt::Debug for #ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(name) => write!(f, #debug_known, self.0, name),
                    None => write!(f, #debug_unknown, self.0),
                }
            }
        }
    }
}

fn serde_impls(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = format_ident!("{}", system.int_type.rust());
    let expecting = format!("a {} number or name", system.upstream);
    let serialize = match system.int_type {
        IntType::I32 => quote!(serializer.serialize_i32(self.0)),
        IntType::U16 => quote!(serializer.serialize_u16(self.0)),
    };
    let from_i64 = quote!(#int::try_from(value).ok().map(#ty));
    quote! {
        /// Serializes as the number.
        #[cfg(feature = "serde")]
        impl serde::Serialize for #ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> { #serialize }
        }

        /// Deserializes from a number or from any name `from_name` accepts.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for #ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = #ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(#expecting) }
                    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<#ty, E> {
                        #from_i64.ok_or_else(|| E::invalid_value(serde::de::Unexpected::Signed(value), &self))
                    }
                    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<#ty, E> {
                        i64::try_from(value)
                            .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
                            .and_then(|value| self.visit_i64(value))
                    }
                    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<#ty, E> {
                        #ty::from_name(value).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(value), &self))
                    }
                }
                deserializer.deserialize_any(Visitor)
            }
        }
    }
}

/// An empty file to print single items with.
fn file_template() -> syn::File {
    syn::parse_str("").expect("the empty file parses")
}
