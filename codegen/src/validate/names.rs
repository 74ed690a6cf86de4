//! Names: the identifiers `data/` makes in every output must be valid, must
//! not be keywords, and must not collide with each other or with the fixed
//! names each output declares (which the renderers list, not this module).

use std::collections::HashMap;

use crate::diag::Diagnostics;
use crate::load::line_of;
use crate::model::System;
use crate::spell;

/// Every C identifier the header will declare, so that no two collide: the
/// header's own fixed names, then everything `data/` makes.
pub struct Names {
    /// Identifier -> where it comes from: an index into `paths` (`None`: the
    /// fixed API) and a line.
    c: HashMap<String, (Option<usize>, usize)>,
    paths: Vec<String>,
}

impl Default for Names {
    fn default() -> Self {
        let mut names = Names { c: HashMap::new(), paths: Vec::new() };
        for ident in crate::render::c::FIXED_NAMES {
            names.reserve((*ident).to_owned());
        }
        names
    }
}

/// The C identifiers one system makes, in the order it makes them. Systems
/// load side by side, each into its own `Claims`; [`Names::settle`] then
/// checks them in folder order, so every clash is reported as it would be
/// if they had loaded one after another.
#[derive(Default)]
pub struct Claims(Vec<(String, Option<(String, usize)>)>);

impl Claims {
    /// A name the generated API declares by itself (no line to blame).
    pub fn reserve(&mut self, ident: String) {
        self.0.push((ident, None));
    }

    /// A name `data/` makes at `path:line`.
    pub fn claim_c(&mut self, ident: String, path: &str, line: usize) {
        self.0.push((ident, Some((path.to_owned(), line))));
    }
}

impl Names {
    /// A name the generated API declares by itself (no line to blame).
    pub fn reserve(&mut self, ident: String) {
        self.c.entry(ident).or_insert((None, 0));
    }

    /// Registers one system's claims in their order; whether none clashed.
    pub fn settle(&mut self, claims: Claims, diags: &mut Diagnostics) -> bool {
        let before = diags.len();
        for (ident, origin) in claims.0 {
            match origin {
                None => self.reserve(ident),
                Some((path, line)) => self.claim_c(ident, &path, line, diags),
            }
        }
        diags.len() == before
    }

    /// A name `data/` makes at `path:line`; a second claim is reported.
    pub fn claim_c(&mut self, ident: String, path: &str, line: usize, diags: &mut Diagnostics) {
        if let Some(&(path_index, first_line)) = self.c.get(&ident) {
            let origin = match path_index {
                None => "the fixed API of netcodes.h".to_owned(),
                Some(i) if first_line > 0 => format!("{}:{first_line}", self.paths[i]),
                Some(i) => self.paths[i].clone(),
            };
            diags.push(
                path,
                (line > 0).then_some(line),
                format!("C identifier {ident} is already declared for {origin} ({ident})"),
            );
        } else {
            let index = match self.paths.iter().position(|p| p == path) {
                Some(index) => index,
                None => {
                    self.paths.push(path.to_owned());
                    self.paths.len() - 1
                }
            };
            self.c.insert(ident, (Some(index), line));
        }
    }
}

/// A `lower_snake` identifier that is no keyword in any output language,
/// either as written or as the UpperCamel name outputs make of it.
pub fn check_lower_id(id: &str, what: &str, path: &str, line: usize, diags: &mut Diagnostics) -> bool {
    if !spell::is_lower_snake(id) {
        diags.at(path, line, format!("{what} is not a lower_snake identifier ({id:?})"));
        false
    } else if let Some(language) = [id.to_owned(), spell::upper_camel(id), spell::lower_camel(id)].iter().find_map(|s| spell::keyword_language(s)) {
        diags.at(path, line, format!("{what} is, or becomes, a keyword in {language} ({id:?})"));
        false
    } else {
        true
    }
}

/// Text that every output can carry: not blank, no NUL.
pub fn check_text(text: &str, what: &str, path: &str, line: usize, diags: &mut Diagnostics) {
    if text.trim().is_empty() {
        diags.at(path, line, format!("{what} is empty ({text:?})"));
    } else if text.contains('\0') {
        diags.at(path, line, format!("{what} holds a NUL character, which C strings cannot carry ({text:?})"));
    }
}

/// The index of the system `key` (a value of the TOML file `path`, whose
/// text is `text`) names. Where none has that id, `problem` is reported with
/// the ids it could name, unless `diags` is `None`.
pub fn system_index(
    systems: &[System],
    key: &toml::Spanned<String>,
    problem: &str,
    path: &str,
    text: &str,
    diags: Option<&mut Diagnostics>,
) -> Option<usize> {
    let found = systems.iter().position(|s| &s.id == key.get_ref());
    if let (None, Some(diags)) = (found, diags) {
        let ids: Vec<&str> = systems.iter().map(|s| s.id.as_str()).collect();
        diags.at(
            path,
            line_of(text, key.span().start),
            format!("{problem}; expected one of {} ({:?})", ids.join(", "), key.get_ref()),
        );
    }
    found
}
