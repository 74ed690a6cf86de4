//! Turning the files of `data/` into a [`Model`], collecting every problem.
//!
//! Every folder of `data/` but `map/` is a code system; `map/` holds the
//! mappings between them. Nothing here names a particular system.

mod cells;
mod codes;
mod extras;
mod index;
mod lab;
mod lists;
mod mapping;
mod names;
mod rows;
pub mod schema;
mod system;
mod vocabulary;

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{read_csv, report_unread};
use crate::model::*;

pub use extras::release_key;
pub use lab::LAB_FOLDER;
pub use system::CODE_COLUMNS;

/// The folder of `data/` that holds mappings rather than a code system (the
/// failure lab has one too, [`LAB_FOLDER`]).
pub const MAPPINGS_FOLDER: &str = "map";

/// The tables a system's folder may hold besides `system.toml`.
const SYSTEM_TABLES: &[&str] = &["codes.csv", "symbols.csv", "former_names.csv"];

/// Loads and validates everything under `root` (the `data/` directory).
/// Returns the model, or every problem found, sorted by file and line.
pub fn load(root: &Path) -> Result<Model, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    let project = vocabulary::load_project(root, &mut diags);
    let mut names = names::Names::default();
    let vocabulary = vocabulary::load_vocabulary(root, &mut names, &mut diags);

    let mut systems = Vec::new();
    // Systems whose metadata and table layout are free of problems: mappings
    // are only checked against those, so that one mistake is not reported
    // again by every mapping. A problem in a row does not count: the mapping
    // rows that name it go with it (`System::pending`), the others are checked.
    let mut clean = Vec::new();
    // A folder whose system.toml does not load: mappings that name it are
    // not reported as naming an unknown system, since its own problem is.
    let mut all_loaded = true;
    // Each system loads on a thread of its own; their problems and names are
    // then taken in folder order, as if they had loaded one by one.
    let loaded = crate::each_in_parallel(&system_folders(root), |folder| {
        let (mut claims, mut own) = (names::Claims::default(), Diagnostics::default());
        let system = load_system(root, folder, &vocabulary, &mut claims, &mut own);
        (system, claims, own)
    });
    for (system, claims, own) in loaded {
        diags.absorb(own);
        // A clash of names is a problem of the system's structure.
        let names_clean = names.settle(claims, &mut diags);
        match system {
            Some((system, structure_clean)) => {
                clean.push(structure_clean && names_clean);
                systems.push(system);
            }
            None => all_loaded = false,
        }
    }
    // A Qt enum is one system's: the C++ overloads that take it would clash.
    for (index, system) in systems.iter().enumerate() {
        let Some(qt) = &system.qt_enum else { continue };
        if let Some(first) = systems[..index].iter().find(|s| s.qt_enum.as_ref().is_some_and(|q| q.ty == qt.ty)) {
            diags.push(
                &format!("data/{}/system.toml", system.id),
                None,
                format!("cpp_qt_enum is already the Qt enum of system {} ({:?})", first.id, qt.ty),
            );
        }
    }
    let mappings = mapping::load_mappings(root, &systems, &clean, all_loaded, &vocabulary, &mut names, &mut diags);
    for (index, system) in systems.iter_mut().enumerate() {
        if !mappings.iter().any(|m| m.to == index) {
            continue;
        }
        match mapping::unmapped_value(system) {
            Some(value) => system.unmapped = Some((format!("{}UNMAPPED", system.c_prefix), value)),
            None => diags.push(
                &format!("data/{}/system.toml", system.id),
                None,
                "every value C can pass is a code, so no value is left to mean \"unmapped\"",
            ),
        }
    }
    let lab = lab::load_lab(root, &systems, (&clean, all_loaded), &mappings, &mut diags);
    // Only once everything else holds: a row or report with a problem of its
    // own would otherwise be reported again as a row the lab does not confirm.
    if diags.is_empty() {
        lab::check_rows(lab.as_ref(), &systems, &mappings, &vocabulary, &mut diags);
    }
    report_unread(root, &mut diags);

    match project {
        Some((version, site_url)) if diags.is_empty() => Ok(Model { version, site_url, vocabulary, systems, mappings, lab }),
        _ => Err(diags.into_sorted()),
    }
}

/// The code systems' folders, sorted: the order of every output.
fn system_folders(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root) else { return Vec::new() };
    let mut folders: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|name| name != MAPPINGS_FOLDER && name != LAB_FOLDER)
        .collect();
    folders.sort();
    folders
}

fn load_system(
    root: &Path,
    folder: &str,
    vocabulary: &Vocabulary,
    names: &mut names::Claims,
    diags: &mut Diagnostics,
) -> Option<(System, bool)> {
    let before = diags.len();
    let Some((mut system, spec)) = system::load_meta(root, folder, vocabulary, names, diags) else {
        // The folder's tables are the system's, unread only because its
        // metadata has a problem, which is reported.
        for table in SYSTEM_TABLES {
            diags.note_read(&format!("{folder}/{table}"));
        }
        return None;
    };
    let (required, optional) = rows::columns(&system, &spec);
    let required: Vec<&str> = required.iter().map(String::as_str).collect();
    let optional: Vec<&str> = optional.iter().map(String::as_str).collect();
    // A table that cannot be read leaves the system without codes; its
    // problem is reported, and nothing that needs the codes is checked.
    let table = read_csv(root, &format!("{folder}/codes.csv"), &required, &optional, diags);
    // Problems of the metadata or of the table's layout (a row with the wrong
    // number of fields is left out unread): mappings are not checked against it.
    let mut structure_clean = diags.len() == before;
    if let Some(table) = table {
        system.has_since = table.index("since").is_some();
        system.has_reference = table.index("reference").is_some();
        let (rows, pending) = rows::parse_rows(&table, &system, &spec, vocabulary, diags);
        let before_codes = diags.len();
        codes::check_codes(&mut system, &spec, rows, vocabulary, names, diags);
        // Duplicate values and names, colliding spellings: which row a
        // mapping means is unclear, so mappings wait for the fix.
        structure_clean &= diags.len() == before_codes;
        system.pending = pending;
    }
    extras::load_symbols(root, &mut system, diags);
    extras::load_former_names(root, &mut system, diags);
    index::build_indexes(&mut system);
    Some((system, structure_clean))
}
