//! The vocabulary shared by every module, and the one shape every small
//! enum of the crate takes: variants with documentation, and a `const fn`
//! per text attribute (`id()`, `title()`, ...).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_text, items, print_items};
use crate::model::*;

/// An enum whose variants carry text attributes.
pub(super) struct LabelledEnum<'a> {
    pub name: &'a str,
    pub doc: String,
    /// (variant, doc).
    pub variants: Vec<(String, String)>,
    /// (method, doc, one value per variant).
    pub texts: Vec<(&'a str, String, Vec<String>)>,
    /// `from_id()`, the inverse of the first text.
    pub from_id: bool,
    /// Items to add to the `impl` block.
    pub extra: TokenStream,
}

impl LabelledEnum<'_> {
    pub fn tokens(&self) -> TokenStream {
        let ty = format_ident!("{}", self.name);
        let doc = doc_text(&[&self.doc]);
        let variant_idents: Vec<_> = self.variants.iter().map(|(v, _)| format_ident!("{v}")).collect();
        let variants = self.variants.iter().zip(&variant_idents).map(|((_, d), v)| {
            let d = doc_text(&[d]);
            quote!(#d #v,)
        });
        let texts = self.texts.iter().map(|(method, doc, values)| {
            let method = format_ident!("{method}");
            let arms = variant_idents.iter().zip(values).map(|(v, text)| quote!(Self::#v => #text,));
            quote! {
                #[doc = #doc]
                #[must_use]
                pub const fn #method(self) -> &'static str { match self { #(#arms)* } }
            }
        });
        let from_id = self.from_id.then(|| {
            let arms: Vec<_> = variant_idents.iter().zip(&self.texts[0].2).map(|(v, id)| quote!(#id => Some(Self::#v),)).collect();
            let body = if arms.is_empty() { quote!(let _ = id; None) } else { quote!(match id { #(#arms)* _ => None }) };
            quote! {
                /// The value whose [`id`](Self::id) is `id`.
                #[must_use]
                pub fn from_id(id: &str) -> Option<Self> { #body }
            }
        });
        let extra = &self.extra;
        quote! {
            #doc
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[non_exhaustive]
            pub enum #ty { #(#variants)* }

            impl #ty {
                /// Every value, in the order of `data/`.
                pub const ALL: &'static [Self] = &[#(Self::#variant_idents),*];

                #(#texts)*
                #from_id
                #extra
            }

            impl core::fmt::Display for #ty {
                fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str(self.id()) }
            }
        }
    }
}

/// A vocabulary enum: id, title and description of each term.
fn term_enum<'a>(name: &'a str, doc: &str, terms: &[&Term]) -> LabelledEnum<'a> {
    LabelledEnum {
        name,
        doc: doc.to_owned(),
        variants: terms.iter().map(|t| (t.rust.clone(), format!("{}: {}", t.title, t.description))).collect(),
        texts: vec![
            (
                "id",
                format!(" The identifier used in the data tables, e.g. `\"{}\"`.", terms.first().map_or("", |t| &t.id)),
                terms.iter().map(|t| t.id.clone()).collect(),
            ),
            ("title", " A short human title.".to_owned(), terms.iter().map(|t| t.title.clone()).collect()),
            (
                "description",
                " One sentence on what this value means.".to_owned(),
                terms.iter().map(|t| t.description.clone()).collect(),
            ),
        ],
        from_id: true,
        extra: TokenStream::new(),
    }
}

pub(super) fn vocabulary_rs(model: &Model) -> String {
    let vocab = &model.vocabulary;
    fn all(terms: &[Term]) -> Vec<&Term> {
        terms.iter().collect()
    }
    // Retired statuses belong to numbers no code type offers.
    let offered: Vec<&Term> = vocab.statuses.iter().filter(|s| !s.retired).collect();
    let mut tokens = TokenStream::new();
    for labelled in [
        term_enum("Category", "What kind of failure a code is. Shared by every code system.", &all(&vocab.categories)),
        term_enum("Retry", "Whether and how to retry after a code. Shared by every code system.", &all(&vocab.retries)),
        term_enum("CodeStatus", "Where a code stands in its upstream.", &offered),
        term_enum("MappingKind", "How sure a mapping between two systems is.", &all(&vocab.mapping_kinds)),
    ] {
        tokens.extend(labelled.tokens());
    }
    tokens.extend(quote! {
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
    });
    let doc = ["The vocabulary every code system shares: categories, retry classes, statuses and mappings.".to_owned()];
    print_items(&doc, quote!(), items(tokens))
}
