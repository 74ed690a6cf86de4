//! One module per code system: its enums, its code type (whose API is the
//! shared `code_system!`), a constant per code, the methods that depend on
//! the system's data (groups, flags, mappings), and its tables.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::vocabulary::LabelledEnum;
use super::{ast, doc_lines, items, lit_int, print_items};
use crate::escape;
use crate::model::*;

pub(super) fn system_rs(model: &Model, system: &System) -> String {
    let mut tokens = quote! {
        use crate::{Category, CodeStatus, Retry};
    };
    tokens.extend(group_enum(system));
    tokens.extend(source_enum(system));
    tokens.extend(ecosystem_enum(system));
    tokens.extend(code_type(system));
    let mut items = items(tokens);
    // Methods before the constants, so that rustdoc shows them first; the
    // per-code parts are built as syntax trees (see `ast`).
    let mut methods = data_methods(model, system);
    methods.extend(interop(system));
    items.extend(super::items(methods));
    items.push(constants(model, system));
    items.extend(tables(model, system));

    let mut header = vec![escape::markdown(&system.title), String::new(), escape::markdown(&system.description), String::new()];
    header.push(format!(
        "Upstream: `{}`, as of {}; read from {}.",
        system.upstream.replace('`', ""),
        escape::markdown(&system.version_text()),
        escape::markdown(&system.source)
    ));
    if !system.retired.is_empty() {
        header.push(String::new());
        header.push(format!(
            "{} retired numbers (removed upstream, or sentinels) are not offered as codes; \
             [`{ty}::is_retired`](crate::{id}::{ty}::is_retired) tells them apart from numbers upstream never used.",
            system.retired.len(),
            ty = system.type_name,
            id = system.id,
        ));
    }
    print_items(&header, quote!(), items)
}

fn int_type(system: &System) -> proc_macro2::Ident {
    format_ident!("{}", system.int_type.rust())
}

fn group_enum(system: &System) -> TokenStream {
    let int = int_type(system);
    let variants: Vec<_> = system.groups.iter().map(|g| format_ident!("{}", g.rust)).collect();
    let ranges = system.groups.iter().zip(&variants).map(|(g, v)| {
        let (lo, hi) = (lit_int(system, g.min), lit_int(system, g.max));
        quote!(Self::#v => (#lo, #hi),)
    });
    let of_arms = system.groups.iter().zip(&variants).map(|(g, v)| {
        let (lo, hi) = (lit_int(system, g.min), lit_int(system, g.max));
        if g.min == g.max { quote!(#lo => Some(Self::#v),) } else { quote!(#lo..=#hi => Some(Self::#v),) }
    });
    // Groups that cover every value of the type (TLS's 0..=255 in a u8) leave
    // no value for a fallback arm, which would be unreachable.
    let (type_min, type_max) = system.int_type.range();
    let covered: i128 = system.groups.iter().map(|g| i128::from(g.max) - i128::from(g.min) + 1).sum();
    let fallback = if covered == i128::from(type_max) - i128::from(type_min) + 1 { quote!() } else { quote!(_ => None) };
    let groups = &system.groups;
    LabelledEnum::new("Group", format!("The value ranges {} documents for its codes.", system.upstream), groups, |g| {
        let range = format!("{} ({}..={}).", g.title, system.value_text(g.min), system.value_text(g.max));
        (g.rust.clone(), if g.description.is_empty() { range } else { format!("{range} {}", g.description) })
    })
    .text("id", " The identifier used in the data tables.", groups, |g| &g.id)
    .text("title", " A short human title.", groups, |g| &g.title)
    .optional_text("description", " What the range holds, where upstream says more than its title; `None` otherwise.", groups, |g| {
        &g.description
    })
    .with(quote! {
        /// The inclusive range of values in this group.
        #[must_use]
        pub const fn range(self) -> (#int, #int) { match self { #(#ranges)* } }

        /// The group whose range holds `code`, known code or not.
        #[must_use]
        pub const fn of(code: #int) -> Option<Self> {
            #[allow(clippy::match_overlapping_arm, reason = "ranges are disjoint by validation")]
            match code { #(#of_arms)* #fallback }
        }
    })
    .tokens()
}

fn source_enum(system: &System) -> TokenStream {
    let sources = &system.sources;
    let doc = "Who gives a code a meaning: upstream itself, or another source whose software sends it. \
               The order is the precedence when a number has several meanings.";
    let example = format!(" The identifier used in the data tables, e.g. `\"{}\"`.", sources[0].id);
    LabelledEnum::new("Source", doc.to_owned(), sources, |s| (s.rust.clone(), s.title.clone()))
        .text("id", &example, sources, |s| &s.id)
        .text("title", " A human title.", sources, |s| &s.title)
        .text("url", " Where the source documents its codes; empty where nothing public does.", sources, |s| &s.url)
        .with_from_id()
        .tokens()
}

fn ecosystem_enum(system: &System) -> TokenStream {
    let ecosystems = &system.ecosystems;
    let doc = if ecosystems.is_empty() {
        format!("A library or framework whose names for {} codes this crate records: none so far.", system.title)
    } else {
        format!("A library or framework whose names for {} codes this crate records.", system.title)
    };
    LabelledEnum::new("Ecosystem", doc, ecosystems, |e| (e.rust.clone(), format!("{} {}", e.title, e.version)))
        .text("id", " The identifier used in the data tables.", ecosystems, |e| &e.id)
        .text("title", " A human title.", ecosystems, |e| &e.title)
        .text("version", " The release the names were read from.", ecosystems, |e| &e.version)
        .text("url", " Where the ecosystem documents the names.", ecosystems, |e| &e.url)
        .with_from_id()
        .tokens()
}

fn code_type(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = int_type(system);
    let doc = doc_lines(&[
        format!("A {} code.", escape::markdown(&system.upstream)),
        String::new(),
        format!(
            "Any `{}` converts into this type and back unchanged, so a code from a newer upstream keeps its number; \
             [`{}::is_known`] says whether this crate knows it.",
            system.int_type.rust(),
            system.type_name
        ),
        String::new(),
        "The associated constants can be used in `match` patterns.".to_owned(),
    ]);
    let display = format_ident!("{}", if system.number_first { "number" } else { "name" });
    let index = format_ident!("{}", if system.dense.is_some() { "dense" } else { "sparse" });
    let upstream = &system.upstream;
    let (min, max) = (lit_int(system, system.min), lit_int(system, system.max));
    let prefixes = &system.lookup_prefixes;
    let prefix_count = proc_macro2::Literal::usize_unsuffixed(prefixes.len());
    let dense_bounds = system.dense.as_ref().map(|dense| {
        let (lo, hi) = (lit_int(system, dense.min), lit_int(system, dense.max));
        quote! {
            /// The smallest and largest value `INDEX` covers.
            const INDEX_MIN: #int = #lo;
            const INDEX_MAX: #int = #hi;
        }
    });
    quote! {
        #doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct #ty(#int);

        code_system!(#ty, #int, #display, #index, #upstream);

        /// The range upstream defines values in.
        const MIN: #int = #min;
        const MAX: #int = #max;

        /// What people paste before names, in lower case: `from_name` skips it.
        const LOOKUP_PREFIXES: [&str; #prefix_count] = [#(#prefixes),*];

        #dense_bounds
    }
}

/// `impl Type { constants..., ALL }`, one constant per code.
fn constants(model: &Model, system: &System) -> syn::Item {
    let vocab = &model.vocabulary;
    let mut item: syn::ItemImpl = syn::parse_str(&format!("impl {} {{}}", system.type_name)).expect("an impl parses");
    let constants = ast::Constants::new();
    for (row, code) in system.codes.iter().enumerate() {
        let mut facts = vec![
            format!("category `{}`", vocab.categories[code.category].id),
            format!("retry `{}`", vocab.retries[code.retry].id),
        ];
        if vocab.statuses[code.status].id != "current" {
            facts.push(format!("status `{}`", vocab.statuses[code.status].id));
        }
        if let Some(since) = &code.since {
            facts.push(format!("since {}", escape::markdown(since)));
        }
        if let Some(reference) = &code.reference {
            facts.push(format!("see {}", escape::markdown(reference)));
        }
        let mut doc = vec![
            format!("{} ({}): {}", doc_name(&code.name), system.value_text(code.value), escape::markdown(&code.description)),
            String::new(),
            format!("{}.", facts.join(", ")),
        ];
        if code.primary {
            item.items.push(constants.constant(&doc, &code.ident, ast::int_as(code.value, system.hex_width)));
        } else {
            // Another meaning of a number: a `Meaning`, so that it answers
            // with its own facts while it equals every code of its number.
            doc.extend([
                String::new(),
                format!(
                    "One of the meanings of {}: a [`Meaning`], equal to `{}::from({})`, which answers with the number's first meaning.",
                    system.value_text(code.value),
                    system.type_name,
                    code.value
                ),
            ]);
            item.items.push(constants.meaning(&doc, &code.ident, row));
        }
    }
    let all: Vec<syn::Expr> = system.primary_codes().map(|c| ast::path(&format!("Self::{}", c.ident))).collect();
    let count = all.len();
    let mut all_item: syn::ImplItemConst = syn::parse_quote!(pub const ALL: &'static [Self] = &[];);
    all_item.attrs = ast::docs(&[format!("Every code this crate knows, in value order ({count} codes).")]);
    all_item.expr = ast::reference(ast::array(all));
    item.items.push(syn::ImplItem::Const(all_item));
    syn::Item::Impl(item)
}

/// The constant of a code's number: its own, or its value's first meaning's.
fn primary_ident<'a>(system: &'a System, code: &'a Code) -> &'a str {
    if code.primary { &code.ident } else { system.primary(code.value).map_or(&code.ident, |p| &p.ident) }
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

/// Methods whose existence depends on the system's data: group predicates,
/// flags, the name's alias, and the mappings into and out of the system.
fn data_methods(model: &Model, system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let groups = system.groups.iter().map(|g| {
        let method = format_ident!("{}", g.method);
        let variant = format_ident!("{}", g.rust);
        let mut doc = format!(
            " Whether the value lies in {} ({}..={}), known code or not.",
            escape::markdown(&g.title),
            system.value_text(g.min),
            system.value_text(g.max)
        );
        if !g.description.is_empty() {
            doc = format!("{doc} {}", escape::markdown(&g.description));
        }
        quote! {
            #[doc = #doc]
            #[must_use]
            pub const fn #method(self) -> bool { matches!(Group::of(self.0), Some(Group::#variant)) }
        }
    });
    let flags = system.flags.iter().map(|flag| {
        let method = format_ident!("{}", flag.method);
        let doc = doc_lines(&[flag.doc.clone(), String::new(), "`false` for a code this crate does not know.".to_owned()]);
        let bit = proc_macro2::Literal::u32_unsuffixed(flag.bit);
        quote! {
            #doc
            #[must_use]
            pub const fn #method(self) -> bool { self.flag(#bit) }
        }
    });
    let alias = system.name_alias.as_ref().map(|alias| {
        let method = format_ident!("{alias}");
        let finder = format_ident!("from_{alias}");
        let doc = format!(" The {alias} of the code's primary meaning: the same as [`name`](Self::name).");
        let find_doc = doc_lines(&[
            format!("The code whose {alias} is `text`, ignoring ASCII case: the current one, a former one or another source's."),
        ]);
        quote! {
            #[doc = #doc]
            #[must_use]
            pub const fn #method(self) -> Option<&'static str> { self.name() }

            #find_doc
            #[must_use]
            pub const fn #finder(text: &str) -> Option<Self> { Self::from_folded_name(text.as_bytes()) }
        }
    });
    let index = model.systems.iter().position(|s| s.id == system.id).expect("the system is in the model");
    let into = model.mappings.iter().filter(|m| m.to == index).map(|m| mapping_into(model, m));
    let out_of = model.mappings.iter().filter(|m| m.from == index).map(|m| mapping_out_of(model, m));
    quote! {
        impl #ty {
            #(#groups)*
            #(#flags)*
            #alias
            #(#into)*
            #(#out_of)*
        }
    }
}

fn table_name(mapping: &Mapping, part: &str) -> String {
    format!("{}_{part}", mapping.function.to_ascii_uppercase())
}

/// `from_<function>` on the target type.
fn mapping_into(model: &Model, mapping: &Mapping) -> TokenStream {
    let from = &model.systems[mapping.from];
    let from_int = int_type(from);
    let function = format_ident!("{}", mapping.function);
    let with_kind = format_ident!("{}_rule", mapping.function);
    let [rules, exact, ranges] = ["RULES", "EXACT", "RANGES"].map(|part| format_ident!("{}", table_name(mapping, part)));
    let doc = doc_lines(&[
        escape::markdown(&mapping.title),
        String::new(),
        escape::markdown(&mapping.description),
        String::new(),
        format!(
            "Takes any `{}` value of `{}::{}`; `None` where no row of the table covers it.",
            from.int_type.rust(),
            from.id,
            from.type_name
        ),
    ]);
    let doc_with_kind = format!(" Like [`{f}`](Self::{f}), with how sure the mapping is and why.", f = mapping.function);
    quote! {
        #doc
        #[must_use]
        pub const fn #function(code: #from_int) -> Option<Self> {
            match Self::#with_kind(code) { Some(mapping) => Some(mapping.to), None => None }
        }

        #[doc = #doc_with_kind]
        #[must_use]
        pub const fn #with_kind(code: #from_int) -> Option<crate::Rule<Self>> {
            mapping_rule!(code, #rules, #exact, #ranges)
        }
    }
}

/// `to_<target>` on the source type.
fn mapping_out_of(model: &Model, mapping: &Mapping) -> TokenStream {
    let to = &model.systems[mapping.to];
    let method = format_ident!("{}", mapping.to_method);
    let with_kind = format_ident!("{}_rule", mapping.to_method);
    let target_ty = format_ident!("{}", to.type_name);
    let target_mod = format_ident!("{}", to.id);
    let function = format_ident!("{}_rule", mapping.function);
    let doc = format!(
        " The {} code for this one: [`{ty}::{f}`](crate::{m}::{ty}::{f}).",
        escape::markdown(&to.title),
        ty = to.type_name,
        f = mapping.function,
        m = to.id
    );
    let doc_with_kind = format!(" Like [`{method}`](Self::{method}), with how sure the mapping is and why.");
    quote! {
        #[doc = #doc]
        #[must_use]
        pub const fn #method(self) -> Option<crate::#target_mod::#target_ty> {
            match self.#with_kind() { Some(mapping) => Some(mapping.to), None => None }
        }

        #[doc = #doc_with_kind]
        #[must_use]
        pub const fn #with_kind(self) -> Option<crate::Rule<crate::#target_mod::#target_ty>> {
            crate::#target_mod::#target_ty::#function(self.0)
        }
    }
}

/// Conversions with another crate's type for the same codes.
fn interop(system: &System) -> TokenStream {
    let ty = format_ident!("{}", system.type_name);
    let int = int_type(system);
    let (min, max) = (system.value_text(system.min), system.value_text(system.max));
    system
        .interop
        .iter()
        .map(|interop| {
            let feature = &interop.feature;
            let krate = format_ident!("{}", interop.krate);
            let foreign = format_ident!("{}", interop.ty);
            let (get, make) = (format_ident!("{}", interop.get), format_ident!("{}", interop.make));
            let error = format_ident!("Invalid{}", interop.ty);
            let error_doc = format!(
                " The error of converting a [`{}`] that `{}::{}` cannot hold ({min}..={max} is what it can).",
                system.type_name, interop.krate, interop.ty
            );
            let message = format!("{{}} is not a valid `{}::{}`", interop.krate, interop.ty);
            let from_doc = format!(" Every `{}::{}` is a `{}` with the same number.", interop.krate, interop.ty, system.type_name);
            let into_doc = format!(" A `{}` is a `{}::{}` where that type can hold its number.", system.type_name, interop.krate, interop.ty);
            quote! {
                #[doc = #error_doc]
                #[cfg(feature = #feature)]
                #[derive(Clone, Copy, Debug, PartialEq, Eq)]
                pub struct #error(pub #int);

                #[cfg(feature = #feature)]
                impl core::fmt::Display for #error {
                    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { write!(f, #message, self.0) }
                }

                #[cfg(feature = #feature)]
                impl core::error::Error for #error {}

                #[doc = #from_doc]
                #[cfg(feature = #feature)]
                impl From<::#krate::#foreign> for #ty {
                    fn from(code: ::#krate::#foreign) -> Self { Self(code.#get()) }
                }

                #[doc = #into_doc]
                #[cfg(feature = #feature)]
                impl TryFrom<#ty> for ::#krate::#foreign {
                    type Error = #error;
                    fn try_from(code: #ty) -> Result<Self, #error> {
                        ::#krate::#foreign::#make(code.0).map_err(|_| #error(code.0))
                    }
                }
            }
        })
        .collect()
}

/// Rows, indexes and mapping tables, as syntax trees.
fn tables(model: &Model, system: &System) -> Vec<syn::Item> {
    let vocab = &model.vocabulary;
    let int: TokenStream = {
        let int = int_type(system);
        quote!(#int)
    };
    let ty = &system.type_name;
    let optional = |text: Option<&str>| ast::option(text.filter(|t| !t.is_empty()).map(ast::string));
    let rows = system
        .codes
        .iter()
        .map(|code| {
            let symbols = system
                .symbols_of(code)
                .iter()
                .map(|s| {
                    let mut symbol = ast::call(
                        "Symbol::new",
                        vec![ast::path(&format!("Ecosystem::{}", system.ecosystems[s.ecosystem].rust)), ast::string(&s.name)],
                    );
                    if !s.primary || s.removed_since.is_some() {
                        symbol = ast::method_call(symbol, "alias", Vec::new());
                    }
                    let releases = [
                        ("since", &s.since),
                        ("alias_since", &s.alias_since),
                        ("deprecated_since", &s.deprecated_since),
                        ("removed_since", &s.removed_since),
                    ];
                    for (step, release) in releases {
                        if let Some(release) = release.as_deref().filter(|r| !r.is_empty()) {
                            symbol = ast::method_call(symbol, step, vec![ast::string(release)]);
                        }
                    }
                    symbol
                })
                .collect();
            ast::structure(
                "Entry",
                vec![
                    ("code", ast::path(&format!("{ty}::{}", primary_ident(system, code)))),
                    ("name", optional(Some(&code.name))),
                    ("ident", ast::string(&code.ident)),
                    ("description", ast::string(&code.description)),
                    ("category", ast::path(&format!("Category::{}", vocab.categories[code.category].rust))),
                    ("retry", ast::path(&format!("Retry::{}", vocab.retries[code.retry].rust))),
                    ("status", ast::path(&format!("CodeStatus::{}", vocab.statuses[code.status].rust))),
                    ("source", ast::path(&format!("Source::{}", system.sources[code.source].rust))),
                    ("flags", ast::int(i64::from(code.flag_bits))),
                    ("since", optional(code.since.as_deref())),
                    ("reference", optional(code.reference.as_deref())),
                    ("meanings", ast::int(i64::try_from(code.meaning_count).expect("a count"))),
                    ("symbols", ast::reference(ast::array(symbols))),
                ],
            )
        })
        .collect();
    let name_table = |names: &[(String, usize)]| -> Vec<syn::Expr> {
        names.iter().map(|(name, row)| ast::tuple(vec![ast::string(name), ast::int(i64::try_from(*row).expect("a row"))])).collect()
    };
    let mut out = vec![
        ast::static_array(
            "Every meaning in value order; the first row of a value is its primary meaning.",
            "ENTRIES",
            quote!(Entry),
            rows,
        ),
        ast::static_array("Every exact name, sorted by bytes, with its row in `ENTRIES`.", "BY_NAME", quote!((&str, u32)), name_table(&system.names)),
        ast::static_array(
            "Every name in ASCII lower case, sorted by bytes, with its row in `ENTRIES`.",
            "FOLDED",
            quote!((&str, u32)),
            name_table(&system.folded),
        ),
        ast::static_array(
            "The numbers upstream retired, sorted.",
            "RETIRED",
            int.clone(),
            system.retired.iter().map(|c| ast::int_as(c.value, system.hex_width)).collect(),
        ),
    ];
    if let Some(dense) = &system.dense {
        out.push(ast::static_array(
            "The row of each value from `INDEX_MIN`; `None` where no code is.",
            "INDEX",
            quote!(Option<&Entry>),
            dense.rows.iter().map(|row| ast::option(row.map(|row| ast::element("ENTRIES", row)))).collect(),
        ));
    }
    let index = model.systems.iter().position(|s| s.id == system.id).expect("the system is in the model");
    for mapping in model.mappings.iter().filter(|m| m.to == index) {
        let from = &model.systems[mapping.from];
        let from_int: TokenStream = {
            let int = int_type(from);
            quote!(#int)
        };
        let target_ty = format_ident!("{ty}");
        let rules = mapping
            .rules
            .iter()
            .map(|rule| {
                ast::structure(
                    "crate::Rule",
                    vec![
                        ("to", ast::path(&format!("{ty}::{}", system.codes[rule.to_row].ident))),
                        ("kind", ast::path(&format!("crate::MappingKind::{}", vocab.mapping_kinds[rule.kind].rust))),
                        ("note", optional(Some(&rule.note))),
                    ],
                )
            })
            .collect();
        out.push(ast::static_array(
            &format!("The rows of {}, in value order.", mapping.table_path),
            &table_name(mapping, "RULES"),
            quote!(crate::Rule<#target_ty>),
            rules,
        ));
        let mut singles: Vec<(i64, usize)> =
            mapping.rules.iter().enumerate().filter(|(_, r)| r.is_single()).map(|(i, r)| (r.lo, i)).collect();
        singles.sort_unstable();
        let row = |i: usize| ast::int(i64::try_from(i).expect("a row"));
        out.push(ast::static_array(
            "Rows for single codes: (code, row), sorted by code.",
            &table_name(mapping, "EXACT"),
            quote!((#from_int, u32)),
            singles.into_iter().map(|(value, i)| ast::tuple(vec![ast::int_as(value, from.hex_width), row(i)])).collect(),
        ));
        out.push(ast::static_array(
            "Rows for ranges: (lowest, highest, row), narrowest first.",
            &table_name(mapping, "RANGES"),
            quote!((#from_int, #from_int, u32)),
            mapping
                .by_specificity
                .iter()
                .map(|&i| &mapping.rules[i])
                .zip(mapping.by_specificity.iter())
                .filter(|(r, _)| !r.is_single())
                .map(|(r, &i)| ast::tuple(vec![ast::int_as(r.lo, from.hex_width), ast::int_as(r.hi, from.hex_width), row(i)]))
                .collect(),
        ));
    }
    out
}
