//! The validated model: typed, sorted, every derived fact computed once
//! (spellings in every language, indexes, orders, flag bits, mapping
//! targets), so that renderers only loop and print.
//!
//! Nothing here knows one code system from another: a system is what its
//! folder under `data/` declares.

/// Everything in `data/`, validated.
#[derive(Debug, Clone)]
pub struct Model {
    /// The project's own version (`data/netcodes.toml`).
    pub version: String,
    /// Where the docs site is published, ending in `/`.
    pub site_url: String,
    pub vocabulary: Vocabulary,
    /// Sorted by id: the order of every output.
    pub systems: Vec<System>,
    /// Sorted by id.
    pub mappings: Vec<Mapping>,
    /// The failure lab's cases and what each client reported, where `data/`
    /// has them (`data/failure_lab/`).
    pub lab: Option<Lab>,
}

impl Model {
    /// The path of the docs site on its host: `/netcodes/`.
    pub fn site_path(&self) -> String {
        let rest = self.site_url.split_once("://").map_or(self.site_url.as_str(), |(_, rest)| rest);
        rest.find('/').map_or_else(|| "/".to_owned(), |at| rest[at..].to_owned())
    }

    /// The mapping rule generated examples show: the most specific rule of
    /// the first table that reproduces upstream behaviour (the most telling
    /// example), else of the first table with rules.
    pub fn example_rule(&self) -> Option<ExampleRule<'_>> {
        let with_rules = || self.mappings.iter().filter(|m| !m.rules.is_empty());
        let mapping = with_rules().find(|m| m.source.is_some()).or(with_rules().next())?;
        let rule = mapping.rules_by_specificity().next()?;
        let to = &self.systems[mapping.to];
        Some(ExampleRule { mapping, to, value: rule.lo, target: &to.codes[rule.to_row] })
    }
}

/// A mapping rule for examples: `mapping` answers `target`, a code of `to`, for `value`.
pub struct ExampleRule<'a> {
    pub mapping: &'a Mapping,
    pub to: &'a System,
    pub value: i64,
    pub target: &'a Code,
}

/// `data/vocabulary.toml`: the terms every system shares.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub categories: Vec<Term>,
    pub retries: Vec<Term>,
    pub statuses: Vec<Term>,
    pub mapping_kinds: Vec<Term>,
}

/// A vocabulary entry with its spellings.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Rust enum variant: `RateLimit`.
    pub rust: String,
    /// Upper snake for Python members: `RATE_LIMIT`.
    pub upper: String,
    /// C enumerator: `NETCODES_CATEGORY_RATE_LIMIT`.
    pub c_name: String,
    /// Statuses: documented and never reused, but not offered as a code.
    pub retired: bool,
    /// Mapping kinds: a row of this kind must say why in its note.
    pub needs_note: bool,
    /// Mapping kinds: a row of this kind needs its table to name, in `source`,
    /// the upstream code it reproduces.
    pub needs_source: bool,
    /// Retry classes: what to do with one failed request.
    pub decision: Option<Decision>,
}

/// What a retry class decides for one failed request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub rule: DecisionRule,
    /// The least wait in seconds; with a Retry-After, the longer of the two.
    pub delay: u32,
    /// Retry on a new connection, not on the one that failed.
    pub new_connection: bool,
}

/// When a retry class retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionRule {
    No,
    Yes,
    IfIdempotent,
    IfRetryAfter,
}

impl DecisionRule {
    pub const ALL: [(&'static str, DecisionRule); 4] = [
        ("no", DecisionRule::No),
        ("yes", DecisionRule::Yes),
        ("if_idempotent", DecisionRule::IfIdempotent),
        ("if_retry_after", DecisionRule::IfRetryAfter),
    ];

    pub fn id(self) -> &'static str {
        Self::ALL.iter().find(|(_, rule)| *rule == self).map(|(id, _)| *id).expect("every rule has an id")
    }
}

/// The integer type that carries a system's codes: any value of it round-trips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntType {
    I32,
    U8,
    U16,
    U32,
    U64,
}

impl IntType {
    pub const ALL: [IntType; 5] = [IntType::I32, IntType::U8, IntType::U16, IntType::U32, IntType::U64];

    /// The spelling in `data/` and in Rust.
    pub fn rust(self) -> &'static str {
        match self {
            IntType::I32 => "i32",
            IntType::U8 => "u8",
            IntType::U16 => "u16",
            IntType::U32 => "u32",
            IntType::U64 => "u64",
        }
    }

    /// The C++ type: the underlying type of the system's `enum class`.
    pub fn cpp(self) -> &'static str {
        match self {
            IntType::I32 => "std::int32_t",
            IntType::U8 => "std::uint8_t",
            IntType::U16 => "std::uint16_t",
            IntType::U32 => "std::uint32_t",
            IntType::U64 => "std::uint64_t",
        }
    }

    /// The C parameter type: `int` wherever it holds every value.
    pub fn c(self) -> &'static str {
        match self {
            IntType::I32 | IntType::U8 | IntType::U16 => "int",
            IntType::U32 => "unsigned long",
            IntType::U64 => "unsigned long long",
        }
    }

    /// The suffix that gives a C integer literal the type of [`IntType::c`]
    /// (unsuffixed, a hex literal would be `int` or `unsigned int` where it fits).
    pub fn c_suffix(self) -> &'static str {
        match self {
            IntType::I32 | IntType::U8 | IntType::U16 => "",
            IntType::U32 => "UL",
            IntType::U64 => "ULL",
        }
    }

    /// The values the C type [`IntType::c`] is sure to hold, as far as
    /// `data/` can write them (i64): a bound at either end needs no comparison.
    pub fn c_range(self) -> (i64, i64) {
        match self {
            IntType::I32 | IntType::U8 | IntType::U16 => (i64::from(i32::MIN), i64::from(i32::MAX)),
            IntType::U32 => (0, i64::from(u32::MAX)),
            IntType::U64 => (0, i64::MAX),
        }
    }

    /// The values the type holds, as far as `data/` can write them (i64).
    pub fn range(self) -> (i64, i64) {
        match self {
            IntType::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
            IntType::U8 => (0, i64::from(u8::MAX)),
            IntType::U16 => (0, i64::from(u16::MAX)),
            IntType::U32 => (0, i64::from(u32::MAX)),
            IntType::U64 => (0, i64::MAX),
        }
    }

    pub fn signed(self) -> bool {
        self == IntType::I32
    }
}

/// One code system: a folder of `data/`.
#[derive(Debug, Clone)]
pub struct System {
    /// Module name everywhere: `qt`.
    pub id: String,
    pub title: String,
    pub upstream: String,
    pub source: String,
    pub url: String,
    pub version: String,
    /// The upstream release that dropped the whole type (`Qt 6.0`); its codes
    /// stay offered for software built against earlier releases.
    pub removed_in: Option<String>,
    pub description: String,
    /// Rust and Python type: `NetworkError`.
    pub type_name: String,
    /// What people put before a code when they search for it: `HTTP`,
    /// `QNetworkReply` (empty where the name says it all: `ERR_...`).
    pub label: String,
    /// The system's docs page: `chromium.md`.
    pub page: String,
    pub int_type: IntType,
    pub min: i64,
    pub max: i64,
    /// Upstream prints values in hexadecimal with this many digits (`0x0d`).
    pub hex_width: Option<usize>,
    /// Codes are known by their number first and shown as `404 Not Found`;
    /// otherwise by name (`ERR_NAME_NOT_RESOLVED`).
    pub number_first: bool,
    /// What upstream calls a code's name, where the API also offers it under
    /// that word (HTTP: `reason`).
    pub name_alias: Option<String>,
    /// The same in JavaScript case: `reason`, `statusText`.
    pub js_name_alias: Option<String>,
    /// Prefixes people paste before a name (Chrome's `net::`), which the
    /// forgiving name lookups strip, ignoring case: in ASCII lower case.
    pub lookup_prefixes: Vec<String>,
    /// The same prefixes as `system.toml` spells them
    /// (`QNetworkReply::`), for examples and prose.
    pub pasted_prefixes: Vec<String>,
    /// The same name under the word Python's standard library uses for it
    /// (HTTP: `phrase`, as `http.HTTPStatus` has), if it differs.
    pub python_name_property: Option<String>,
    pub groups: Vec<Group>,
    pub flags: Vec<Flag>,
    /// Who gives a number its meaning, in precedence order; the first is the
    /// system's own upstream.
    pub sources: Vec<Source>,
    pub ecosystems: Vec<Ecosystem>,
    /// Conversions with another crate's type for the same codes (Rust only).
    pub interop: Vec<Interop>,
    /// Qt's enum for the same codes, which the C++ header's functions also
    /// take once Qt's header is included (`QNetworkReply::NetworkError`).
    pub qt_enum: Option<QtEnum>,
    /// Every meaning generated code offers, sorted by value, then source
    /// precedence, then file order; a value's first row is its primary meaning.
    pub codes: Vec<Code>,
    /// Removed numbers and sentinels: documented, never offered, never reused.
    pub retired: Vec<Code>,
    /// Rows of the table left out for a problem of their own, as far as they
    /// could be read: mappings that name one are left out with it instead of
    /// being reported again, and a total mapping must still cover a new code
    /// whose other fields are not filled in yet. Empty in a valid model.
    pub pending: Vec<PendingRow>,
    /// What other ecosystems call each code, sorted by value, meaning, ecosystem, primary first.
    pub symbols: Vec<Symbol>,
    /// Names upstream used before, sorted by value then name.
    pub former_names: Vec<FormerName>,
    /// Every exact name a code is found by, sorted by bytes, each leading to
    /// the first row of its value (index into `codes`). Primary meanings claim
    /// a name first, then other meanings, then other ecosystems' names.
    pub names: Vec<(String, usize)>,
    /// Every name above and every former name, in ASCII lower case and
    /// sorted by bytes, each leading to the first row of its value: what a
    /// lookup that ignores case finds. Primary meanings claim a name first,
    /// then former names, other meanings and other ecosystems.
    pub folded: Vec<(String, usize)>,
    /// A table from value to row when values are close together.
    pub dense: Option<DenseIndex>,
    /// Index into `codes` of the code generated examples use.
    pub example: usize,
    /// Whether the table has these optional columns.
    pub has_since: bool,
    pub has_reference: bool,
    /// `NETCODES_QT_`
    pub c_prefix: String,
    /// `netcodes_qt_`
    pub c_fn_prefix: String,
    /// `netcodes_qt_network_error`
    pub c_type: String,
    /// What a mapping into this system answers in C when no rule covers a
    /// code: a value no code has (`NETCODES_QT_UNMAPPED`), if any mapping leads here.
    pub unmapped: Option<(String, i64)>,
    /// Repository-relative path of the table, for "generated from" lines.
    pub table_path: String,
}

impl System {
    /// Codes that are the first meaning of their value: what a lookup by number answers.
    pub fn primary_codes(&self) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(|code| code.primary)
    }

    /// Every meaning of `value`, primary first (a binary search).
    pub fn meanings(&self, value: i64) -> &[Code] {
        let start = self.codes.partition_point(|c| c.value < value);
        let end = self.codes.partition_point(|c| c.value <= value);
        &self.codes[start..end]
    }

    /// The primary meaning of `value`, if the system offers it.
    pub fn primary(&self, value: i64) -> Option<&Code> {
        self.meanings(value).first()
    }

    /// The retired row with `value`, if any.
    pub fn retired_code(&self, value: i64) -> Option<&Code> {
        let at = self.retired.partition_point(|c| c.value < value);
        self.retired.get(at).filter(|c| c.value == value)
    }

    pub fn group(&self, code: &Code) -> &Group {
        &self.groups[code.group]
    }

    /// The symbols of one meaning.
    pub fn symbols_of(&self, code: &Code) -> &[Symbol] {
        &self.symbols[code.symbols.clone()]
    }

    /// The symbols of every meaning of `value`.
    pub fn value_symbols(&self, value: i64) -> &[Symbol] {
        let start = self.symbols.partition_point(|s| s.value < value);
        let end = self.symbols.partition_point(|s| s.value <= value);
        &self.symbols[start..end]
    }

    pub fn former_names_of(&self, value: i64) -> &[FormerName] {
        let start = self.former_names.partition_point(|f| f.value < value);
        let end = self.former_names.partition_point(|f| f.value <= value);
        &self.former_names[start..end]
    }

    /// A value as upstream prints it: `-105`, `404`, `0x0d`.
    pub fn value_text(&self, value: i64) -> String {
        match self.hex_width {
            Some(width) => format!("0x{value:0width$x}"),
            None => value.to_string(),
        }
    }

    /// The upstream version the table follows, and the release that dropped
    /// the type where one did: `Qt 5.15 (removed in Qt 6.0)`.
    pub fn version_text(&self) -> String {
        match &self.removed_in {
            Some(removed) => format!("{} (removed in {removed})", self.version),
            None => self.version.clone(),
        }
    }

    /// Several meanings share a value somewhere in the table.
    pub fn has_meanings(&self) -> bool {
        self.codes.iter().any(|c| !c.primary)
    }
}

/// A table from value to row: `rows[value - min]`.
#[derive(Debug, Clone)]
pub struct DenseIndex {
    pub min: i64,
    pub max: i64,
    /// Index into `System::codes` of each value's primary row.
    pub rows: Vec<Option<usize>>,
}

/// A documented value range of a system (Qt's "proxy 101-199").
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// What the range is for, in our words (empty where the title says it
    /// all): a range upstream leaves to private use has no rows, only this.
    pub description: String,
    pub min: i64,
    pub max: i64,
    /// `Proxy`
    pub rust: String,
    /// `PROXY`
    pub upper: String,
    /// `is_proxy`: the predicate's name in every language.
    pub method: String,
    /// `NETCODES_QT_GROUP_PROXY`
    pub c_name: String,
    /// `netcodes_qt_is_proxy`
    pub c_predicate: String,
}

/// A boolean column of a system.
#[derive(Debug, Clone)]
pub struct Flag {
    /// The column in `codes.csv`: `certificate_error`.
    pub column: String,
    /// The predicate in every language: `is_certificate_error`.
    pub method: String,
    /// `netcodes_chromium_is_certificate_error`
    pub c_function: String,
    /// The property of JavaScript code objects: `isCertificateError`.
    pub js_property: String,
    /// What the flag means, for doc comments.
    pub doc: String,
    /// The flag's bit in a row's `flag_bits`.
    pub bit: u32,
}

/// Who gives a number a meaning: the registry, or a vendor.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    /// `Nginx`
    pub rust: String,
    /// `NGINX`: prefix of the identifiers of this source's meanings; empty for the first source.
    pub upper: String,
}

/// Another ecosystem that names the codes (Python's `http.HTTPStatus`, Go's `net/http`).
#[derive(Debug, Clone)]
pub struct Ecosystem {
    pub id: String,
    pub title: String,
    /// The release the names were read from, as the docs show it.
    pub version: String,
    /// Every release checked, oldest first; the last is what `Symbol::primary` describes.
    pub versions: Vec<String>,
    /// Where `symbols.csv` has no row for a code, the ecosystem calls it by
    /// the system's own name (CEF's `ERR_NAME_NOT_RESOLVED`); rows list the
    /// names that differ (CEF's `ERR_NONE` for 0).
    pub same_names: bool,
    pub url: String,
    /// `RustHttp`
    pub rust: String,
}

/// Conversions between a system's Rust type and another crate's type for
/// the same codes, behind a crate feature (the `http` crate's `StatusCode`).
#[derive(Debug, Clone)]
pub struct Interop {
    pub feature: String,
    /// The crate's name, and the version the dependency asks for.
    pub krate: String,
    pub version: String,
    /// The type's path within the crate: `StatusCode`.
    pub ty: String,
    /// The method that reads the number: `as_u16`.
    pub get: String,
    /// The fallible constructor from a number: `from_u16`.
    pub make: String,
}

/// A Qt enum whose values are a system's codes.
#[derive(Debug, Clone)]
pub struct QtEnum {
    /// Its qualified C++ name: `QNetworkReply::NetworkError`.
    pub ty: String,
    /// The include guard of the Qt header that declares it: `QNETWORKREPLY_H`.
    pub guard: String,
}

/// What another ecosystem calls one meaning of a code, with the name's history.
#[derive(Debug, Clone)]
pub struct Symbol {
    pub value: i64,
    /// The meaning it names: index into `System::sources` (the value's first
    /// meaning unless `symbols.csv` says otherwise).
    pub source: usize,
    /// Index into `System::ecosystems`.
    pub ecosystem: usize,
    pub name: String,
    /// The ecosystem's own name for the code in its newest checked release
    /// (for a removed name: in the last release that had it).
    pub primary: bool,
    /// The release that added the name, where later than the first checked one.
    pub since: Option<String>,
    /// The release from which the name is no longer the primary one.
    pub alias_since: Option<String>,
    /// The release that deprecated the name (a warning, an annotation).
    pub deprecated_since: Option<String>,
    /// The release that dropped the name.
    pub removed_since: Option<String>,
}

impl Symbol {
    /// Whether the name exists in `release`, and is the primary one there.
    /// `None` for a release number that is not one (`8.0-preview`).
    pub fn in_release(&self, release: &str) -> Option<(bool, bool)> {
        let at = crate::validate::release_key(release)?;
        let before = |bound: &Option<String>| {
            bound.as_deref().and_then(crate::validate::release_key).is_some_and(|bound| at < bound)
        };
        let after = |bound: &Option<String>| !before(bound) && bound.is_some();
        let exists = !before(&self.since) && !after(&self.removed_since);
        let primary = exists && (self.primary || before(&self.alias_since));
        Some((exists, primary))
    }
}

/// A row of a code table that has a problem of its own (see `System::pending`).
#[derive(Debug, Clone)]
pub struct PendingRow {
    pub value: Option<i64>,
    pub name: String,
    /// Its status is a retired one (`removed`, `sentinel`).
    pub retired: bool,
    pub line: usize,
    /// The proof that the row's problem was reported.
    pub reported: crate::diag::Reported,
}

/// A name upstream gave a code before (413 `Request Entity Too Large`).
#[derive(Debug, Clone)]
pub struct FormerName {
    pub value: i64,
    /// Whose name it was: index into `System::sources` (0, the system's own upstream).
    pub source: usize,
    pub name: String,
    pub reference: String,
}

/// One row of a code table: one meaning of one value.
#[derive(Debug, Clone)]
pub struct Code {
    pub value: i64,
    /// As upstream spells it: `ContentNotFoundError`, `NAME_NOT_RESOLVED`, `Not Found`.
    /// Empty for a removed number upstream never named, or a meaning without a phrase.
    pub upstream_name: String,
    /// What `name()` answers: `ContentNotFoundError`, `ERR_NAME_NOT_RESOLVED`, `Not Found`.
    pub name: String,
    /// Rust const and Python member: `CONTENT_NOT_FOUND_ERROR`, `NGINX_CLIENT_CLOSED_REQUEST`.
    pub ident: String,
    /// C enumerator: `NETCODES_QT_CONTENT_NOT_FOUND_ERROR` (empty for retired rows).
    pub c_name: String,
    /// Docs anchor, stable when rows are added: `qt-203`, `err-name-not-resolved`, `404-iana`.
    pub anchor: String,
    /// Docs anchor of the value, the heading over all its meanings: `404`
    /// (the same as `anchor` where a value has one meaning by design).
    pub value_anchor: String,
    /// The value's docs page, under `generated/docs/src`: `chromium/err-name-not-resolved.md`, `http/404.md`.
    pub page: String,
    /// Index into the system's groups.
    pub group: usize,
    /// Index into `Vocabulary::statuses`.
    pub status: usize,
    /// Upstream version that introduced the code, where documented.
    pub since: Option<String>,
    /// Index into `Vocabulary::categories`.
    pub category: usize,
    /// Index into `Vocabulary::retries`.
    pub retry: usize,
    pub description: String,
    /// Specification or upstream document.
    pub reference: Option<String>,
    /// Index into `System::sources`.
    pub source: usize,
    /// Where one source gives a number several meanings, their order (1
    /// first): the `precedence` column. Sorting never depends on file order.
    pub precedence: Option<u32>,
    /// The first meaning of its value.
    pub primary: bool,
    /// How many meanings the value has.
    pub meaning_count: usize,
    /// Values of the system's flags, in `System::flags` order.
    pub flags: Vec<bool>,
    /// The same as bits (`Flag::bit`).
    pub flag_bits: u32,
    /// This meaning's run of `System::symbols`.
    pub symbols: std::ops::Range<usize>,
    /// Where the row is, for diagnostics.
    pub line: usize,
}

/// A mapping table from one system to another.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// File stem: `http_status_to_qt`.
    pub id: String,
    pub title: String,
    pub description: String,
    /// Indexes into `Model::systems`.
    pub from: usize,
    pub to: usize,
    pub total: bool,
    pub source: Option<String>,
    pub versions: Option<String>,
    /// The mapping's name in the target system: `from_http_status` becomes
    /// `netcodes_qt_from_http_status()`, `netcodes.qt.from_http_status()` and
    /// `qt::NetworkError::from_http_status()`.
    pub function: String,
    /// `netcodes_qt_from_http_status`
    pub c_function: String,
    /// `fromHttpStatus`: the function in the target's JavaScript module
    /// (`fromHttpStatusRule` answers the rule).
    pub js_function: String,
    /// `to_qt`: the method on the source system's type.
    pub to_method: String,
    /// The table's rows, in value order (by range start, then end).
    pub rules: Vec<MappingRule>,
    /// The mapping's docs page: `map-http-status-to-qt.md`.
    pub page: String,
    /// Indexes into `rules` in the order generated code tries them: single
    /// values first, then ranges from the narrowest to the widest.
    pub by_specificity: Vec<usize>,
    pub table_path: String,
}

impl Mapping {
    /// The rule that answers for `value`: an exact row, else the narrowest
    /// range that holds it (validation guarantees it is unique).
    pub fn rule_for(&self, value: i64) -> Option<&MappingRule> {
        let exact = self.rules.partition_point(|r| (r.lo, r.hi) < (value, value));
        if let Some(rule) = self.rules.get(exact).filter(|r| r.lo == value && r.hi == value) {
            return Some(rule);
        }
        self.rules.iter().filter(|r| r.lo <= value && value <= r.hi).min_by_key(|r| r.hi - r.lo)
    }

    /// Rules in the order generated code tries them.
    pub fn rules_by_specificity(&self) -> impl Iterator<Item = &MappingRule> {
        self.by_specificity.iter().map(|&i| &self.rules[i])
    }
}

#[derive(Debug, Clone)]
pub struct MappingRule {
    /// Inclusive range of `from` values; `lo == hi` for a single code.
    pub lo: i64,
    pub hi: i64,
    /// The target's value, and its primary row in the target system.
    pub to: i64,
    pub to_row: usize,
    /// Index into `Vocabulary::mapping_kinds`.
    pub kind: usize,
    /// Empty where the table gives none.
    pub note: String,
    /// Docs anchor of the row on its mapping page: `from-404`, `from-400-to-499`.
    pub anchor: String,
    /// The failure-lab cases in which real clients were seen to report the
    /// two codes for the same event (`tests/failure-lab/`).
    pub observed: Vec<String>,
    /// The failure-lab cases in which the clients reported the row's `from`
    /// code and another code than its `to` for the same event (the row is
    /// then approximate, and its note says why).
    pub differs: Vec<String>,
    pub line: usize,
}

impl MappingRule {
    pub fn is_single(&self) -> bool {
        self.lo == self.hi
    }
}

/// The failure lab (`data/failure_lab/`, run by `tests/failure_lab.rs`):
/// real failures staged on 127.0.0.1, the code each client reported for
/// each, and what the mappings make of those codes.
#[derive(Debug, Clone)]
pub struct Lab {
    pub title: String,
    pub description: String,
    /// Index into `Model::systems`: the system of the statuses clients
    /// report beside their codes (HTTP).
    pub status_system: usize,
    pub clients: Vec<LabClient>,
    /// Which clients' codes are compared through the mappings, in file order.
    pub checks: Vec<LabCheck>,
    /// Sorted by id.
    pub cases: Vec<LabCase>,
    /// The docs page: `failure-lab.md`.
    pub page: String,
    /// Repository-relative paths of the tables, for the docs.
    pub cases_path: String,
    pub reports_path: String,
}

impl Lab {
    /// The case with this id.
    pub fn case(&self, id: &str) -> Option<&LabCase> {
        self.cases.iter().find(|c| c.id == id)
    }

    /// A report of `client` (an index into `clients`) as plain text:
    /// `ERR_ABORTED`, `ContentNotFoundError with HTTP 404`, `HTTP 404`, `nothing`.
    pub fn report_text(&self, systems: &[System], client: usize, report: &LabReport) -> String {
        let status_system = &systems[self.status_system];
        let label = if status_system.label.is_empty() { &status_system.title } else { &status_system.label };
        let status = report.status.map(|s| format!("{label} {s}"));
        let code = match (&report.code, self.clients[client].system) {
            (Some(LabCode::Value(value)), Some(system)) => {
                Some(systems[system].primary(*value).map_or_else(|| value.to_string(), |c| c.name.clone()))
            }
            (Some(LabCode::Text(text)), _) => Some(text.clone()),
            _ => None,
        };
        match (code, status) {
            (Some(code), Some(status)) => format!("{code} with {status}"),
            (Some(code), None) => code,
            (None, Some(status)) => status,
            (None, None) => "nothing".to_owned(),
        }
    }
}

/// A client the lab runs every case through (Qt, Chromium, curl).
#[derive(Debug, Clone)]
pub struct LabClient {
    pub id: String,
    pub title: String,
    /// Index into `Model::systems`: the system its codes belong to; without
    /// one, its codes are kept as text.
    pub system: Option<usize>,
    /// The version the reports were observed with.
    pub version: String,
    /// How the lab drives it and reads its code.
    pub reads: String,
}

/// Two clients whose codes for the same case are compared through the
/// mapping between their systems.
#[derive(Debug, Clone, Copy)]
pub struct LabCheck {
    /// Indexes into `Lab::clients`.
    pub from: usize,
    pub to: usize,
}

/// One staged failure.
#[derive(Debug, Clone)]
pub struct LabCase {
    /// `lower_snake`: what mapping rows cite in `observed` and `differs`.
    pub id: String,
    pub title: String,
    /// What the lab's servers do, in our words.
    pub staging: String,
    /// What the reports show; empty where the table gives none.
    pub note: String,
    /// Docs anchor on the lab's page: `case-connection-refused`.
    pub anchor: String,
    /// What each client reported, in `Lab::clients` order.
    pub reports: Vec<LabReport>,
    /// What the mappings make of the reports, in `Lab::checks` order.
    pub comparisons: Vec<LabComparison>,
    pub line: usize,
}

/// What one client reported for one case.
#[derive(Debug, Clone)]
pub struct LabReport {
    /// `None`: the client reported nothing before the case's time ran out.
    pub code: Option<LabCode>,
    /// The status it received with the code, a value of the lab's status system.
    pub status: Option<i64>,
    /// Other codes it reported for the same failure in some repetitions
    /// (its answer depends on timing); `code` is the one it gave most often.
    pub also: Vec<LabCode>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabCode {
    /// A code of the client's system.
    Value(i64),
    /// The code as the client printed it, for a client without a system.
    Text(String),
}

/// What a mapping makes of two clients' reports of one case.
#[derive(Debug, Clone)]
pub enum LabComparison {
    /// `rule` (an index into the rules of `Model::mappings[mapping]`) covers
    /// what the `from` client reported; `agrees`: it gives what the `to`
    /// client reported.
    Compared { mapping: usize, rule: usize, agrees: bool },
    /// Why no mapping compares the two reports.
    NotComparable(String),
}
