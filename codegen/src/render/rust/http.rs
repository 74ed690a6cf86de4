//! What only HTTP statuses have: several meanings per code (registry and
//! vendors), reason phrases old and new, each ecosystem's names, and
//! conversions with the `http` crate.

use std::fmt::Write;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{doc_text, lit_int, lit_str};
use crate::escape;
use crate::model::*;
use crate::spell;

/// Extra fields of an HTTP row.
pub(super) fn entry_fields() -> TokenStream {
    quote! {
        source: Source,
        ident: &'static str,
        /// How many meanings the value has (set on every row of the value).
        meanings: u8,
        /// Every ecosystem's names for the value (on its first row only).
        symbols: &'static [Symbol],
    }
}

/// The extra fields of an HTTP row, as text (see `tables::rows`).
pub(super) fn entry_fields_text(model: &Model, system: &System, code: &Code, out: &mut String) {
    let http = model.http.as_ref().expect("HTTP extras load with the HTTP table");
    let source = spell::upper_camel(&http.sources[code.source.expect("HTTP rows have a source")].id);
    let meanings = system.meanings(code.value).len();
    assert!(meanings < 256, "the meaning count fits in a u8");
    writeln!(out, "        source: Source::{source},").expect("write to String");
    writeln!(out, "        ident: {},", Literal::string(&code.ident)).expect("write to String");
    writeln!(out, "        meanings: {meanings},").expect("write to String");
    // Symbols are sorted by code: the value's run is found by binary search.
    let start = http.symbols.partition_point(|s| s.code < code.value);
    let end = http.symbols.partition_point(|s| s.code <= code.value);
    let run = if code.primary { &http.symbols[start..end] } else { &[] };
    if run.is_empty() {
        out.push_str("        symbols: &[],\n");
        return;
    }
    out.push_str("        symbols: &[\n");
    for symbol in run {
        let since = symbol.since.as_deref().map_or_else(|| "None".to_owned(), |s| format!("Some({})", Literal::string(s)));
        writeln!(
            out,
            "            Symbol {{ ecosystem: Ecosystem::{}, name: {}, alias: {}, since: {since} }},",
            spell::upper_camel(&http.ecosystems[symbol.ecosystem].id),
            Literal::string(&symbol.symbol),
            !symbol.primary
        )
        .expect("write to String");
    }
    out.push_str("        ],\n");
}

pub(super) fn items(model: &Model, system: &System) -> Vec<TokenStream> {
    let http = model.http.as_ref().expect("HTTP extras load with the HTTP table");
    vec![
        source_enum(&http.sources),
        ecosystem_enum(&http.ecosystems),
        meaning_type(),
        status_methods(),
        reason_table(system, http),
        http_crate_conversions(),
    ]
}

fn source_enum(sources: &[Source]) -> TokenStream {
    let variant = |s: &Source| format_ident!("{}", spell::upper_camel(&s.id));
    let variants = sources.iter().map(|s| {
        let v = variant(s);
        let doc = doc_text(&[&s.title]);
        quote!(#doc #v,)
    });
    let arms = |f: &dyn Fn(&Source) -> String| -> Vec<TokenStream> {
        sources
            .iter()
            .map(|s| {
                let v = variant(s);
                let text = lit_str(&f(s));
                quote!(Self::#v => #text,)
            })
            .collect()
    };
    let (ids, titles, urls) = (arms(&|s| s.id.clone()), arms(&|s| s.title.clone()), arms(&|s| s.url.clone()));
    quote! {
        /// Who gives a status a meaning: the IANA registry, or a vendor whose
        /// software sends it. The order is the precedence when a number has
        /// several meanings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Source { #(#variants)* }

        impl Source {
            /// The identifier used in the data tables, e.g. `"nginx"`.
            #[must_use]
            pub const fn id(self) -> &'static str { match self { #(#ids)* } }

            /// A human title.
            #[must_use]
            pub const fn title(self) -> &'static str { match self { #(#titles)* } }

            /// Where the source documents its codes; empty where nothing public does.
            #[must_use]
            pub const fn url(self) -> &'static str { match self { #(#urls)* } }
        }
    }
}

fn ecosystem_enum(ecosystems: &[Ecosystem]) -> TokenStream {
    let variant = |e: &Ecosystem| format_ident!("{}", spell::upper_camel(&e.id));
    let variants = ecosystems.iter().map(|e| {
        let v = variant(e);
        let doc = doc_text(&[&format!("{} {}", e.title, e.version)]);
        quote!(#doc #v,)
    });
    let arms = |f: &dyn Fn(&Ecosystem) -> String| -> Vec<TokenStream> {
        ecosystems
            .iter()
            .map(|e| {
                let v = variant(e);
                let text = lit_str(&f(e));
                quote!(Self::#v => #text,)
            })
            .collect()
    };
    let (ids, titles, versions) = (arms(&|e| e.id.clone()), arms(&|e| e.title.clone()), arms(&|e| e.version.clone()));
    let all = ecosystems.iter().map(variant);
    quote! {
        /// A library or framework whose names for HTTP statuses this crate records.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Ecosystem { #(#variants)* }

        impl Ecosystem {
            /// Every ecosystem, in the order of the docs table.
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            /// The identifier used in the data tables, e.g. `"python"`.
            #[must_use]
            pub const fn id(self) -> &'static str { match self { #(#ids)* } }

            /// A human title, e.g. `"Python http.HTTPStatus"`.
            #[must_use]
            pub const fn title(self) -> &'static str { match self { #(#titles)* } }

            /// The release the names were read from.
            #[must_use]
            pub const fn version(self) -> &'static str { match self { #(#versions)* } }
        }

        /// One ecosystem's name for a status.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Symbol {
            /// Whose name it is.
            pub ecosystem: Ecosystem,
            /// The name exactly as the ecosystem spells it.
            pub name: &'static str,
            /// An older or second name that still works.
            pub alias: bool,
            /// The ecosystem release that added the name, where later than [`Ecosystem::version`].
            pub since: Option<&'static str>,
        }
    }
}

fn meaning_type() -> TokenStream {
    quote! {
        /// One meaning of a status: the registry's, or one vendor's.
        #[derive(Clone, Copy)]
        pub struct Meaning(&'static Entry);

        impl Meaning {
            /// The status.
            #[must_use]
            pub const fn code(self) -> Status { self.0.code }

            /// Who gives the status this meaning.
            #[must_use]
            pub const fn source(self) -> Source { self.0.source }

            /// The constant's name, e.g. `"NGINX_CLIENT_CLOSED_REQUEST"`.
            #[must_use]
            pub const fn ident(self) -> &'static str { self.0.ident }

            /// The reason phrase, or `None` where the vendor documents none.
            #[must_use]
            pub const fn reason(self) -> Option<&'static str> { self.0.name }

            /// What the status means here and what to do about it.
            #[must_use]
            pub const fn description(self) -> &'static str { self.0.description }

            /// What kind of failure this is.
            #[must_use]
            pub const fn category(self) -> Category { self.0.category }

            /// Whether and how to retry.
            #[must_use]
            pub const fn retry(self) -> Retry { self.0.retry }

            /// Where the meaning stands: current, deprecated, unofficial, ...
            #[must_use]
            pub const fn status(self) -> CodeStatus { self.0.status }
        }

        impl fmt::Debug for Meaning {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct("Meaning")
                    .field("code", &self.0.code.0)
                    .field("source", &self.0.source)
                    .field("reason", &self.0.name)
                    .finish_non_exhaustive()
            }
        }

        impl PartialEq for Meaning {
            fn eq(&self, other: &Self) -> bool { core::ptr::eq(self.0, other.0) }
        }

        impl Eq for Meaning {}
    }
}

fn status_methods() -> TokenStream {
    quote! {
        impl Status {
            /// The reason phrase of the status's primary meaning (RFC 9110's for a
            /// registered code), or `None` for a code this crate does not know or
            /// whose vendor documents no phrase. Same as [`name`](Self::name).
            #[must_use]
            pub const fn reason(self) -> Option<&'static str> { self.name() }

            /// Every meaning of the status: the registry's (or the most common
            /// vendor's) first, then the other vendors'. Empty for an unknown code.
            pub fn meanings(self) -> impl ExactSizeIterator<Item = Meaning> + Clone {
                let rows: &'static [Entry] = match self.row() {
                    Some(row) => {
                        let count = ENTRIES[row].meanings as usize;
                        &ENTRIES[row..row + count]
                    }
                    None => &[],
                };
                rows.iter().map(Meaning)
            }

            /// Every ecosystem's names for the status (empty for an unknown code).
            #[must_use]
            pub const fn symbols(self) -> &'static [Symbol] {
                match self.entry() { Some(entry) => entry.symbols, None => &[] }
            }

            /// What `ecosystem` calls the status now (its primary name, not an alias).
            #[must_use]
            pub fn symbol(self, ecosystem: Ecosystem) -> Option<&'static str> {
                self.symbols().iter().find(|s| s.ecosystem == ecosystem && !s.alias).map(|s| s.name)
            }

            /// The status whose reason phrase is `phrase`, ignoring ASCII case:
            /// the current phrase (RFC 9110) or one an earlier RFC used, so
            /// "Payload Too Large" (RFC 7231) and "Request Entity Too Large"
            /// (RFC 2616) both find 413. Vendor phrases are found too.
            #[must_use]
            pub const fn from_reason(phrase: &str) -> Option<Self> {
                let phrase = phrase.as_bytes();
                let (mut lo, mut hi) = (0, REASONS.len());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    match compare_folded(REASONS[mid].0.as_bytes(), phrase) {
                        core::cmp::Ordering::Less => { lo = mid + 1; }
                        core::cmp::Ordering::Greater => { hi = mid; }
                        core::cmp::Ordering::Equal => return Some(Self(REASONS[mid].1)),
                    }
                }
                None
            }

            /// Whether the value is a valid status code (three digits, 100 to 999).
            #[must_use]
            pub const fn is_valid(self) -> bool { self.0 >= 100 && self.0 <= 999 }
        }

        /// Compares `folded` (already lower case) with `text` lowered on the fly.
        const fn compare_folded(folded: &[u8], text: &[u8]) -> core::cmp::Ordering {
            let mut i = 0;
            while i < folded.len() && i < text.len() {
                let (a, b) = (folded[i], text[i].to_ascii_lowercase());
                if a != b {
                    return if a < b { core::cmp::Ordering::Less } else { core::cmp::Ordering::Greater };
                }
                i += 1;
            }
            if folded.len() < text.len() {
                core::cmp::Ordering::Less
            } else if folded.len() > text.len() {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        }
    }
}

/// Every phrase a status is known by, lower-cased and sorted by bytes; the
/// registered meaning claims a phrase before a vendor's or an old one.
fn reason_table(system: &System, http: &HttpExtras) -> TokenStream {
    let mut pairs: Vec<(String, i64)> = Vec::new();
    let mut add = |phrase: &str, value: i64| {
        let folded = phrase.to_ascii_lowercase();
        if !phrase.is_empty() && !pairs.iter().any(|(p, _)| *p == folded) {
            pairs.push((folded, value));
        }
    };
    for code in system.primary_codes() {
        add(&code.name, code.value);
    }
    for alias in &http.reason_history {
        add(&alias.reason, alias.code);
    }
    for code in system.codes.iter().filter(|c| !c.primary) {
        add(&code.name, code.value);
    }
    pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let count = Literal::usize_unsuffixed(pairs.len());
    let rows = pairs.iter().map(|(phrase, value)| {
        let phrase = lit_str(phrase);
        let value = lit_int(system, *value);
        quote!((#phrase, #value),)
    });
    let doc = format!(
        " Reason phrases, current ({}) and earlier, lower-cased, with their status.",
        escape::markdown(&system.version)
    );
    quote! {
        #[doc = #doc]
        static REASONS: [(&str, u16); #count] = [#(#rows)*];
    }
}

fn http_crate_conversions() -> TokenStream {
    quote! {
        /// The error of converting a [`Status`] outside 100..=999 into an `http::StatusCode`.
        #[cfg(feature = "http")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct InvalidStatus(pub u16);

        #[cfg(feature = "http")]
        impl fmt::Display for InvalidStatus {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} is not a valid HTTP status code (100..=999)", self.0)
            }
        }

        #[cfg(feature = "http")]
        impl core::error::Error for InvalidStatus {}

        /// Every `http::StatusCode` is a `Status` with the same number.
        #[cfg(feature = "http")]
        impl From<::http::StatusCode> for Status {
            fn from(code: ::http::StatusCode) -> Self { Self(code.as_u16()) }
        }

        /// A `Status` in 100..=999 is an `http::StatusCode` with the same number.
        #[cfg(feature = "http")]
        impl TryFrom<Status> for ::http::StatusCode {
            type Error = InvalidStatus;
            fn try_from(status: Status) -> Result<Self, InvalidStatus> {
                ::http::StatusCode::from_u16(status.0).map_err(|_| InvalidStatus(status.0))
            }
        }
    }
}
