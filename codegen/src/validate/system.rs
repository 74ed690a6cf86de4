//! One code system: `data/<id>/system.toml` and the tables beside it.
//! The metadata is read into a [`Spec`] (what the rows must look like), the
//! rows into [`Code`]s (`rows.rs`), and the checks that need every row run
//! last (`codes.rs`).

use std::path::Path;

use super::lists;
use super::names::{Claims, check_lower_id, check_text};
use super::schema::SystemToml;
use crate::diag::Diagnostics;
use crate::load::{display_path, read_toml};
use crate::model::*;
use crate::render;
use crate::spell;

/// How a system's upstream spells its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameStyle {
    UpperCamel,
    UpperSnake,
    LowerSnake,
    /// Free text (HTTP reason phrases): an `ident` column gives the identifier.
    Text,
}

impl NameStyle {
    const ALL: [(&'static str, NameStyle); 4] = [
        ("UpperCamel", NameStyle::UpperCamel),
        ("UPPER_SNAKE", NameStyle::UpperSnake),
        ("lower_snake", NameStyle::LowerSnake),
        ("text", NameStyle::Text),
    ];

    pub fn accepts(self, name: &str) -> bool {
        match self {
            NameStyle::UpperCamel => spell::is_upper_camel(name),
            NameStyle::UpperSnake => spell::is_upper_snake(name),
            NameStyle::LowerSnake => spell::is_lower_snake(name),
            NameStyle::Text => true,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            NameStyle::UpperCamel => "an UpperCamel identifier",
            NameStyle::UpperSnake => "UPPER_SNAKE_CASE",
            NameStyle::LowerSnake => "a lower_snake identifier",
            NameStyle::Text => "text",
        }
    }
}

/// What the metadata says the rows must look like, beyond the `System` itself.
pub struct Spec {
    pub name_style: NameStyle,
    pub name_prefix: String,
    pub unprefixed: Vec<String>,
    pub anchor: String,
    /// Indexes into `Vocabulary::statuses` the rows may take.
    pub statuses: Vec<usize>,
    pub several_meanings: bool,
    /// The `example` value and where it was written.
    pub example: (i64, usize),
    pub toml_path: String,
}

/// Reads `data/<folder>/system.toml` into a system without codes yet.
pub fn load_meta(
    root: &Path,
    folder: &str,
    vocabulary: &Vocabulary,
    names: &mut Claims,
    diags: &mut Diagnostics,
) -> Option<(System, Spec)> {
    let toml_rel = format!("{folder}/system.toml");
    let (meta, text) = read_toml::<SystemToml>(root, &toml_rel, diags)?;
    let path = display_path(&toml_rel);
    let file = lists::TomlFile { path: &path, text: &text };
    let line = |span: std::ops::Range<usize>| file.line(span);

    let id_line = line(meta.id.span());
    let id = meta.id.into_inner();
    if check_lower_id(&id, "system id", &path, id_line, diags) && id != folder {
        diags.at(&path, id_line, format!("system id must be the folder's name, {folder:?} ({id:?})"));
    }
    if render::c::RESERVED_SYSTEM_IDS.contains(&id.as_str()) {
        diags.at(&path, id_line, format!("system id is taken by the fixed names of netcodes.h ({id:?})"));
    } else if render::cpp::FIXED_NAMES.contains(&id.as_str()) {
        diags.at(&path, id_line, format!("system id is taken by the fixed names of netcodes.hpp ({id:?})"));
    }
    if render::typescript::RESERVED_SYSTEM_IDS.contains(&id.as_str()) {
        diags.at(&path, id_line, format!("system id is taken by a file of the npm package ({id:?})"));
    }
    let type_line = line(meta.type_name.span());
    let type_name = meta.type_name.into_inner();
    if !spell::is_upper_camel(&type_name) {
        diags.at(&path, type_line, format!("type_name is not an UpperCamel identifier ({type_name:?})"));
    } else if let Some(language) = spell::keyword_language(&type_name) {
        diags.at(&path, type_line, format!("type_name is a keyword in {language} ({type_name:?})"));
    } else if render::typescript::TYPE_NAMES.contains(&type_name.as_str()) {
        diags.at(&path, type_line, format!("type_name is a type every TypeScript module already declares ({type_name:?})"));
    }
    for (key, value) in [
        ("title", &meta.title),
        ("upstream", &meta.upstream),
        ("source", &meta.source),
        ("url", &meta.url),
        ("version", &meta.version),
        ("description", &meta.description),
    ] {
        check_text(value, key, &path, 1, diags);
    }
    if let Some(removed) = &meta.removed_in {
        check_text(removed, "removed_in", &path, 1, diags);
    }

    let value_type_line = line(meta.value_type.span());
    let int_type = IntType::ALL.into_iter().find(|t| t.rust() == meta.value_type.get_ref());
    if int_type.is_none() {
        let all: Vec<&str> = IntType::ALL.iter().map(|t| t.rust()).collect();
        diags.at(
            &path,
            value_type_line,
            format!("value_type must be one of {} ({:?})", all.join(", "), meta.value_type.get_ref()),
        );
    }
    let int_type = int_type.unwrap_or(IntType::I32);
    let (type_min, type_max) = int_type.range();
    let min_line = line(meta.min.span());
    let (min, max) = (*meta.min.get_ref(), meta.max);
    if min > max || min < type_min || max > type_max {
        diags.at(
            &path,
            min_line,
            format!("min..=max must be a non-empty range within {type_min}..={type_max} ({min}..={max})"),
        );
    }
    let hex_width = match &meta.value_format {
        None => None,
        Some(format) if format.get_ref() == "decimal" => None,
        Some(format) if format.get_ref() == "hex" => Some(meta.hex_width.unwrap_or(1).clamp(1, 16)),
        Some(format) => {
            diags.at(&path, line(format.span()), format!("value_format must be decimal or hex ({:?})", format.get_ref()));
            None
        }
    };
    if meta.hex_width.is_some() && hex_width.is_none() {
        diags.at(&path, 1, "hex_width is only meaningful with value_format = \"hex\"");
    }
    let name_style = NameStyle::ALL.iter().find(|(word, _)| word == meta.name_style.get_ref()).map(|(_, s)| *s);
    if name_style.is_none() {
        let words: Vec<&str> = NameStyle::ALL.iter().map(|(w, _)| *w).collect();
        diags.at(
            &path,
            line(meta.name_style.span()),
            format!("name_style must be one of {} ({:?})", words.join(", "), meta.name_style.get_ref()),
        );
    }
    let number_first = match meta.display.get_ref().as_str() {
        "number" => true,
        "name" => false,
        other => {
            diags.at(&path, line(meta.display.span()), format!("display must be name or number ({other:?})"));
            false
        }
    };
    // Another name for the code's name: a lower_snake identifier the objects do not already have.
    let mut other_name = |value: Option<toml::Spanned<String>>, key: &str, objects: &str| {
        value.map(|value| {
            let value_line = line(value.span());
            let value = value.into_inner();
            if check_lower_id(&value, key, &path, value_line, diags) && render::reserved_name(&value) {
                diags.at(&path, value_line, format!("{key} is a name {objects} already have ({value:?})"));
            }
            value
        })
    };
    let name_alias = other_name(meta.name_alias, "name_alias", "code objects");
    let python_name_property = other_name(meta.python_name_property, "python_name_property", "members");
    let anchor_line = line(meta.anchor.span());
    let anchor = meta.anchor.into_inner();
    if !anchor.contains("{value}") && !anchor.contains("{name}") {
        diags.at(&path, anchor_line, format!("anchor must use {{value}} or {{name}} ({anchor:?})"));
    }

    let statuses_line = line(meta.statuses.span());
    let mut statuses = Vec::new();
    for status in meta.statuses.into_inner() {
        match vocabulary.statuses.iter().position(|s| s.id == status) {
            Some(index) => statuses.push(index),
            None if vocabulary.statuses.is_empty() => {}
            None => diags.at(&path, statuses_line, format!("unknown status; see data/vocabulary.toml ({status:?})")),
        }
    }

    let upper_id = id.to_ascii_uppercase();
    let c_fn_prefix = format!("netcodes_{id}_");
    for suffix in render::c::PER_SYSTEM_FUNCTIONS {
        names.reserve(format!("{c_fn_prefix}{suffix}"));
    }
    if let Some(alias) = &name_alias {
        for function in [alias.clone(), format!("from_{alias}")] {
            names.claim_c(format!("{c_fn_prefix}{function}"), &path, 1);
        }
    }
    names.reserve(format!("NETCODES_{upper_id}_GROUP_NONE"));

    let flags = lists::flags(meta.flag, &file, &c_fn_prefix, names, diags);

    let groups = lists::groups(meta.group, &file, (min, max), &flags, (&c_fn_prefix, &upper_id), names, diags);

    let sources = lists::sources(meta.origin, &file, (&id, &meta.upstream, &meta.url), diags);

    let ecosystems = lists::ecosystems(meta.ecosystem, &file, diags);

    let interop = lists::interop(meta.interop, &file, diags);

    let qt_enum = qt_enum(meta.cpp_qt_enum, meta.cpp_qt_guard, &path, &line, diags);
    let c_type = format!("{c_fn_prefix}{}", spell::upper_snake(&type_name).to_ascii_lowercase());
    names.claim_c(c_type.clone(), &path, type_line);
    let system = System {
        c_prefix: format!("NETCODES_{upper_id}_"),
        c_type,
        c_fn_prefix,
        table_path: display_path(&format!("{folder}/codes.csv")),
        label: meta.label.unwrap_or_default(),
        page: format!("{id}.md"),
        id,
        title: meta.title,
        upstream: meta.upstream,
        source: meta.source,
        url: meta.url,
        version: meta.version,
        removed_in: meta.removed_in,
        description: meta.description,
        type_name,
        int_type,
        min,
        max,
        hex_width,
        number_first,
        js_name_alias: name_alias.as_deref().map(spell::lower_camel),
        name_alias,
        lookup_prefixes: meta.lookup_prefixes.iter().map(|p| p.to_ascii_lowercase()).collect(),
        pasted_prefixes: meta.lookup_prefixes,
        python_name_property,
        groups,
        flags,
        sources,
        ecosystems,
        interop,
        qt_enum,
        codes: Vec::new(),
        retired: Vec::new(),
        pending: Vec::new(),
        symbols: Vec::new(),
        former_names: Vec::new(),
        names: Vec::new(),
        folded: Vec::new(),
        dense: None,
        example: 0,
        has_since: false,
        has_reference: false,
        unmapped: None,
    };
    let spec = Spec {
        name_style: name_style.unwrap_or(NameStyle::Text),
        name_prefix: meta.name_prefix.unwrap_or_default(),
        unprefixed: meta.unprefixed,
        anchor,
        statuses,
        several_meanings: meta.several_meanings,
        example: (*meta.example.get_ref(), line(meta.example.span())),
        toml_path: path,
    };
    Some((system, spec))
}

/// `cpp_qt_enum` and `cpp_qt_guard`: both or neither, a qualified C++ name
/// and a macro name.
fn qt_enum(
    ty: Option<toml::Spanned<String>>,
    guard: Option<toml::Spanned<String>>,
    path: &str,
    line: &dyn Fn(std::ops::Range<usize>) -> usize,
    diags: &mut Diagnostics,
) -> Option<QtEnum> {
    let identifier = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    match (ty, guard) {
        (None, None) => None,
        (Some(ty), Some(guard)) => {
            let (ty_line, guard_line) = (line(ty.span()), line(guard.span()));
            let (ty, guard) = (ty.into_inner(), guard.into_inner());
            let mut ok = true;
            if !ty.split("::").all(|part| identifier(part) && spell::keyword_language(part).is_none()) {
                diags.at(path, ty_line, format!("cpp_qt_enum is not a qualified C++ name such as QNetworkReply::NetworkError ({ty:?})"));
                ok = false;
            }
            if !identifier(&guard) {
                diags.at(path, guard_line, format!("cpp_qt_guard is not a macro name such as QNETWORKREPLY_H ({guard:?})"));
                ok = false;
            }
            ok.then_some(QtEnum { ty, guard })
        }
        (Some(one), None) | (None, Some(one)) => {
            diags.at(path, line(one.span()), "cpp_qt_enum and cpp_qt_guard go together: give both or neither");
            None
        }
    }
}

/// Columns of `codes.csv` with a fixed meaning; flags add their own.
pub const CODE_COLUMNS: &[&str] = &[
    "value", "name", "ident", "group", "source", "status", "since", "category", "retry", "reference", "description",
];
