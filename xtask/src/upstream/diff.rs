//! What differs between an upstream file and our table, one [`Change`] each.

use std::collections::{BTreeMap, BTreeSet};

use super::chromium::{Entry, Note, NoteKind};
use super::iana;
use super::tables::{Row, System};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Upstream has a code data/ lacks; `status` is the one its new row gets
    /// (`removed` for a Chromium number retired before data/ ever had it).
    Added { value: i64, name: String, status: &'static str, reference: String },
    /// A code of data/ that upstream no longer has (`why`: what the registry says instead).
    Removed { value: i64, name: String, line: usize, why: Option<&'static str> },
    /// Same value, new name.
    Renamed { value: i64, old: String, new: String, line: usize },
    /// Same name, new value.
    Renumbered { name: String, old: i64, new: i64, line: usize, sentinel: bool },
    /// Upstream declares a code that data/ has as removed; `old` is the name
    /// the removed row has, where upstream now spells it differently.
    Restored { value: i64, name: String, old: Option<String>, line: usize },
    /// The registry's reason phrase differs from ours.
    Reason { value: i64, old: String, new: String, line: usize },
    /// The registry's status (current, obsolete, unused) differs from ours.
    Status { value: i64, old: String, new: &'static str, line: usize },
    /// A registry code of data/ that the file neither lists nor marks
    /// Unassigned: an older or partial copy of the registry says nothing of it.
    Unlisted { value: i64, name: String, line: usize },
}

impl Change {
    fn value(&self) -> i64 {
        match self {
            Change::Added { value, .. }
            | Change::Removed { value, .. }
            | Change::Renamed { value, .. }
            | Change::Restored { value, .. }
            | Change::Reason { value, .. }
            | Change::Status { value, .. }
            | Change::Unlisted { value, .. } => *value,
            Change::Renumbered { old, .. } => *old,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Change::Added { .. } => 0,
            Change::Removed { .. } => 1,
            Change::Renamed { .. } => 2,
            Change::Renumbered { .. } => 3,
            Change::Restored { .. } => 4,
            Change::Reason { .. } => 5,
            Change::Status { .. } => 6,
            Change::Unlisted { .. } => 7,
        }
    }

    /// The report line, without the system label.
    pub fn describe(&self, system: System) -> String {
        let code = |name: &str, value: i64| match (system, name.is_empty()) {
            (System::Iana, _) => format!("{value} {}", system.show(name)),
            (_, true) => value.to_string(),
            (_, false) => format!("{} ({value})", system.show(name)),
        };
        match self {
            Change::Added { value, name, status, .. } if *status == "current" => {
                format!("added {}", code(name, *value))
            }
            Change::Added { value, name, status, .. } => format!("added {} as {status}", code(name, *value)),
            Change::Removed { value, name, why: None, .. } => format!("removed {}", code(name, *value)),
            Change::Removed { value, name, why: Some(why), .. } => format!("removed {} ({why})", code(name, *value)),
            Change::Renamed { value, old, new, .. } => {
                format!("renamed {value} {} -> {}", system.show(old), system.show(new))
            }
            Change::Renumbered { name, old, new, .. } => format!("renumbered {} {old} -> {new}", system.show(name)),
            Change::Restored { value, name, old: None, .. } => {
                format!("restored {}, which data/ has as removed", code(name, *value))
            }
            Change::Restored { value, name, old: Some(old), .. } if old.is_empty() => {
                format!("restored {}, which data/ has as removed without a name", code(name, *value))
            }
            Change::Restored { value, name, old: Some(old), .. } => {
                format!("restored {}, which data/ has as removed under the name {}", code(name, *value), system.show(old))
            }
            Change::Reason { value, old, new, .. } => format!("reason of {value} changed {old:?} -> {new:?}"),
            Change::Status { value, old, new, .. } => format!("status of {value} changed {old} -> {new}"),
            Change::Unlisted { value, name, .. } => {
                format!("{} is not in the file at all (an older or partial copy of the registry?); left as it is", code(name, *value))
            }
        }
    }
}

/// Sorts changes: by kind, then by distance from zero (Chromium's header
/// order, and ascending for Qt and HTTP).
pub fn sort(changes: &mut [Change]) {
    changes.sort_by_cached_key(|c| (c.rank(), c.value().abs(), format!("{c:?}")));
}

/// Chromium and Qt: codes known by name and value.
pub fn named(system: System, upstream: &[Entry], notes: &[Note], rows: &[Row]) -> Vec<Change> {
    // OK (0) comes from net_errors.h, not from the list.
    let counted = |value: i64| system != System::Chromium || value != 0;
    let mut theirs: Vec<&Entry> = upstream.iter().filter(|e| counted(e.value)).collect();
    let mut ours: Vec<&Row> = rows.iter().filter(|r| r.status != "removed" && counted(r.value)).collect();
    let removed: Vec<&Row> = rows.iter().filter(|r| r.status == "removed").collect();
    let mut changes = Vec::new();

    // Unchanged codes first, then the same name (renumbered) before the same
    // value (renamed): an enumerator inserted into an implicitly numbered run
    // shifts the ones after it, and each of those keeps its name.
    take_pairs(&mut theirs, &mut ours, |e, r| e.name == r.name && e.value == r.value, |_, _| {});
    take_pairs(
        &mut theirs,
        &mut ours,
        |e, r| e.name == r.name,
        |e, r| {
            changes.push(Change::Renumbered {
                name: r.name.clone(),
                old: r.value,
                new: e.value,
                line: r.line,
                sentinel: r.status == "sentinel",
            });
        },
    );
    take_pairs(
        &mut theirs,
        &mut ours,
        |e, r| e.value == r.value,
        |e, r| {
            changes.push(Change::Renamed { value: r.value, old: r.name.clone(), new: e.name.clone(), line: r.line });
        },
    );
    for entry in theirs {
        match removed.iter().find(|r| r.value == entry.value) {
            Some(row) => changes.push(Change::Restored {
                value: entry.value,
                name: entry.name.clone(),
                old: (row.name != entry.name).then(|| row.name.clone()),
                line: row.line,
            }),
            None => changes.push(Change::Added {
                value: entry.value,
                name: entry.name.clone(),
                status: "current",
                reference: String::new(),
            }),
        }
    }
    for row in ours {
        changes.push(Change::Removed { value: row.value, name: row.name.clone(), line: row.line, why: None });
    }

    // Numbers upstream retired that data/ has no row for at all: recorded as
    // removed, so that they are never reused. A name the comment gives is kept
    // unless a code already carries it (Chromium moved QUIC_CERT_ROOT_NOT_KNOWN
    // from -216 to -380).
    let known_values: BTreeSet<i64> = rows.iter().map(|r| r.value).chain(upstream.iter().map(|e| e.value)).collect();
    let known_names: BTreeSet<&str> =
        rows.iter().map(|r| r.name.as_str()).chain(upstream.iter().map(|e| e.name.as_str())).collect();
    for note in notes {
        if let NoteKind::Removed(name) = &note.kind
            && !known_values.contains(&note.value)
        {
            let name = name.as_deref().filter(|n| !known_names.contains(n)).unwrap_or_default();
            changes.push(Change::Added {
                value: note.value,
                name: name.to_owned(),
                status: "removed",
                reference: String::new(),
            });
        }
    }
    sort(&mut changes);
    changes
}

/// Removes every pair that `matches`, first come first paired, calling `found` on each.
fn take_pairs(
    theirs: &mut Vec<&Entry>,
    ours: &mut Vec<&Row>,
    matches: impl Fn(&Entry, &Row) -> bool,
    mut found: impl FnMut(&Entry, &Row),
) {
    let mut index = 0;
    while index < theirs.len() {
        match ours.iter().position(|r| matches(theirs[index], r)) {
            Some(at) => {
                found(theirs[index], ours[at]);
                theirs.remove(index);
                ours.remove(at);
            }
            None => index += 1,
        }
    }
}

/// How the registry or data/ classifies a registered code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Current,
    Obsolete,
    Unused,
}

impl Class {
    fn of_row(status: &str) -> Class {
        match status {
            "obsolete" => Class::Obsolete,
            "unused" => Class::Unused,
            // current and deprecated: the registry has no deprecation mark.
            _ => Class::Current,
        }
    }

    fn of_entry(kind: &iana::Kind) -> Option<Class> {
        match kind {
            iana::Kind::Assigned { obsolete: false, .. } => Some(Class::Current),
            iana::Kind::Assigned { obsolete: true, .. } => Some(Class::Obsolete),
            iana::Kind::Unused => Some(Class::Unused),
            iana::Kind::Unassigned => None,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Class::Current => "current",
            Class::Obsolete => "obsolete",
            Class::Unused => "unused",
        }
    }
}

/// HTTP: the registry's codes against our `iana` rows, by value.
///
/// The registry never deletes a registration; it marks it `(OBSOLETED)`. A
/// code data/ has that the registry lists as obsolete, or as Unassigned (or
/// not at all), is `removed` here, and `--apply` marks its row `obsolete`,
/// the HTTP table's status for a code that is no longer registered.
pub fn iana(entries: &[iana::Entry], rows: &[Row]) -> Vec<Change> {
    let registered: BTreeMap<i64, (&iana::Entry, Class)> =
        entries.iter().filter_map(|e| Class::of_entry(&e.kind).map(|class| (e.lo, (e, class)))).collect();
    let mut changes = Vec::new();
    for row in rows {
        let ours = Class::of_row(&row.status);
        let Some(&(entry, theirs)) = registered.get(&row.value) else {
            if ours != Class::Obsolete {
                // The file says Unassigned, or does not mention the code at all
                // (an older or partial copy of the registry).
                if entries.iter().any(|e| e.lo <= row.value && row.value <= e.hi) {
                    let why = Some("Unassigned in the registry");
                    changes.push(Change::Removed { value: row.value, name: row.name.clone(), line: row.line, why });
                } else {
                    changes.push(Change::Unlisted { value: row.value, name: row.name.clone(), line: row.line });
                }
            }
            continue;
        };
        if theirs == Class::Obsolete && ours != Class::Obsolete {
            let why = Some("OBSOLETED in the registry");
            changes.push(Change::Removed { value: row.value, name: row.name.clone(), line: row.line, why });
        } else if theirs != ours {
            changes.push(Change::Status {
                value: row.value,
                old: row.status.clone(),
                new: theirs.id(),
                line: row.line,
            });
        }
        if entry.reason() != row.name {
            changes.push(Change::Reason {
                value: row.value,
                old: row.name.clone(),
                new: entry.reason().to_owned(),
                line: row.line,
            });
        }
    }
    for (&value, &(entry, class)) in &registered {
        if !rows.iter().any(|r| r.value == value) {
            changes.push(Change::Added {
                value,
                name: entry.reason().to_owned(),
                status: class.id(),
                reference: entry.reference.clone(),
            });
        }
    }
    sort(&mut changes);
    changes
}
