//! One module per code system: the code type, its constants, lookups and trait impls.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{Item, doc_lines, doc_text, http, lit_int, lit_str, mapping, print_items, tables};
use crate::escape;
use crate::model::*;
use crate::render::Lookup;

pub(super) fn system_rs(model: &Model, system: &System) -> String {
    let lookup = Lookup::new(model, system);
    let mut items: Vec<Item> = vec![
        quote! {
            use core::fmt;
            use core::str::FromStr;

            use crate::{Category, CodeStatus, Retry};
        }
        .into(),
        group_enum(system).into(),
        code_type(system).into(),
        Item::Text(tables::constants(model, system)),
        code_impl(model, system, &lookup).into(),
        entry_type(system).into(),
        Item::Text(tables::rows(model, system, &lookup)),
    ];
    items.extend(tables::mappings(model, system).into_iter().map(Item::Text));
    if system.kind == SystemKind::Http {
        items.extend(http::items(model, system).into_iter().map(Item::Code));
    }
    items.push(conversions(system).into());
    items.push(text_impls(system).into());
    items.push(serde_impls(system).into());

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
/// The doc comment of one code's constant, one `///` line each.
pub(super) fn const_doc_lines(model: &Model, code: &Code) -> Vec<String> {
    let mut lines = vec![
        format!(" {} ({}): {}", doc_name(&code.name), code.value, escape::markdown(&code.description)),
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
    lines
}

fn code_impl(model: &Model, system: &System, lookup: &Lookup) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = format_ident!("{}", system.int_type.rust());
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
    let group_predicates = system.groups.iter().map(|g| {
        let method = format_ident!("is_{}", g.id);
        let variant = format_ident!("{}", g.rust);
        let doc = format!(" Whether the value lies in {} ({}..={}), known code or not.", escape::markdown(&g.title), g.min, g.max);
        quote! {
            #[doc = #doc]
            #[must_use]
            pub const fn #method(self) -> bool { matches!(Group::of(self.0), Some(Group::#variant)) }
        }
    });
    let mapping_methods = mapping::methods(model, system);
    let entry_fns = entry_fns(system, lookup);
    quote! {
        impl #ty {
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

            /// Where the code stands upstream (current, deprecated, ...).
            #[must_use]
            pub const fn status(self) -> Option<CodeStatus> {
                match self.entry() { Some(entry) => Some(entry.status), None => None }
            }

            /// The documented range this value falls in, known code or not.
            #[must_use]
            pub const fn group(self) -> Option<Group> { Group::of(self.0) }

            #(#group_predicates)*
            #since
            #(#flags)*
            #retired

            /// The code whose name is `name`: upstream's spelling, the constant's,
            /// and for HTTP what other ecosystems call it (`StatusNotFound`,
            /// `REQUEST_ENTITY_TOO_LARGE`). Case matters. Binary search; no allocation.
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

            #mapping_methods

            #entry_fns
        }
    }
}

/// The row type behind the lookups (its values are in `tables::rows`).
fn entry_type(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let since_field = (system.kind == SystemKind::Qt).then(|| quote!(since: Option<&'static str>,));
    let http_fields = (system.kind == SystemKind::Http).then(http::entry_fields);
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
            status: CodeStatus,
            #since_field
            #http_fields
        }

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
    let (from_str, display) = if system.number_first {
        (
            quote! {
                /// Parses a name (`from_name`), a number, or a number followed by
                /// its name as `Display` writes it (`"404 Not Found"`).
                impl FromStr for #ty {
                    type Err = ParseError;
                    fn from_str(text: &str) -> Result<Self, ParseError> {
                        if let Some(code) = Self::from_name(text) {
                            return Ok(code);
                        }
                        let (number, rest) = text.split_once(' ').unwrap_or((text, ""));
                        let code = number.parse::<#int>().map(Self).map_err(|_| ParseError)?;
                        if rest.is_empty() || code.name() == Some(rest) { Ok(code) } else { Err(ParseError) }
                    }
                }
            },
            quote! {
                /// The number and the name (`404 Not Found`), or only the number
                /// for a code without a name.
                impl fmt::Display for #ty {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        match self.name() {
                            Some(name) => write!(f, "{} {}", self.0, name),
                            None => write!(f, "{}", self.0),
                        }
                    }
                }
            },
        )
    } else {
        (
            quote! {
                /// Parses a name (`from_name`) or a decimal number.
                impl FromStr for #ty {
                    type Err = ParseError;
                    fn from_str(text: &str) -> Result<Self, ParseError> {
                        Self::from_name(text).or_else(|| text.parse::<#int>().ok().map(Self)).ok_or(ParseError)
                    }
                }
            },
            quote! {
                /// The name, or the number for a code this crate does not know.
                impl fmt::Display for #ty {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        match self.name() {
                            Some(name) => f.write_str(name),
                            None => write!(f, "{}", self.0),
                        }
                    }
                }
            },
        )
    };
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

        #from_str

        #display

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


/// The `CodeStatus` variant of an offered code's status.
pub(super) fn status_variant(status: Status) -> &'static str {
    match status {
        Status::Current => "Current",
        Status::Unused => "Unused",
        Status::Deprecated => "Deprecated",
        Status::Obsolete => "Obsolete",
        Status::Unofficial => "Unofficial",
        Status::Removed | Status::Sentinel => unreachable!("retired codes are not offered"),
    }
}

/// A name in a doc comment: as code when it is an identifier, as escaped text
/// otherwise (HTTP reason phrases are free text).
fn doc_name(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("`{name}`")
    } else {
        escape::markdown(name)
    }
}

/// Rust: `entry()`, the row of a known code, and `row()`, its index in
/// `ENTRIES` (HTTP's `meanings()` needs it).
///
/// Dense: `INDEX` holds a reference to the row itself, so a lookup is a
/// range check and one load before the field's own load, as close to an
/// array index as a table of rows gets (tests/benches/lookups.rs measures
/// it against one). Sparse: a lower-bound binary search.
fn entry_fns(system: &System, lookup: &Lookup) -> TokenStream {
    let (min, max) = (lit_int(system, lookup.min), lit_int(system, lookup.max));
    if lookup.dense.is_some() {
        let row = (system.kind == SystemKind::Http).then(|| {
            quote! {
                /// Index of the code's first row in `ENTRIES`.
                fn row(self) -> Option<usize> {
                    self.entry().map(|entry| {
                        (core::ptr::from_ref(entry).addr() - ENTRIES.as_ptr().addr()) / core::mem::size_of::<Entry>()
                    })
                }
            }
        });
        quote! {
            /// The row of a known code: one range check and one table load.
            const fn entry(self) -> Option<&'static Entry> {
                if self.0 < #min || self.0 > #max { return None; }
                INDEX[self.0.abs_diff(#min) as usize]
            }

            #row
        }
    } else {
        // Lower bound: the first row of the value is its primary meaning.
        quote! {
            /// The row of a known code: a binary search over the rows.
            const fn entry(self) -> Option<&'static Entry> {
                match self.row() { Some(row) => Some(&ENTRIES[row]), None => None }
            }

            /// Index of the code's first row in `ENTRIES`.
            const fn row(self) -> Option<usize> {
                if self.0 < #min || self.0 > #max { return None; }
                let (mut lo, mut hi) = (0, ENTRIES.len());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if ENTRIES[mid].code.0 < self.0 { lo = mid + 1; } else { hi = mid; }
                }
                if lo < ENTRIES.len() && ENTRIES[lo].code.0 == self.0 { Some(lo) } else { None }
            }
        }
    }
}
