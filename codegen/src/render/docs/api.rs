//! The API page: the one vocabulary every output follows, each concept as
//! Rust, C, C++, Python and JavaScript/TypeScript spell it, shown for one
//! system. The spellings come from the model (type names, C prefixes,
//! mapping functions); `tests/docs` checks that every name on the page is
//! defined by the output it is listed for.

use askama::Template;

use super::{code, link, md};
use crate::model::{Mapping, Model, System};
use crate::render::GENERATED_NOTICE;

pub const FILE: &str = "api.md";
pub const TITLE: &str = "One API in every language";
pub const INTRO: &str = "Every output offers the same things under the same names, spelled the way each language \
                         spells them: Rust, C, C++, Python and JavaScript/TypeScript, side by side.";

/// The languages, in the order of the table's columns.
pub const LANGUAGES: [&str; 5] = ["Rust", "C", "C++", "Python", "JavaScript/TypeScript"];

#[derive(Template)]
#[template(path = "docs/api.md", escape = "none")]
pub struct ApiPage {
    notice: &'static str,
    title: &'static str,
    intro: &'static str,
    /// The system the examples use, linked.
    system: String,
    languages: [&'static str; 5],
    /// (concept, the spellings in each language as code spans, joined).
    rows: Vec<(String, [String; 5])>,
    vocabulary_link: String,
}

/// One concept: what it is, and its spellings per language (an empty list
/// where a language has none: that cell says so).
struct Concept {
    what: String,
    spellings: [Vec<String>; 5],
}

impl Concept {
    fn new(what: &str, spellings: [&[String]; 5]) -> Concept {
        Concept { what: what.to_owned(), spellings: spellings.map(<[String]>::to_vec) }
    }
}

/// The system that shows the most of the API: one with a name alias (HTTP's
/// reason phrase) and a mapping into it, else the first.
fn example_system(model: &Model) -> Option<(usize, &System)> {
    let into = |index: usize| model.mappings.iter().any(|m| m.to == index);
    model
        .systems
        .iter()
        .enumerate()
        .find(|(i, s)| s.name_alias.is_some() && into(*i))
        .or_else(|| model.systems.iter().enumerate().find(|(i, _)| into(*i)))
        .or_else(|| model.systems.iter().enumerate().next())
}

pub fn page(model: &Model) -> Option<ApiPage> {
    let (index, system) = example_system(model)?;
    let mapping = model.mappings.iter().find(|m| m.to == index);
    let rows = concepts(model, system, mapping)
        .into_iter()
        .map(|concept| {
            let cells = concept.spellings.map(|spellings| {
                if spellings.is_empty() {
                    "(none)".to_owned()
                } else {
                    spellings.iter().map(|s| code(s)).collect::<Vec<_>>().join(", ")
                }
            });
            (md(&concept.what), cells)
        })
        .collect();
    Some(ApiPage {
        notice: GENERATED_NOTICE,
        title: TITLE,
        intro: INTRO,
        system: link(FILE, &md(&system.title), &system.page, None),
        languages: LANGUAGES,
        rows,
        vocabulary_link: link(FILE, "Categories and retry advice", "vocabulary.md", Some("the-retry-decision")),
    })
}

fn concepts(model: &Model, system: &System, mapping: Option<&Mapping>) -> Vec<Concept> {
    let v = |items: &[&str]| -> Vec<String> { items.iter().map(|s| (*s).to_owned()).collect() };
    let id = &system.id;
    let ty = &system.type_name;
    let c = &system.c_fn_prefix;
    let example = &system.codes[system.example];
    let ident = &example.ident;
    let n = example.value;
    let js_module = format!("netcodes/{id}");

    let mut out = vec![
        Concept::new(
            "The code type",
            [
                &v(&[&format!("netcodes::{id}::{ty}")]),
                &v(&[&system.c_type]),
                &v(&[&format!("netcodes::{id}::{ty}")]),
                &v(&[&format!("netcodes.{id}.{ty}")]),
                &v(&[&format!("import {{ {ty} }} from \"{js_module}\"")]),
            ],
        ),
        Concept::new(
            "A code by its identifier",
            [
                &v(&[&format!("{ty}::{ident}")]),
                &v(&[&format!("{}{ident}", system.c_prefix)]),
                &v(&[&format!("{ty}::{ident}")]),
                &v(&[&format!("{ty}.{ident}")]),
                &v(&[&format!("{ty}.{ident}")]),
            ],
        ),
        Concept::new(
            "Its number",
            [
                &v(&["code.code()"]),
                &v(&["code"]),
                &v(&["netcodes::value(code)"]),
                &v(&["int(code)"]),
                &v(&["code.value"]),
            ],
        ),
        Concept::new(
            "Its identifier as text",
            [&v(&["code.ident()"]), &[], &[], &v(&["code.name"]), &v(&["code.ident"])],
        ),
        Concept::new(
            "The name as upstream prints it",
            [
                &v(&["code.name()"]),
                &v(&[&format!("{c}name(code)"), &format!("{c}name_or(code, fallback)")]),
                &v(&["name(code)"]),
                &v(&["code.upstream_name"]),
                &v(&["code.name"]),
            ],
        ),
    ];
    if let Some(alias) = &system.name_alias {
        let python = system.python_name_property.as_ref().unwrap_or(alias);
        let js = system.js_name_alias.as_ref().unwrap_or(alias);
        out.push(Concept::new(
            &format!("The name under the word upstream uses for it ({alias})"),
            [
                &v(&[&format!("code.{alias}()"), &format!("{ty}::from_{alias}(text)")]),
                &v(&[&format!("{c}{alias}(code)"), &format!("{c}from_{alias}(text, &code)")]),
                &v(&[&format!("{alias}(code)")]),
                &v(&[&format!("code.{python}"), &format!("from_{alias}(text)")]),
                &v(&[&format!("code.{js}")]),
            ],
        ));
    }
    for (what, field, c_function) in [
        ("What it means, in netcodes' words", "description", "description"),
        ("Its category", "category", "category"),
        ("Its retry class", "retry", "retry"),
        ("Where it stands upstream", "status", "upstream_status"),
        ("The group its number falls in", "group", "group_of"),
    ] {
        let cpp = if field == "description" { vec![format!("{field}(code)"), "describe(code)".to_owned()] } else { vec![format!("{field}(code)")] };
        out.push(Concept::new(
            what,
            [
                &v(&[&format!("code.{field}()")]),
                &v(&[&format!("{c}{c_function}(code)")]),
                &cpp,
                &v(&[&format!("code.{field}")]),
                &v(&[&format!("code.{field}")]),
            ],
        ));
    }
    out.push(Concept::new(
        "A group's title and description (none where data/ has none)",
        [
            &v(&["group.title()", "group.description()"]),
            &v(&[&format!("{c}group_title(group)"), &format!("{c}group_description(group)")]),
            &v(&["title(group)", "description(group)"]),
            &v(&["group.title", "group.description"]),
            &v(&["groups[i].title", "groups[i].description"]),
        ],
    ));
    out.extend([
        Concept::new(
            "A code by number (unknown numbers are not an error)",
            [
                &v(&[&format!("{ty}::from({n})"), "code.is_known()"]),
                &v(&[&format!("{c}is_known({n})"), &format!("{c}entry({n})")]),
                &v(&[&format!("lookup({n})")]),
                &v(&[&format!("lookup({n})")]),
                &v(&[&format!("lookup({n})")]),
            ],
        ),
        Concept::new(
            "Every meaning of a number",
            [
                &v(&["code.meanings()"]),
                &v(&[&format!("{c}meaning_count(code)"), &format!("{c}meaning(code, i)")]),
                &v(&["meanings(code)"]),
                &v(&[&format!("netcodes.{id}.meanings(code)")]),
                &v(&["meanings(code)"]),
            ],
        ),
        Concept::new(
            "A code by a name as people paste it",
            [
                &v(&[&format!("{ty}::from_name(text)"), "text.parse()"]),
                &v(&[&format!("{c}from_name(text, &code)")]),
                &v(&["from_name(text)"]),
                &v(&["from_name(text)"]),
                &v(&["fromName(text)"]),
            ],
        ),
        Concept::new(
            "A code by its exact name",
            [
                &v(&[&format!("{ty}::from_exact_name(text)")]),
                &v(&[&format!("{c}from_exact_name(text, &code)")]),
                &v(&["from_exact_name(text)"]),
                &v(&["from_exact_name(text)"]),
                &v(&["fromExactName(text)"]),
            ],
        ),
        Concept::new(
            "A retired number (documented, never reused)",
            [
                &v(&["code.is_retired()"]),
                &v(&[&format!("{c}is_retired(code)")]),
                &v(&["is_retired(code)"]),
                &v(&["is_retired(code)"]),
                &v(&["isRetired(code)"]),
            ],
        ),
        Concept::new(
            "Retry this request, and after how long at least?",
            [
                &v(&["code.retry_decision(idempotent, retry_after)"]),
                &v(&[&format!("{c}retry_decision(code, idempotent, retry_after_seconds)")]),
                &v(&["retry_decision(code, idempotent, retry_after)"]),
                &v(&["code.retry_decision(idempotent=..., retry_after=...)"]),
                &v(&["retryDecision(code, { idempotent, retryAfter })"]),
            ],
        ),
    ]);
    if let Some(mapping) = mapping {
        let from = &model.systems[mapping.from];
        let (function, c_function, js) = (&mapping.function, &mapping.c_function, &mapping.js_function);
        out.push(Concept::new(
            &format!("Mapping a code of {} to {}", from.title, system.title),
            [
                &v(&[
                    &format!("{ty}::{function}(n)"),
                    &format!("{ty}::{function}_rule(n)"),
                    &format!("{}::{}(n).{}()", from.type_name, "from", mapping.to_method),
                ]),
                &v(&[&format!("{c_function}(n)"), &format!("{c_function}_rule(n)")]),
                &v(&[&format!("netcodes::{id}::{function}(code)"), &format!("netcodes::{id}::{function}_rule(code)")]),
                &v(&[&format!("netcodes.{id}.{function}(n)"), &format!("netcodes.{id}.{function}_rule(n)")]),
                &v(&[&format!("{js}(n)"), &format!("{js}Rule(n)")]),
            ],
        ));
        out.push(Concept::new(
            "A mapping's answer: the code, how sure, and why",
            [
                &v(&["netcodes::Rule { to, kind, note }"]),
                &v(&["netcodes_rule", "rule->to", "rule->kind", "rule->note"]),
                &v(&["netcodes::Rule", "rule.to", "rule.kind", "rule.note"]),
                &v(&["netcodes.Rule", "rule.to", "rule.kind", "rule.note"]),
                &v(&["Rule", "rule.to", "rule.kind", "rule.note"]),
            ],
        ));
    }
    out
}
