//! `data/netcodes.toml` and `data/vocabulary.toml`.

use std::collections::BTreeMap;
use std::path::Path;

use super::names::{Names, check_lower_id, check_text};
use super::schema::{ProjectToml, TermToml, VocabularyToml};
use crate::diag::Diagnostics;
use crate::load::{display_path, line_of, read_toml};
use crate::model::{Decision, DecisionRule, Term, Vocabulary};
use crate::spell;

/// The project's version (`MAJOR.MINOR.PATCH`) and the docs site's address.
pub fn load_project(root: &Path, diags: &mut Diagnostics) -> Option<(String, String)> {
    let (doc, text) = read_toml::<ProjectToml>(root, "netcodes.toml", diags)?;
    let url_line = line_of(&text, doc.site_url.span().start);
    let site_url = doc.site_url.into_inner();
    let url_ok = site_url.starts_with("https://")
        && site_url.ends_with('/')
        && site_url.chars().all(|c| c.is_ascii_graphic() && !"\"<>\\`{}|^".contains(c));
    if !url_ok {
        diags.at(&display_path("netcodes.toml"), url_line, format!("site_url is not an https URL ending in / ({site_url:?})"));
    }
    let line = line_of(&text, doc.version.span().start);
    let version = doc.version.into_inner();
    let parts: Vec<&str> = version.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        diags.at(&display_path("netcodes.toml"), line, format!("version is not MAJOR.MINOR.PATCH ({version:?})"));
        return None;
    }
    url_ok.then_some((version, site_url))
}

pub fn load_vocabulary(root: &Path, names: &mut Names, diags: &mut Diagnostics) -> Vocabulary {
    let empty = || Vocabulary { categories: Vec::new(), retries: Vec::new(), statuses: Vec::new(), mapping_kinds: Vec::new() };
    let Some((doc, text)) = read_toml::<VocabularyToml>(root, "vocabulary.toml", diags) else {
        return empty();
    };
    let path = display_path("vocabulary.toml");
    let mut terms = |entries: Vec<TermToml>, what: &str, c_word: &str| -> Vec<Term> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for entry in entries {
            let line = line_of(&text, entry.id.span().start);
            let id = entry.id.into_inner();
            check_lower_id(&id, what, &path, line, diags);
            if let Some(first) = seen.insert(id.clone(), line) {
                diags.at(&path, line, format!("duplicate {what} id {id:?} (first used on line {first})"));
                continue;
            }
            check_text(&entry.title, "title", &path, line, diags);
            check_text(&entry.description, "description", &path, line, diags);
            // Each attribute belongs to one kind of term.
            for (key, present, owner) in [
                ("retired", entry.retired.is_some(), "status"),
                ("needs_note", entry.needs_note.is_some(), "mapping_kind"),
                ("needs_source", entry.needs_source.is_some(), "mapping_kind"),
                ("decision", entry.decision.is_some(), "retry"),
                ("delay", entry.delay.is_some(), "retry"),
                ("new_connection", entry.new_connection.is_some(), "retry"),
            ] {
                if present && what != owner {
                    diags.at(&path, line, format!("{key} is only meaningful for a [[{owner}]] ({id:?})"));
                }
            }
            let decision = (what == "retry").then(|| {
                let rule = entry.decision.as_deref().and_then(|d| DecisionRule::ALL.iter().find(|(w, _)| *w == d)).map(|(_, r)| *r);
                if rule.is_none() {
                    let words: Vec<&str> = DecisionRule::ALL.iter().map(|(w, _)| *w).collect();
                    diags.at(
                        &path,
                        line,
                        format!("a retry class needs a decision, one of {} ({:?})", words.join(", "), entry.decision.as_deref().unwrap_or("")),
                    );
                }
                Decision {
                    rule: rule.unwrap_or(DecisionRule::No),
                    delay: entry.delay.unwrap_or(0),
                    new_connection: entry.new_connection.unwrap_or(false),
                }
            });
            let upper = id.to_ascii_uppercase();
            let c_name = format!("NETCODES_{c_word}_{upper}");
            names.claim_c(c_name.clone(), &path, line, diags);
            out.push(Term {
                rust: spell::upper_camel(&id),
                upper,
                c_name,
                id,
                title: entry.title,
                description: entry.description,
                retired: entry.retired.unwrap_or(false),
                needs_note: entry.needs_note.unwrap_or(false),
                needs_source: entry.needs_source.unwrap_or(false),
                decision,
            });
        }
        if out.is_empty() {
            diags.at(&path, 1, format!("no [[{what}]] entries"));
        }
        out
    };
    let categories = terms(doc.category, "category", "CATEGORY");
    let retries = terms(doc.retry, "retry", "RETRY");
    let statuses = terms(doc.status, "status", "STATUS");
    let mapping_kinds = terms(doc.mapping_kind, "mapping_kind", "MAPPING");
    Vocabulary { categories, retries, statuses, mapping_kinds }
}
