//! What differs between an upstream file and our table, one [`Change`] each.

use std::collections::{BTreeMap, BTreeSet};

use super::chromium::{Entry, Note, NoteKind};
use super::iana;
use super::tables::{Row, System};

/// The registry's word for a value it does not assign.
const UNASSIGNED: &str = "Unassigned";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Upstream has a code data/ lacks; `status` is the one its new row gets
    /// (`removed` for a Chromium number retired before data/ ever had it).
    Added { value: i64, name: String, status: String, reference: String },
    /// A code of data/ that upstream no longer has (`why`: what the registry says instead).
    Removed { value: i64, name: String, line: usize, why: Option<String> },
    /// Same value, new name.
    Renamed { value: i64, old: String, new: String, line: usize },
    /// Same name, new value.
    Renumbered { name: String, old: i64, new: i64, line: usize, sentinel: bool },
    /// Upstream declares a code that data/ has as removed; `old` is the name
    /// the removed row has, where upstream now spells it differently.
    Restored { value: i64, name: String, old: Option<String>, line: usize },
    /// The registry's name (HTTP: reason phrase) differs from ours.
    Reason { value: i64, old: String, new: String, line: usize },
    /// The registry's status (current, obsolete, unused, ...) differs from ours.
    Status { value: i64, old: String, new: String, line: usize },
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
    pub fn describe(&self, system: &System) -> String {
        let code = |name: &str, value: i64| system.code(name, value);
        let value = |value: &i64| system.value(*value);
        match self {
            Change::Added { value, name, status, .. } if *status == "current" => {
                format!("added {}", code(name, *value))
            }
            Change::Added { value, name, status, .. } => format!("added {} as {status}", code(name, *value)),
            Change::Removed { value, name, why: None, .. } => format!("removed {}", code(name, *value)),
            Change::Removed { value, name, why: Some(why), .. } => format!("removed {} ({why})", code(name, *value)),
            Change::Renamed { value: v, old, new, .. } => {
                format!("renamed {} {} -> {}", value(v), system.show(old), system.show(new))
            }
            Change::Renumbered { name, old, new, .. } => {
                format!("renumbered {} {} -> {}", system.show(name), value(old), value(new))
            }
            Change::Restored { value, name, old: None, .. } => {
                format!("restored {}, which data/ has as removed", code(name, *value))
            }
            Change::Restored { value, name, old: Some(old), .. } if old.is_empty() => {
                format!("restored {}, which data/ has as removed without a name", code(name, *value))
            }
            Change::Restored { value, name, old: Some(old), .. } => {
                format!("restored {}, which data/ has as removed under the name {}", code(name, *value), system.show(old))
            }
            Change::Reason { value: v, old, new, .. } => {
                format!("{} of {} changed {old:?} -> {new:?}", system.name_alias, value(v))
            }
            Change::Status { value: v, old, new, .. } => format!("status of {} changed {old} -> {new}", value(v)),
            Change::Unlisted { value, name, .. } => {
                format!("{} is not in the file at all (an older or partial copy of the registry?); left as it is", code(name, *value))
            }
        }
    }
}

/// Sorts changes: by kind, then by distance from zero (Chromium's header
/// order, and ascending elsewhere).
pub fn sort(changes: &mut [Change]) {
    changes.sort_by_cached_key(|c| (c.rank(), c.value().abs(), format!("{c:?}")));
}

/// Headers (Chromium, Qt, curl, gRPC): codes known by name and value.
/// `without_zero`: 0 takes no part (Chromium's OK comes from net_errors.h,
/// not from the list).
pub fn named(upstream: &[Entry], notes: &[Note], rows: &[Row], without_zero: bool) -> Vec<Change> {
    let counted = |value: i64| !without_zero || value != 0;
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
                status: "current".to_owned(),
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
                status: "removed".to_owned(),
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

/// IANA registries: the registry's codes against our rows, by value; where
/// a value has several meanings (DNS 16), the registry's entries and our
/// rows for it are paired in file order.
///
/// The registry never deletes a registration; it marks it (`(OBSOLETED)`).
/// Only the statuses the system's marks give are compared: the registry says
/// nothing of the others (WebSocket's `reserved`, HTTP's `deprecated`), which
/// count as `current` here. A code data/ has that the registry marks with the
/// system's removal status (`obsolete`), or lists as Unassigned, is
/// `removed`, and `--apply` gives its row that status; a row that already
/// has it is left alone.
pub fn registry(entries: &[iana::Entry], rows: &[Row], system: &System) -> Vec<Change> {
    let removal = system.removal_status();
    let marked: Vec<&str> = system.sync.mark.iter().map(|m| m.status.as_str()).collect();
    let compared = |status: &str| if marked.contains(&status) { status.to_owned() } else { "current".to_owned() };
    let mut theirs: BTreeMap<i64, Vec<(&str, &str, &iana::Entry)>> = BTreeMap::new();
    for entry in entries {
        if let iana::Kind::Code { name, status } = &entry.kind {
            theirs.entry(entry.lo).or_default().push((name, status, entry));
        }
    }
    let mut ours: BTreeMap<i64, Vec<&Row>> = BTreeMap::new();
    for row in rows {
        ours.entry(row.value).or_default().push(row);
    }
    let values: BTreeSet<i64> = theirs.keys().chain(ours.keys()).copied().collect();
    let mut changes = Vec::new();
    for value in values {
        let registered = theirs.get(&value).map_or(&[][..], Vec::as_slice);
        let rows = ours.get(&value).map_or(&[][..], Vec::as_slice);
        for (&(name, status, _), row) in registered.iter().zip(rows) {
            let (old, new) = (compared(&row.status), status.to_owned());
            if new == removal && old != removal {
                let why = Some(format!("{removal} in the registry"));
                changes.push(Change::Removed { value, name: row.name.clone(), line: row.line, why });
            } else if new != old {
                changes.push(Change::Status { value, old: row.status.clone(), new, line: row.line });
            }
            if name != row.name {
                changes.push(Change::Reason { value, old: row.name.clone(), new: name.to_owned(), line: row.line });
            }
        }
        for row in rows.iter().skip(registered.len()).filter(|r| r.status != removal) {
            // The file says Unassigned (or reserves the value), or does not
            // mention the code at all (an older or partial copy of the registry).
            // A value with fewer meanings than data/ has: the registry lists the others.
            let why = match entries.iter().find(|e| e.lo <= value && value <= e.hi).map(|e| &e.kind) {
                None => {
                    changes.push(Change::Unlisted { value, name: row.name.clone(), line: row.line });
                    continue;
                }
                Some(iana::Kind::Code { .. }) => None,
                Some(iana::Kind::Block(text)) if text == UNASSIGNED => Some(format!("{UNASSIGNED} in the registry")),
                Some(iana::Kind::Block(text)) => Some(format!("{text:?} in the registry")),
            };
            changes.push(Change::Removed { value, name: row.name.clone(), line: row.line, why });
        }
        for &(name, status, entry) in registered.iter().skip(rows.len()) {
            changes.push(Change::Added {
                value,
                name: name.to_owned(),
                status: status.to_owned(),
                reference: entry.reference.clone(),
            });
        }
    }
    sort(&mut changes);
    changes
}
