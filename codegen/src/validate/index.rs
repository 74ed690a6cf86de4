//! The lookups every output prints, worked out once: names to rows (exact
//! and ignoring case), and a dense value-to-row table where values are close
//! together.

use std::collections::BTreeMap;

use crate::model::*;

pub fn build_indexes(system: &mut System) {
    let (names, folded) = names(system);
    system.names = names;
    system.folded = folded;
    system.dense = dense(system);
}

/// (name, row) pairs, sorted by the name's bytes.
type NameRows = Vec<(String, usize)>;

/// Every name, each leading to the first row of its value, in the order
/// that decides who keeps a name two codes share: primary meanings, former
/// names, other meanings, other ecosystems. A `BTreeMap<&str, _>` iterates in
/// byte order, the order the generated binary searches need.
fn names(system: &System) -> (NameRows, NameRows) {
    let rows = &system.codes;
    let mut first_row: BTreeMap<i64, usize> = BTreeMap::new();
    for (row, code) in rows.iter().enumerate() {
        first_row.entry(code.value).or_insert(row);
    }
    let own = |primary: bool| {
        rows.iter()
            .filter(move |c| c.primary == primary)
            .flat_map(|c| [&c.name, &c.upstream_name, &c.ident].map(|name| (name.as_str(), c.value)))
    };
    let former = system.former_names.iter().map(|f| (f.name.as_str(), f.value));
    let symbols = system.symbols.iter().map(|s| (s.name.as_str(), s.value));
    let ordered: Vec<(&str, i64, bool)> = own(true)
        .map(|(n, v)| (n, v, true))
        .chain(former.map(|(n, v)| (n, v, false)))
        .chain(own(false).map(|(n, v)| (n, v, true)))
        .chain(symbols.map(|(n, v)| (n, v, true)))
        .filter(|(name, _, _)| !name.is_empty())
        .collect();
    // Former names are found ignoring case only: an exact lookup answers
    // with today's names and what other ecosystems call the code.
    let mut exact: BTreeMap<&str, usize> = BTreeMap::new();
    let mut folded: BTreeMap<String, usize> = BTreeMap::new();
    for (name, value, exact_too) in ordered {
        let row = first_row[&value];
        if exact_too {
            exact.entry(name).or_insert(row);
        }
        folded.entry(name.to_ascii_lowercase()).or_insert(row);
    }
    (exact.into_iter().map(|(n, r)| (n.to_owned(), r)).collect(), folded.into_iter().collect())
}

/// A table of at most 64 Ki entries, and not mostly holes.
fn dense(system: &System) -> Option<DenseIndex> {
    let rows = &system.codes;
    let (min, max) = (rows.first()?.value, rows.last()?.value);
    let span = usize::try_from(max.checked_sub(min)?.checked_add(1)?).ok()?;
    if span > 65_536 || span > 8 * rows.len() + 1024 {
        return None;
    }
    let mut table = vec![None; span];
    for (row, code) in rows.iter().enumerate().filter(|(_, c)| c.primary) {
        table[usize::try_from(code.value - min).expect("within span")] = Some(row);
    }
    Some(DenseIndex { min, max, rows: table })
}
