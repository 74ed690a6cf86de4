//! The vocabulary shared by every module, and the one shape every small
//! enum of the crate takes: variants with documentation, and a `const fn`
//! per text attribute (`id()`, `title()`, ...).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_text, items, print_items};
use crate::model::*;

/// An enum whose variants carry text attributes.
pub(super) struct LabelledEnum<'a> {
    name: &'a str,
    doc: String,
    /// (variant, doc).
    variants: Vec<(String, String)>,
    texts: Vec<Text<'a>>,
    /// `from_id()`, the inverse of the first text.
    from_id: bool,
    /// Items to add to the `impl` block.
    extra: TokenStream,
}

/// A `const fn` of the enum that answers a text for each variant.
struct Text<'a> {
    method: &'a str,
    doc: String,
    /// One per variant; `None` only where the text is optional.
    values: Vec<Option<String>>,
    /// The method answers an `Option`.
    optional: bool,
}

impl<'a> LabelledEnum<'a> {
    /// An enum with a variant per item: `variant` gives its name and its doc.
    pub fn new<T>(name: &'a str, doc: String, items: &[T], variant: impl Fn(&T) -> (String, String)) -> Self {
        LabelledEnum { name, doc, variants: items.iter().map(variant).collect(), texts: Vec::new(), from_id: false, extra: TokenStream::new() }
    }

    /// Adds `const fn method(self) -> &'static str`, each variant's text taken from its item.
    pub fn text<T>(mut self, method: &'a str, doc: &str, items: &[T], value: impl Fn(&T) -> &str) -> Self {
        let values = items.iter().map(|item| Some(value(item).to_owned())).collect();
        self.texts.push(Text { method, doc: doc.to_owned(), values, optional: false });
        self
    }

    /// Adds `const fn method(self) -> Option<&'static str>`: `None` for the
    /// variants whose item has an empty text.
    pub fn optional_text<T>(mut self, method: &'a str, doc: &str, items: &[T], value: impl Fn(&T) -> &str) -> Self {
        let values = items.iter().map(|item| Some(value(item).to_owned()).filter(|text| !text.is_empty())).collect();
        self.texts.push(Text { method, doc: doc.to_owned(), values, optional: true });
        self
    }

    /// Adds `from_id()`, the inverse of the first text.
    pub fn with_from_id(mut self) -> Self {
        self.from_id = true;
        self
    }

    /// Adds items to the `impl` block.
    pub fn with(mut self, extra: TokenStream) -> Self {
        self.extra = extra;
        self
    }

    pub fn tokens(&self) -> TokenStream {
        let ty = format_ident!("{}", self.name);
        let doc = doc_text(&[&self.doc]);
        let variant_idents: Vec<_> = self.variants.iter().map(|(v, _)| format_ident!("{v}")).collect();
        let variants = self.variants.iter().zip(&variant_idents).map(|((_, d), v)| {
            let d = doc_text(&[d]);
            quote!(#d #v,)
        });
        let texts = self.texts.iter().map(|Text { method, doc, values, optional }| {
            let method = format_ident!("{method}");
            let answers: Vec<TokenStream> = values
                .iter()
                .map(|value| match value {
                    Some(text) if *optional => quote!(Some(#text)),
                    Some(text) => quote!(#text),
                    None => quote!(None),
                })
                .collect();
            // Variants with the same answer share one arm (clippy::match_same_arms):
            // several sources may have no public document, so no url.
            let mut grouped: Vec<(String, &TokenStream, Vec<&syn::Ident>)> = Vec::new();
            for (v, answer) in variant_idents.iter().zip(&answers) {
                let key = answer.to_string();
                match grouped.iter_mut().find(|(k, _, _)| *k == key) {
                    Some((_, _, vs)) => vs.push(v),
                    None => grouped.push((key, answer, vec![v])),
                }
            }
            let arms = grouped.iter().map(|(_, answer, vs)| quote!(#(Self::#vs)|* => #answer,));
            let output = if *optional { quote!(Option<&'static str>) } else { quote!(&'static str) };
            quote! {
                #[doc = #doc]
                #[must_use]
                pub const fn #method(self) -> #output { match self { #(#arms)* } }
            }
        });
        let from_id = self.from_id.then(|| {
            let ids = self.texts[0].values.iter().flatten();
            let arms: Vec<_> = variant_idents.iter().zip(ids).map(|(v, id)| quote!(#id => Some(Self::#v),)).collect();
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
    let example = format!(" The identifier used in the data tables, e.g. `\"{}\"`.", terms.first().map_or("", |t| &t.id));
    LabelledEnum::new(name, doc.to_owned(), terms, |t| (t.rust.clone(), format!("{}: {}", t.title, t.description)))
        .text("id", &example, terms, |t| &t.id)
        .text("title", " A short human title.", terms, |t| &t.title)
        .text("description", " One sentence on what this value means.", terms, |t| &t.description)
        .with_from_id()
}

pub(super) fn vocabulary_rs(model: &Model) -> String {
    let vocab = &model.vocabulary;
    fn all(terms: &[Term]) -> Vec<&Term> {
        terms.iter().collect()
    }
    // Retired statuses belong to numbers no code type offers.
    let offered: Vec<&Term> = vocab.statuses.iter().filter(|s| !s.retired).collect();
    let retry = term_enum("Retry", "Whether and how to retry after a code. Shared by every code system.", &all(&vocab.retries))
        .with(retry_decide(&vocab.retries));
    let mut tokens = retry_decision_type();
    for labelled in [
        term_enum("Category", "What kind of failure a code is. Shared by every code system.", &all(&vocab.categories)),
        retry,
        term_enum("CodeStatus", "Where a code stands in its upstream.", &offered),
        term_enum("MappingKind", "How sure a mapping between two systems is.", &all(&vocab.mapping_kinds)),
    ] {
        tokens.extend(labelled.tokens());
    }
    tokens.extend(quote! {
        /// The answer of a mapping: the code in the other system, how sure it
        /// is, and why.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Rule<T> {
            /// The code in the target system.
            pub to: T,
            /// How sure the mapping is.
            pub kind: MappingKind,
            /// Why, where the table says.
            pub note: Option<&'static str>,
        }
    });
    let doc = [
        "The vocabulary every code system shares: categories, retry classes and their decisions, statuses and mappings."
            .to_owned(),
    ];
    print_items(&doc, quote!(), items(tokens))
}

/// The answer of a retry decision.
fn retry_decision_type() -> TokenStream {
    quote! {
        /// What to do with one failed request: send it again or not, how
        /// long to wait at least, and on which connection.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct RetryDecision {
            /// Send the request again.
            pub retry: bool,
            /// Wait at least this long first.
            pub after: core::time::Duration,
            /// Send it on a new connection, not on the one that failed.
            pub new_connection: bool,
        }

        impl RetryDecision {
            /// Do not send the request again.
            pub const NO: Self = Self { retry: false, after: core::time::Duration::ZERO, new_connection: false };
        }
    }
}

/// `Retry::decide`: each class's rule, least delay and connection, from data/vocabulary.toml.
fn retry_decide(retries: &[Term]) -> TokenStream {
    // Classes that decide alike share an arm.
    let mut alike: Vec<(Decision, Vec<proc_macro2::Ident>)> = Vec::new();
    for term in retries {
        let decision = term.decision.expect("every retry class decides");
        let variant = format_ident!("{}", term.rust);
        match alike.iter_mut().find(|(d, _)| *d == decision) {
            Some((_, variants)) => variants.push(variant),
            None => alike.push((decision, vec![variant])),
        }
    }
    let arms = alike.iter().map(|(decision, variants)| {
        let retry = match decision.rule {
            DecisionRule::No => quote!(false),
            DecisionRule::Yes => quote!(true),
            DecisionRule::IfIdempotent => quote!(idempotent),
            DecisionRule::IfRetryAfter => quote!(retry_after.is_some()),
        };
        let delay = proc_macro2::Literal::u64_unsuffixed(u64::from(decision.delay));
        let new_connection = decision.new_connection;
        quote!(#(Self::#variants)|* => (#retry, #delay, #new_connection),)
    });
    quote! {
        /// What this class decides for one failed request that is or is not
        /// `idempotent` (safe to repeat), given the response's `Retry-After`,
        /// if it had one: retry or not, after the class's least delay or the
        /// `Retry-After`, whichever is longer. The rules are on the docs'
        /// vocabulary page.
        #[must_use]
        pub const fn decide(self, idempotent: bool, retry_after: Option<core::time::Duration>) -> RetryDecision {
            let (retry, delay, new_connection) = match self { #(#arms)* };
            if !retry {
                return RetryDecision::NO;
            }
            let delay = core::time::Duration::from_secs(delay);
            let after = match retry_after {
                Some(after) if after.as_nanos() > delay.as_nanos() => after,
                _ => delay,
            };
            RetryDecision { retry, after, new_connection }
        }
    }
}
