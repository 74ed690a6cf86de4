//! The vocabulary shared by every module: categories and retry classes.

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

