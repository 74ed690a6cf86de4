//! Syntax trees for the per-code parts of the crate: constants, rows,
//! indexes and mapping tables. They grow with the tables (100,000 rows in
//! tests/bench), so they are built as `syn` values directly rather than
//! through `quote!` and a parse, which costs several times more; prettyplease
//! prints them like everything else.

use proc_macro2::{Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Member, Path, PathSegment, Token};

fn span() -> Span {
    Span::call_site()
}

pub fn ident(name: &str) -> Ident {
    Ident::new(name, span())
}

/// `Category::Dns`, `None`, `Self::NOT_FOUND`.
pub fn path(text: &str) -> Expr {
    let mut segments = Punctuated::new();
    for segment in text.split("::") {
        segments.push(PathSegment::from(ident(segment)));
    }
    Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path: Path { leading_colon: None, segments } })
}

fn lit(lit: Lit) -> Expr {
    Expr::Lit(ExprLit { attrs: Vec::new(), lit })
}

pub fn string(text: &str) -> Expr {
    lit(Lit::Str(LitStr::new(text, span())))
}

/// An integer, negative ones as a negation (a literal has no sign).
pub fn int(value: i64) -> Expr {
    let magnitude = lit(Lit::Int(LitInt::new(&value.unsigned_abs().to_string(), span())));
    if value < 0 {
        Expr::Unary(syn::ExprUnary { attrs: Vec::new(), op: syn::UnOp::Neg(Token![-](span())), expr: Box::new(magnitude) })
    } else {
        magnitude
    }
}

pub fn call(function: &str, args: Vec<Expr>) -> Expr {
    Expr::Call(syn::ExprCall {
        attrs: Vec::new(),
        func: Box::new(path(function)),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `Some(expr)` or `None`.
pub fn option(value: Option<Expr>) -> Expr {
    match value {
        Some(expr) => call("Some", vec![expr]),
        None => path("None"),
    }
}

/// `receiver.method(args...)`
pub fn method_call(receiver: Expr, method: &str, args: Vec<Expr>) -> Expr {
    Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method: ident(method),
        turbofish: None,
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

pub fn reference(expr: Expr) -> Expr {
    Expr::Reference(syn::ExprReference { attrs: Vec::new(), and_token: Default::default(), mutability: None, expr: Box::new(expr) })
}

pub fn tuple(elems: Vec<Expr>) -> Expr {
    Expr::Tuple(syn::ExprTuple { attrs: Vec::new(), paren_token: Default::default(), elems: with_trailing_comma(elems) })
}

pub fn array(elems: Vec<Expr>) -> Expr {
    Expr::Array(syn::ExprArray { attrs: Vec::new(), bracket_token: Default::default(), elems: with_trailing_comma(elems) })
}

/// `Entry { field: value, ... }`
pub fn structure(name: &str, fields: Vec<(&str, Expr)>) -> Expr {
    let fields = fields
        .into_iter()
        .map(|(name, expr)| syn::FieldValue {
            attrs: Vec::new(),
            member: Member::Named(ident(name)),
            colon_token: Some(Default::default()),
            expr,
        })
        .collect::<Vec<_>>();
    let mut punctuated: Punctuated<syn::FieldValue, Token![,]> = fields.into_iter().collect();
    if !punctuated.is_empty() {
        punctuated.push_punct(Default::default());
    }
    let Expr::Path(name) = path(name) else { unreachable!("path() makes a path") };
    Expr::Struct(syn::ExprStruct {
        attrs: Vec::new(),
        qself: None,
        path: name.path,
        brace_token: Default::default(),
        fields: punctuated,
        dot2_token: None,
        rest: None,
    })
}

fn with_trailing_comma(elems: Vec<Expr>) -> Punctuated<Expr, Token![,]> {
    let mut punctuated: Punctuated<Expr, Token![,]> = elems.into_iter().collect();
    if punctuated.len() > 1 {
        punctuated.push_punct(Default::default());
    }
    punctuated
}

/// `#[doc = "..."]` attributes, one per line; prettyplease prints them as `///`.
pub fn docs(lines: &[String]) -> Vec<Attribute> {
    lines
        .iter()
        .map(|line| {
            let line = if line.is_empty() || line.starts_with(' ') { line.clone() } else { format!(" {line}") };
            Attribute {
                pound_token: Default::default(),
                style: syn::AttrStyle::Outer,
                bracket_token: Default::default(),
                meta: syn::Meta::NameValue(syn::MetaNameValue {
                    path: ident("doc").into(),
                    eq_token: Default::default(),
                    value: string(&line),
                }),
            }
        })
        .collect()
}

/// `static NAME: TYPE = [elems];` with its doc comment; `ty` is a type such
/// as `[Entry; 3]`, parsed once.
pub fn static_array(doc: &str, name: &str, element: TokenStream, elems: Vec<Expr>) -> syn::Item {
    let len = proc_macro2::Literal::usize_unsuffixed(elems.len());
    let name = ident(name);
    let mut item: syn::ItemStatic = syn::parse_quote!(static #name: [#element; #len] = [];);
    item.attrs = docs(&[doc.to_owned()]);
    *item.expr = array(elems);
    syn::Item::Static(item)
}

/// `pub const NAME: Self = Self(value);` inside an `impl`, with docs: the
/// shape is parsed once, each constant is a copy with its own parts.
pub struct Constants {
    code: syn::ImplItemConst,
    meaning: syn::ImplItemConst,
}

impl Constants {
    pub fn new() -> Self {
        Constants {
            code: syn::parse_quote!(pub const X: Self = Self(0);),
            meaning: syn::parse_quote!(pub const X: Meaning = Meaning(&ENTRIES[0]);),
        }
    }

    /// A code: `pub const NOT_FOUND: Self = Self(404);`.
    pub fn constant(&self, doc: &[String], name: &str, value: Expr) -> syn::ImplItem {
        let mut item = self.code.clone();
        item.attrs = docs(doc);
        item.ident = ident(name);
        item.expr = call("Self", vec![value]);
        syn::ImplItem::Const(item)
    }

    /// One meaning of a code with several, by its row:
    /// `pub const ESRI_TOKEN_REQUIRED: Meaning = Meaning(&ENTRIES[71]);`.
    pub fn meaning(&self, doc: &[String], name: &str, row: usize) -> syn::ImplItem {
        let mut item = self.meaning.clone();
        item.attrs = docs(doc);
        item.ident = ident(name);
        item.expr = call("Meaning", vec![element("ENTRIES", row)]);
        syn::ImplItem::Const(item)
    }
}

/// An integer written as upstream writes it: `0x0d` where `hex_width` says so.
pub fn int_as(value: i64, hex_width: Option<usize>) -> Expr {
    match hex_width {
        Some(width) if value >= 0 => lit(Lit::Int(LitInt::new(&hex_literal(value, width), span()))),
        _ => int(value),
    }
}

/// `0x0d`, `0x0100`; digits in groups of four once there are more than four
/// (`0xffff_ffff`), as clippy's `unreadable_literal` asks.
pub fn hex_literal(value: i64, width: usize) -> String {
    let digits = format!("{value:0width$x}");
    if digits.len() <= 4 {
        return format!("0x{digits}");
    }
    let head = digits.len() % 4;
    let mut groups: Vec<&str> = if head > 0 { vec![&digits[..head]] } else { Vec::new() };
    groups.extend((head..digits.len()).step_by(4).map(|at| &digits[at..at + 4]));
    format!("0x{}", groups.join("_"))
}

/// `&ARRAY[index]`
pub fn element(array: &str, index: usize) -> Expr {
    reference(Expr::Index(syn::ExprIndex {
        attrs: Vec::new(),
        expr: Box::new(path(array)),
        bracket_token: Default::default(),
        index: Box::new(lit(Lit::Int(LitInt::new(&index.to_string(), span())))),
    }))
}
