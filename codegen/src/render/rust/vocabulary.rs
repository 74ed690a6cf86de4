//! The vocabulary shared by every module: categories, retry classes, a
//! code's status upstream, and the shape of a mapping's answer.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_text, lit_str, print_items};
use crate::model::*;

pub(super) fn vocabulary_rs(model: &Model) -> String {
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
        code_status(),
        mapping_types(),
    ];
    print_items(
        "//! The vocabulary every code system shares: categories, retry classes, statuses and mappings.\n\n",
        quote!(),
        items.into_iter().map(Into::into).collect(),
    )
}

/// Statuses a code the crate offers can have (removed numbers and sentinels are never offered).
fn code_status() -> TokenStream {
    let offered: Vec<(&str, &str)> = Status::ALL
        .iter()
        .filter(|s| !s.is_retired())
        .map(|s| match s {
            Status::Current => ("Current", "In use upstream."),
            Status::Unused => ("Unused", "Registered, but reserved and not to be sent (HTTP 306, 418)."),
            Status::Deprecated => ("Deprecated", "Still defined upstream, but not to be used any more."),
            Status::Obsolete => ("Obsolete", "Defined by a specification that has been retired."),
            Status::Unofficial => ("Unofficial", "Sent by a vendor's software, not registered."),
            Status::Removed | Status::Sentinel => unreachable!("filtered out"),
        })
        .collect();
    let variants = offered.iter().map(|(name, doc)| {
        let v = format_ident!("{name}");
        let d = format!(" {doc}");
        quote!(#[doc = #d] #v,)
    });
    let ids = Status::ALL.iter().filter(|s| !s.is_retired()).zip(&offered).map(|(s, (name, _))| {
        let v = format_ident!("{name}");
        let id = lit_str(s.id());
        quote!(Self::#v => #id,)
    });
    quote! {
        /// Where a code stands in its upstream.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum CodeStatus { #(#variants)* }

        impl CodeStatus {
            /// The identifier used in the data tables, e.g. `"deprecated"`.
            #[must_use]
            pub const fn id(self) -> &'static str { match self { #(#ids)* } }
        }

        impl core::fmt::Display for CodeStatus {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str(self.id()) }
        }
    }
}

fn mapping_types() -> TokenStream {
    quote! {
        /// How sure a mapping between two systems is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MappingKind {
            /// What the upstream software itself does (Qt's own HTTP status conversion).
            Upstream,
            /// The same failure under another name.
            Equivalent,
            /// The closest match; the note says why.
            Approximate,
        }

        impl MappingKind {
            /// `"upstream"`, `"equivalent"` or `"approximate"`.
            #[must_use]
            pub const fn id(self) -> &'static str {
                match self {
                    Self::Upstream => "upstream",
                    Self::Equivalent => "equivalent",
                    Self::Approximate => "approximate",
                }
            }
        }

        /// The answer of a mapping: the code in the other system, how sure it
        /// is, and why.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Mapping<T> {
            /// The code in the target system.
            pub to: T,
            /// How sure the mapping is.
            pub kind: MappingKind,
            /// Why, where the table says.
            pub note: Option<&'static str>,
        }
    }
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

