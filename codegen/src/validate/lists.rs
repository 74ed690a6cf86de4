//! The lists of a `system.toml`: flags, groups, origins, ecosystems and
//! interop crates, each entry checked as it is read.

use std::ops::Range;

use super::names::{Claims, check_lower_id, check_text};
use super::schema::{EcosystemToml, FlagToml, GroupToml, InteropToml, OriginToml};
use super::system::CODE_COLUMNS;
use crate::diag::Diagnostics;
use crate::load::line_of;
use crate::model::*;
use crate::render;
use crate::spell;

/// A `system.toml`: its path, for diagnostics, and its text, for their lines.
pub struct TomlFile<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl TomlFile<'_> {
    pub fn line(&self, span: Range<usize>) -> usize {
        line_of(self.text, span.start)
    }
}

/// The id of an entry of a `[[table]]`: lower_snake, and no earlier entry's.
fn unique_id<'a>(
    id: String,
    what: &str,
    mut earlier: impl Iterator<Item = &'a str>,
    path: &str,
    line: usize,
    diags: &mut Diagnostics,
) -> String {
    check_lower_id(&id, what, path, line, diags);
    if earlier.any(|e| e == id) {
        diags.at(path, line, format!("duplicate {what} ({id:?})"));
    }
    id
}

/// `[[flag]]`: a column of codes.csv read as a bit, with its method.
pub fn flags(entries: Vec<FlagToml>, file: &TomlFile, c_fn_prefix: &str, names: &mut Claims, diags: &mut Diagnostics) -> Vec<Flag> {
    let mut flags: Vec<Flag> = Vec::new();
    for flag in entries {
        let flag_line = file.line(flag.column.span());
        let column = flag.column.into_inner();
        check_lower_id(&column, "flag column", file.path, flag_line, diags);
        check_lower_id(&flag.method, "flag method", file.path, flag_line, diags);
        check_text(&flag.doc, "doc", file.path, flag_line, diags);
        if flags.iter().any(|f| f.column == column || f.method == flag.method) || CODE_COLUMNS.contains(&column.as_str()) {
            diags.at(file.path, flag_line, format!("flag repeats a column or method ({column:?})"));
        }
        if render::reserved_name(&flag.method) {
            diags.at(file.path, flag_line, format!("flag method is a name the generated API already has ({:?})", flag.method));
        }
        let c_function = format!("{c_fn_prefix}{}", flag.method);
        names.claim_c(c_function.clone(), file.path, flag_line);
        let bit = 1u32 << flags.len().min(31);
        let js_property = spell::lower_camel(&flag.method);
        flags.push(Flag { column, method: flag.method, c_function, js_property, doc: flag.doc, bit });
    }
    if flags.len() > 32 {
        diags.at(file.path, 1, "more than 32 flags");
    }
    flags
}

/// `[[group]]`: value ranges inside the system's `min..=max`, not
/// overlapping, sorted; named in C after the prefix of the system's C
/// functions and its id in upper case.
pub fn groups(
    entries: Vec<GroupToml>,
    file: &TomlFile,
    (min, max): (i64, i64),
    flags: &[Flag],
    (c_fn_prefix, upper_id): (&str, &str),
    names: &mut Claims,
    diags: &mut Diagnostics,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for group in entries {
        let group_line = file.line(group.id.span());
        let gid = group.id.into_inner();
        check_lower_id(&gid, "group id", file.path, group_line, diags);
        if let Some(description) = &group.description {
            check_text(description, "group description", file.path, group_line, diags);
        }
        if group.min > group.max || group.min < min || group.max > max {
            diags.at(
                file.path,
                group_line,
                format!("group range must lie within {min}..={max} ({}..={})", group.min, group.max),
            );
        }
        let method = format!("is_{gid}");
        let c_name = format!("NETCODES_{upper_id}_GROUP_{}", gid.to_ascii_uppercase());
        let c_predicate = format!("{c_fn_prefix}{method}");
        if render::reserved_name(&method) || flags.iter().any(|f| f.method == method) {
            diags.at(file.path, group_line, format!("group id would make {method}(), which the generated API already has ({gid:?})"));
        } else {
            names.claim_c(c_predicate.clone(), file.path, group_line);
        }
        if let Some(other) = groups.iter().find(|g| g.id == gid || (g.min <= group.max && group.min <= g.max)) {
            diags.at(file.path, group_line, format!("group overlaps or repeats group {:?} ({gid:?})", other.id));
        }
        names.claim_c(c_name.clone(), file.path, group_line);
        groups.push(Group {
            rust: spell::upper_camel(&gid),
            upper: gid.to_ascii_uppercase(),
            method,
            c_name,
            c_predicate,
            id: gid,
            title: group.title,
            description: group.description.unwrap_or_default(),
            min: group.min,
            max: group.max,
        });
    }
    if groups.is_empty() {
        diags.at(file.path, 1, "no [[group]] ranges; every system documents at least one");
    }
    groups.sort_by_key(|g| g.min);
    groups
}

/// `[[origin]]`: who else gives codes a meaning; without any, the system's
/// own upstream (`id`, its title and url) is the one source.
pub fn sources(entries: Vec<OriginToml>, file: &TomlFile, (id, upstream, url): (&str, &str, &str), diags: &mut Diagnostics) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    for origin in entries {
        let origin_line = file.line(origin.id.span());
        let earlier = sources.iter().map(|s| s.id.as_str());
        let oid = unique_id(origin.id.into_inner(), "origin id", earlier, file.path, origin_line, diags);
        sources.push(Source {
            upper: if sources.is_empty() { String::new() } else { oid.to_ascii_uppercase() },
            rust: spell::upper_camel(&oid),
            id: oid,
            title: origin.title,
            url: origin.url,
        });
    }
    if sources.is_empty() {
        // One source: the system's own upstream.
        sources.push(Source {
            id: id.to_owned(),
            title: upstream.to_owned(),
            url: url.to_owned(),
            rust: spell::upper_camel(id),
            upper: String::new(),
        });
    }
    sources
}

/// `[[ecosystem]]`: the libraries whose names for the codes symbols.csv records.
pub fn ecosystems(entries: Vec<EcosystemToml>, file: &TomlFile, diags: &mut Diagnostics) -> Vec<Ecosystem> {
    let mut ecosystems: Vec<Ecosystem> = Vec::new();
    for eco in entries {
        let eco_line = file.line(eco.id.span());
        let earlier = ecosystems.iter().map(|e| e.id.as_str());
        let eid = unique_id(eco.id.into_inner(), "ecosystem id", earlier, file.path, eco_line, diags);
        for (key, value) in [("title", &eco.title), ("version", &eco.version), ("url", &eco.url)] {
            check_text(value, key, file.path, eco_line, diags);
        }
        let versions = if eco.versions.is_empty() { vec![eco.version.clone()] } else { eco.versions };
        let keys: Vec<Option<Vec<u64>>> = versions.iter().map(|v| super::release_key(v)).collect();
        if versions.len() > 1 && (keys.iter().any(Option::is_none) || keys.windows(2).any(|pair| pair[0] >= pair[1])) {
            diags.at(file.path, eco_line, format!("versions must be release numbers, oldest first ({versions:?})"));
        }
        ecosystems.push(Ecosystem {
            rust: spell::upper_camel(&eid),
            id: eid,
            title: eco.title,
            version: eco.version,
            versions,
            same_names: eco.same_names,
            url: eco.url,
        });
    }
    ecosystems
}

/// `[[interop]]`: crates the Rust code type converts with.
pub fn interop(entries: Vec<InteropToml>, file: &TomlFile, diags: &mut Diagnostics) -> Vec<Interop> {
    let mut interop: Vec<Interop> = Vec::new();
    for entry in entries {
        let entry_line = file.line(entry.feature.span());
        let feature = entry.feature.into_inner();
        let ok = [&feature, &entry.krate, &entry.get, &entry.make].iter().all(|id| spell::is_lower_snake(id))
            && spell::is_upper_camel(&entry.ty)
            && feature != "serde";
        if !ok {
            diags.at(
                file.path,
                entry_line,
                format!("interop needs lower_snake feature, crate, get and make, an UpperCamel type, and a feature other than serde ({feature:?})"),
            );
        }
        interop.push(Interop { feature, krate: entry.krate, version: entry.version, ty: entry.ty, get: entry.get, make: entry.make });
    }
    interop
}
