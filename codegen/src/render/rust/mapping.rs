//! Cross-mappings: `from_<function>` on the target type, `to_<target>` on the
//! source type, and the tables behind them in the target's module.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{doc_lines, lit_int, lit_str};
use crate::escape;
use crate::model::*;

/// `Type::CONST` of every primary code of the mapping's target, by value.
fn target_consts(model: &Model, mapping: &Mapping) -> BTreeMap<i64, TokenStream> {
    let target = &model.systems[mapping.to];
    let ty = format_ident!("{}", target.type_name);
    target
        .primary_codes()
        .map(|code| {
            let ident = format_ident!("{}", code.ident);
            (code.value, quote!(#ty::#ident))
        })
        .collect()
}

fn table_name(mapping: &Mapping, part: &str) -> proc_macro2::Ident {
    format_ident!("{}_{part}", mapping.function.to_ascii_uppercase())
}

/// Methods inside `impl Type` for every mapping into or out of `system`.
pub(super) fn methods(model: &Model, system_index_of: &System) -> TokenStream {
    let this = model.systems.iter().position(|s| s.id == system_index_of.id).expect("system in model");
    let mut out = TokenStream::new();
    for mapping in &model.mappings {
        let from = &model.systems[mapping.from];
        let to = &model.systems[mapping.to];
        let from_int = format_ident!("{}", from.int_type.rust());
        if mapping.to == this {
            let function = format_ident!("{}", mapping.function);
            let with_kind = format_ident!("{}_mapping", mapping.function);
            let (rules, exact, ranges) =
                (table_name(mapping, "RULES"), table_name(mapping, "EXACT"), table_name(mapping, "RANGES"));
            let doc = doc_lines(&[
                format!(" {}", escape::markdown(&mapping.title)),
                String::new(),
                format!(" {}", escape::markdown(&mapping.description)),
                String::new(),
                format!(
                    " Takes any `{}` value of `{}::{}`; `None` where no row of the table covers it.",
                    from.int_type.rust(),
                    from.id,
                    from.type_name
                ),
            ]);
            let doc_with_kind = format!(
                " Like [`{f}`](Self::{f}), with how sure the mapping is and why.",
                f = mapping.function
            );
            out.extend(quote! {
                #doc
                #[must_use]
                pub const fn #function(code: #from_int) -> Option<Self> {
                    match Self::#with_kind(code) { Some(mapping) => Some(mapping.to), None => None }
                }

                #[doc = #doc_with_kind]
                #[must_use]
                pub const fn #with_kind(code: #from_int) -> Option<crate::Mapping<Self>> {
                    // Single codes first (binary search), then ranges from the narrowest.
                    let (mut lo, mut hi) = (0, #exact.len());
                    while lo < hi {
                        let mid = lo + (hi - lo) / 2;
                        if #exact[mid].0 < code {
                            lo = mid + 1;
                        } else if #exact[mid].0 > code {
                            hi = mid;
                        } else {
                            return Some(#rules[#exact[mid].1 as usize]);
                        }
                    }
                    let mut i = 0;
                    while i < #ranges.len() {
                        let (low, high, rule) = #ranges[i];
                        if code >= low && code <= high {
                            return Some(#rules[rule as usize]);
                        }
                        i += 1;
                    }
                    None
                }
            });
        }
        if mapping.from == this {
            let method = format_ident!("to_{}", to.id);
            let with_kind = format_ident!("to_{}_mapping", to.id);
            let target_ty = format_ident!("{}", to.type_name);
            let target_mod = format_ident!("{}", to.id);
            let function = format_ident!("{}_mapping", mapping.function);
            let doc = format!(
                " The {} code for this one: [`{ty}::{f}`](crate::{m}::{ty}::{f}).",
                escape::markdown(&to.title),
                ty = to.type_name,
                f = mapping.function,
                m = to.id
            );
            let doc_with_kind = format!(" Like [`{}`](Self::{}), with how sure the mapping is and why.", method, method);
            out.extend(quote! {
                #[doc = #doc]
                #[must_use]
                pub const fn #method(self) -> Option<crate::#target_mod::#target_ty> {
                    match self.#with_kind() { Some(mapping) => Some(mapping.to), None => None }
                }

                #[doc = #doc_with_kind]
                #[must_use]
                pub const fn #with_kind(self) -> Option<crate::Mapping<crate::#target_mod::#target_ty>> {
                    crate::#target_mod::#target_ty::#function(self.0)
                }
            });
        }
    }
    out
}

/// The tables of every mapping whose target is `system`.
pub(super) fn items(model: &Model, system: &System) -> Vec<TokenStream> {
    let this = model.systems.iter().position(|s| s.id == system.id).expect("system in model");
    let mut out = Vec::new();
    for mapping in model.mappings.iter().filter(|m| m.to == this) {
        let from = &model.systems[mapping.from];
        let from_int = format_ident!("{}", from.int_type.rust());
        let ty = format_ident!("{}", system.type_name);
        let (rules, exact, ranges) =
            (table_name(mapping, "RULES"), table_name(mapping, "EXACT"), table_name(mapping, "RANGES"));
        let targets = target_consts(model, mapping);
        let rule_values = mapping.rules.iter().map(|rule| {
            let to = &targets[&rule.to];
            let kind = format_ident!(
                "{}",
                match rule.kind {
                    MappingKind::Upstream => "Upstream",
                    MappingKind::Equivalent => "Equivalent",
                    MappingKind::Approximate => "Approximate",
                }
            );
            let note = if rule.note.is_empty() {
                quote!(None)
            } else {
                let note = lit_str(&rule.note);
                quote!(Some(#note))
            };
            quote!(crate::Mapping { to: #to, kind: crate::MappingKind::#kind, note: #note },)
        });
        let mut singles: Vec<(i64, usize)> =
            mapping.rules.iter().enumerate().filter(|(_, r)| r.lo == r.hi).map(|(i, r)| (r.lo, i)).collect();
        singles.sort_unstable();
        let mut spans: Vec<(i64, i64, usize)> =
            mapping.rules.iter().enumerate().filter(|(_, r)| r.lo != r.hi).map(|(i, r)| (r.lo, r.hi, i)).collect();
        spans.sort_by_key(|&(lo, hi, _)| (hi - lo, lo));
        let index = |i: usize| Literal::u16_unsuffixed(u16::try_from(i).expect("fewer than 65536 rules"));
        let exact_values = singles.iter().map(|&(value, i)| {
            let (value, i) = (lit_int(from, value), index(i));
            quote!((#value, #i),)
        });
        let range_values = spans.iter().map(|&(lo, hi, i)| {
            let (lo, hi, i) = (lit_int(from, lo), lit_int(from, hi), index(i));
            quote!((#lo, #hi, #i),)
        });
        let (n_rules, n_exact, n_ranges) = (
            Literal::usize_unsuffixed(mapping.rules.len()),
            Literal::usize_unsuffixed(singles.len()),
            Literal::usize_unsuffixed(spans.len()),
        );
        let doc_rules = format!(" The rows of {}, in value order.", mapping.table_path);
        out.push(quote! {
            #[doc = #doc_rules]
            static #rules: [crate::Mapping<#ty>; #n_rules] = [#(#rule_values)*];

            /// Rows for single codes: (code, row), sorted by code.
            static #exact: [(#from_int, u16); #n_exact] = [#(#exact_values)*];

            /// Rows for ranges: (lowest, highest, row), narrowest first.
            static #ranges: [(#from_int, #from_int, u16); #n_ranges] = [#(#range_values)*];
        });
    }
    out
}
