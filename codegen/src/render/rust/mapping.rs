//! Cross-mappings: `from_<function>` on the target type and `to_<target>` on
//! the source type (the tables behind them are in `tables::mappings`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_lines;
use crate::escape;
use crate::model::*;

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
