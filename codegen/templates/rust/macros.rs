//! The API every code system shares, stated once and expanded in each
//! system's module, in the manner of the `http` crate's `status_codes!`.
//!
//! A system's module declares its code type, its `Group`, `Source` and
//! `Ecosystem` enums and its tables, then calls [`code_system!`]:
//!
//! - `ENTRIES`: every meaning, sorted by value; a value's first row is its
//!   primary meaning, and carries how many meanings follow;
//! - `INDEX` (with `dense`): the row of each value from `INDEX_MIN`, or `None`;
//! - `BY_NAME`: every exact name, sorted by bytes, with its row;
//! - `FOLDED`: every name in ASCII lower case, sorted by bytes, with its row;
//! - `RETIRED`: the numbers upstream retired, sorted;
//! - `LOOKUP_PREFIXES`: what people paste before names (`net::`), lower case;
//! - `MIN` and `MAX`: the range upstream defines values in.

/// Expands a code system's API: `code_system!(Type, int, name | number, dense | sparse, "upstream")`.
macro_rules! code_system {
    ($ty:ident, $int:ty, $display:ident, $index:ident, $upstream:literal) => {
        /// One meaning of one code: everything the lookups answer.
        struct Entry {
            code: $ty,
            /// `None` only for a meaning whose source documents no name.
            name: Option<&'static str>,
            ident: &'static str,
            description: &'static str,
            category: crate::Category,
            retry: crate::Retry,
            status: crate::CodeStatus,
            source: Source,
            /// Bit i is the system's i-th flag.
            flags: u32,
            since: Option<&'static str>,
            reference: Option<&'static str>,
            /// How many meanings the value has (on every row of the value).
            meanings: u16,
            /// Every ecosystem's names for the value (on its first row only).
            symbols: &'static [Symbol],
        }

        impl $ty {
            /// Wraps any value; one this crate does not know keeps its number.
            #[must_use]
            pub const fn new(code: $int) -> Self {
                Self(code)
            }

            /// The numeric value, as upstream defines it.
            #[must_use]
            pub const fn code(self) -> $int {
                self.0
            }

            /// Whether this crate knows the code.
            #[must_use]
            pub const fn is_known(self) -> bool {
                self.entry().is_some()
            }

            /// Whether the value lies in the range upstream defines codes in,
            /// known code or not.
            #[must_use]
            pub const fn is_valid(self) -> bool {
                self.0 >= MIN && self.0 <= MAX
            }

            /// The name as upstream spells it, or `None` for a code this crate
            /// does not know (and for a meaning whose source documents no name).
            #[must_use]
            pub const fn name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.name,
                    None => None,
                }
            }

            /// What the code means and what to do about it.
            #[must_use]
            pub const fn description(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => Some(entry.description),
                    None => None,
                }
            }

            /// What kind of failure this is.
            #[must_use]
            pub const fn category(self) -> Option<crate::Category> {
                match self.entry() {
                    Some(entry) => Some(entry.category),
                    None => None,
                }
            }

            /// Whether and how to retry.
            #[must_use]
            pub const fn retry(self) -> Option<crate::Retry> {
                match self.entry() {
                    Some(entry) => Some(entry.retry),
                    None => None,
                }
            }

            /// Where the code stands upstream (current, deprecated, ...).
            #[must_use]
            pub const fn status(self) -> Option<crate::CodeStatus> {
                match self.entry() {
                    Some(entry) => Some(entry.status),
                    None => None,
                }
            }

            /// The documented range this value falls in, known code or not.
            #[must_use]
            pub const fn group(self) -> Option<Group> {
                Group::of(self.0)
            }

            /// The upstream version that introduced the code, where upstream documents it.
            #[must_use]
            pub const fn since(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.since,
                    None => None,
                }
            }

            /// The specification or document that defines the code, where the table names one.
            #[must_use]
            pub const fn reference(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.reference,
                    None => None,
                }
            }

            /// Whether upstream retired this number (a removed code or a
            /// sentinel): it is never a current code and is never reused.
            #[must_use]
            pub const fn is_retired(self) -> bool {
                let (mut lo, mut hi) = (0, RETIRED.len());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if RETIRED[mid] < self.0 {
                        lo = mid + 1;
                    } else if RETIRED[mid] > self.0 {
                        hi = mid;
                    } else {
                        return true;
                    }
                }
                false
            }

            /// Every meaning of the code, the primary one (the one every other
            /// method answers with) first. Empty for an unknown code.
            pub fn meanings(self) -> impl ExactSizeIterator<Item = Meaning> + Clone {
                let rows: &'static [Entry] = match self.row() {
                    Some(row) => &ENTRIES[row..row + ENTRIES[row].meanings as usize],
                    None => &[],
                };
                rows.iter().map(Meaning)
            }

            /// Every other ecosystem's names for the code (empty for an unknown code).
            #[must_use]
            pub const fn symbols(self) -> &'static [Symbol] {
                match self.entry() {
                    Some(entry) => entry.symbols,
                    None => &[],
                }
            }

            /// What `ecosystem` calls the code now (its primary name, not an alias).
            #[must_use]
            pub fn symbol(self, ecosystem: Ecosystem) -> Option<&'static str> {
                self.symbols().iter().find(|s| s.ecosystem == ecosystem && !s.alias).map(|s| s.name)
            }

            /// The code a pasted name stands for: `name` without the white
            /// space around it, exactly as any of the code's names is spelled
            /// (upstream's, the constant's, another ecosystem's), or else
            /// without a prefix people paste before names (Chromium's `net::`)
            /// and ignoring ASCII case, which also finds former names. So
            /// `"net::ERR_NAME_NOT_RESOLVED"`, `"err_name_not_resolved"` and
            /// `" Not Found\n"` are all found. Binary search; no allocation.
            #[must_use]
            pub const fn from_name(name: &str) -> Option<Self> {
                let name = name.trim_ascii();
                if let Some(code) = Self::from_exact_name_bytes(name.as_bytes()) {
                    return Some(code);
                }
                Self::from_folded_name(strip_prefix(name.as_bytes()))
            }

            /// The code whose name is `name` exactly, as any of its names is
            /// spelled; case and white space matter ([`from_name`](Self::from_name) forgives them).
            #[must_use]
            pub const fn from_exact_name(name: &str) -> Option<Self> {
                Self::from_exact_name_bytes(name.as_bytes())
            }

            const fn from_exact_name_bytes(name: &[u8]) -> Option<Self> {
                match row_of(&BY_NAME, name, false) {
                    Some(row) => Some(ENTRIES[row].code),
                    None => None,
                }
            }


            /// Whether to send a failed request again, and how long to wait
            /// at least, after this code: the decision of its [`retry`](Self::retry)
            /// class for a request that is or is not `idempotent` (safe to
            /// repeat), and the response's `Retry-After`, if it had one. An
            /// unknown code is never retried.
            #[must_use]
            pub const fn retry_decision(self, idempotent: bool, retry_after: Option<core::time::Duration>) -> crate::RetryDecision {
                match self.retry() {
                    Some(retry) => retry.decide(idempotent, retry_after),
                    None => crate::RetryDecision::NO,
                }
            }

            /// The code with any of its names, ignoring ASCII case.
            const fn from_folded_name(name: &[u8]) -> Option<Self> {
                match row_of(&FOLDED, name, true) {
                    Some(row) => Some(ENTRIES[row].code),
                    None => None,
                }
            }


            /// Whether the code has the flag with this bit.
            #[allow(dead_code, reason = "only systems with flags ask")]
            const fn flag(self, bit: u32) -> bool {
                match self.entry() {
                    Some(entry) => entry.flags & bit != 0,
                    None => false,
                }
            }

            code_system!(@index $index, $ty);
        }

        /// One meaning of a code: upstream's own, or another source's.
        #[derive(Clone, Copy)]
        pub struct Meaning(&'static Entry);

        impl Meaning {
            /// The numeric value, as upstream defines it (the same as the code's).
            #[must_use]
            pub const fn code(self) -> $int {
                self.0.code.0
            }

            /// The code whose meaning this is; it answers with the number's first meaning.
            #[must_use]
            pub const fn to_code(self) -> $ty {
                self.0.code
            }

            /// Who gives the code this meaning.
            #[must_use]
            pub const fn source(self) -> Source {
                self.0.source
            }

            /// The constant's name, e.g. `"NGINX_CLIENT_CLOSED_REQUEST"`.
            #[must_use]
            pub const fn ident(self) -> &'static str {
                self.0.ident
            }

            /// The name as its source spells it, or `None` where it documents none.
            #[must_use]
            pub const fn name(self) -> Option<&'static str> {
                self.0.name
            }

            /// What the code means here and what to do about it.
            #[must_use]
            pub const fn description(self) -> &'static str {
                self.0.description
            }

            /// What kind of failure this is.
            #[must_use]
            pub const fn category(self) -> crate::Category {
                self.0.category
            }

            /// Whether and how to retry.
            #[must_use]
            pub const fn retry(self) -> crate::Retry {
                self.0.retry
            }

            /// Where the meaning stands: current, deprecated, unofficial, ...
            #[must_use]
            pub const fn status(self) -> crate::CodeStatus {
                self.0.status
            }
        }

        impl Meaning {
            /// Whether to send a failed request again after this meaning of
            /// the code, and how long to wait at least (see
            /// [`retry_decision`]($ty::retry_decision)).
            #[must_use]
            pub const fn retry_decision(self, idempotent: bool, retry_after: Option<core::time::Duration>) -> crate::RetryDecision {
                self.0.retry.decide(idempotent, retry_after)
            }
        }

        /// A meaning is its number: it equals any code with that number.
        impl PartialEq<$ty> for Meaning {
            fn eq(&self, other: &$ty) -> bool {
                self.0.code == *other
            }
        }

        /// A code equals every meaning of its number.
        impl PartialEq<Meaning> for $ty {
            fn eq(&self, other: &Meaning) -> bool {
                *self == other.0.code
            }
        }

        impl From<Meaning> for $ty {
            fn from(meaning: Meaning) -> Self {
                meaning.0.code
            }
        }

        impl From<Meaning> for $int {
            fn from(meaning: Meaning) -> Self {
                meaning.0.code.0
            }
        }

        impl core::fmt::Debug for Meaning {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct("Meaning")
                    .field("code", &self.0.code.0)
                    .field("source", &self.0.source)
                    .field("name", &self.0.name)
                    .finish_non_exhaustive()
            }
        }

        impl PartialEq for Meaning {
            fn eq(&self, other: &Self) -> bool {
                core::ptr::eq(self.0, other.0)
            }
        }

        impl Eq for Meaning {}

        /// One ecosystem's name for a code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Symbol {
            /// Whose name it is.
            pub ecosystem: Ecosystem,
            /// The name exactly as the ecosystem spells it.
            pub name: &'static str,
            /// Not the ecosystem's own name in the newest release checked: an
            /// older or second name, or one that is gone (`removed_since`).
            pub alias: bool,
            /// The ecosystem release that added the name, where later than the first one checked.
            pub since: Option<&'static str>,
            /// The release from which the name is no longer the ecosystem's own.
            pub alias_since: Option<&'static str>,
            /// The release that deprecated the name.
            pub deprecated_since: Option<&'static str>,
            /// The release that dropped the name.
            pub removed_since: Option<&'static str>,
        }

        // How the tables spell a symbol: the name, then only the facts it has
        // (`Symbol::new(Ecosystem::Go, "StatusOK").since("1.7")`).
        #[allow(dead_code, reason = "a system's table uses only the steps its names need")]
        impl Symbol {
            const fn new(ecosystem: Ecosystem, name: &'static str) -> Self {
                Symbol { ecosystem, name, alias: false, since: None, alias_since: None, deprecated_since: None, removed_since: None }
            }

            const fn alias(self) -> Self {
                Symbol { alias: true, ..self }
            }

            const fn since(self, release: &'static str) -> Self {
                Symbol { since: Some(release), ..self }
            }

            const fn alias_since(self, release: &'static str) -> Self {
                Symbol { alias_since: Some(release), ..self }
            }

            const fn deprecated_since(self, release: &'static str) -> Self {
                Symbol { deprecated_since: Some(release), ..self }
            }

            const fn removed_since(self, release: &'static str) -> Self {
                Symbol { removed_since: Some(release), ..self }
            }
        }

        /// The error of parsing a code: the text is neither a name this crate
        /// knows nor a number the type can hold.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseError;

        impl core::fmt::Display for ParseError {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(concat!("neither a name nor a number of ", $upstream))
            }
        }

        impl core::error::Error for ParseError {}

        impl From<$int> for $ty {
            fn from(code: $int) -> Self {
                Self(code)
            }
        }

        impl From<$ty> for $int {
            fn from(code: $ty) -> Self {
                code.0
            }
        }

        /// `Type(value: name)` for a known code, `Type(value)` otherwise.
        impl core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(name) => write!(f, concat!(stringify!($ty), "({}: {})"), self.0, name),
                    None => write!(f, concat!(stringify!($ty), "({})"), self.0),
                }
            }
        }

        code_system!(@display $display, $ty, $int);

        /// Serializes as the number.
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&self.0, serializer)
            }
        }

        /// Deserializes from a number or from any name `from_name` accepts.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str(concat!("a number or name of ", $upstream))
                    }
                    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<$ty, E> {
                        <$int>::try_from(value)
                            .ok()
                            .map($ty)
                            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Signed(value), &self))
                    }
                    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<$ty, E> {
                        <$int>::try_from(value)
                            .ok()
                            .map($ty)
                            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
                    }
                    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<$ty, E> {
                        $ty::from_name(value).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(value), &self))
                    }
                }
                deserializer.deserialize_any(Visitor)
            }
        }

        /// Byte-wise comparison usable in `const fn` of a name from a table
        /// with `text`; with `fold`, the table's name is lower case and
        /// `text` is lowered on the fly.
        const fn compare(known: &[u8], text: &[u8], fold: bool) -> core::cmp::Ordering {
            let mut i = 0;
            while i < known.len() && i < text.len() {
                let t = if fold { text[i].to_ascii_lowercase() } else { text[i] };
                if known[i] != t {
                    return if known[i] < t { core::cmp::Ordering::Less } else { core::cmp::Ordering::Greater };
                }
                i += 1;
            }
            if known.len() < text.len() {
                core::cmp::Ordering::Less
            } else if known.len() > text.len() {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        }

        /// The row in `ENTRIES` of `name` in a name table sorted by bytes
        /// (`BY_NAME`, or `FOLDED` with `fold`). Binary search.
        const fn row_of(table: &[(&str, u32)], name: &[u8], fold: bool) -> Option<usize> {
            let (mut lo, mut hi) = (0, table.len());
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                match compare(table[mid].0.as_bytes(), name, fold) {
                    core::cmp::Ordering::Less => lo = mid + 1,
                    core::cmp::Ordering::Greater => hi = mid,
                    core::cmp::Ordering::Equal => return Some(table[mid].1 as usize),
                }
            }
            None
        }

        /// `name` without the first of `LOOKUP_PREFIXES` it starts with, compared ignoring ASCII case.
        const fn strip_prefix(name: &[u8]) -> &[u8] {
            let mut i = 0;
            while i < LOOKUP_PREFIXES.len() {
                let prefix = LOOKUP_PREFIXES[i].as_bytes();
                if name.len() >= prefix.len() {
                    let (head, rest) = name.split_at(prefix.len());
                    if compare(prefix, head, true).is_eq() {
                        return rest;
                    }
                }
                i += 1;
            }
            name
        }

        /// A number as people write it: decimal, or hexadecimal after `0x`.
        fn parse_number(text: &str) -> Option<$int> {
            match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
                Some(hex) => <$int>::from_str_radix(hex, 16).ok(),
                None => text.parse::<$int>().ok(),
            }
        }
    };

    // Values close together: `INDEX` holds a reference to each value's row,
    // so a lookup is a range check and one load.
    (@index dense, $ty:ident) => {
        /// The row of a known code: one range check and one table load.
        // The offset is below the index's length, which a usize holds.
        #[allow(clippy::cast_possible_truncation)]
        const fn entry(self) -> Option<&'static Entry> {
            if self.0 < INDEX_MIN || self.0 > INDEX_MAX {
                return None;
            }
            INDEX[self.0.abs_diff(INDEX_MIN) as usize]
        }

        /// Index of the code's first row in `ENTRIES`.
        fn row(self) -> Option<usize> {
            self.entry().map(|entry| {
                (core::ptr::from_ref(entry).addr() - ENTRIES.as_ptr().addr()) / core::mem::size_of::<Entry>()
            })
        }
    };

    // Values far apart: a lower-bound binary search over the rows.
    (@index sparse, $ty:ident) => {
        /// The row of a known code: a binary search over the rows.
        const fn entry(self) -> Option<&'static Entry> {
            match self.row() {
                Some(row) => Some(&ENTRIES[row]),
                None => None,
            }
        }

        /// Index of the code's first row in `ENTRIES`.
        const fn row(self) -> Option<usize> {
            let (mut lo, mut hi) = (0, ENTRIES.len());
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if ENTRIES[mid].code.0 < self.0 {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo < ENTRIES.len() && ENTRIES[lo].code.0 == self.0 { Some(lo) } else { None }
        }
    };

    // Known by name first: `ERR_NAME_NOT_RESOLVED`.
    (@display name, $ty:ident, $int:ty) => {
        /// Parses a name (anything [`from_name`]($ty::from_name) finds) or a
        /// number, decimal or with `0x`.
        impl core::str::FromStr for $ty {
            type Err = ParseError;
            fn from_str(text: &str) -> Result<Self, ParseError> {
                Self::from_name(text).or_else(|| parse_number(text.trim_ascii()).map(Self)).ok_or(ParseError)
            }
        }

        /// The name, or the number for a code this crate does not know.
        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, "{}", self.0),
                }
            }
        }
    };

    // Known by number first: `404 Not Found`.
    (@display number, $ty:ident, $int:ty) => {
        /// Parses a name (anything [`from_name`]($ty::from_name) finds), a
        /// number (decimal or with `0x`), or a number followed by its name as
        /// `Display` writes it (`"404 Not Found"`).
        impl core::str::FromStr for $ty {
            type Err = ParseError;
            fn from_str(text: &str) -> Result<Self, ParseError> {
                if let Some(code) = Self::from_name(text) {
                    return Ok(code);
                }
                let text = text.trim_ascii();
                let (number, rest) = text.split_once(' ').unwrap_or((text, ""));
                let code = parse_number(number).map(Self).ok_or(ParseError)?;
                if rest.is_empty() || code.name() == Some(rest) { Ok(code) } else { Err(ParseError) }
            }
        }

        /// The number and the name (`404 Not Found`), or only the number for
        /// a code without a name.
        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(name) => write!(f, "{} {}", self.0, name),
                    None => write!(f, "{}", self.0),
                }
            }
        }
    };
}

/// The body of a mapping's `from_<source>_rule`: the rule for `$code`, from a
/// binary search of the single codes in `$exact`, then the ranges in
/// `$ranges` from the narrowest; the indexes point into `$rules`.
macro_rules! mapping_rule {
    ($code:ident, $rules:ident, $exact:ident, $ranges:ident) => {{
        let (mut lo, mut hi) = (0, $exact.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if $exact[mid].0 < $code {
                lo = mid + 1;
            } else if $exact[mid].0 > $code {
                hi = mid;
            } else {
                return Some($rules[$exact[mid].1 as usize]);
            }
        }
        let mut i = 0;
        while i < $ranges.len() {
            let (low, high, rule) = $ranges[i];
            if $code >= low && $code <= high {
                return Some($rules[rule as usize]);
            }
            i += 1;
        }
        None
    }};
}
