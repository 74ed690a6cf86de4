//! The validated model: typed, sorted, every spelling precomputed, so that
//! renderers only loop and print.

/// Everything in `data/`, validated.
#[derive(Debug, Clone)]
pub struct Model {
    pub categories: Vec<Term>,
    pub retries: Vec<Term>,
    /// In a fixed order: qt, chromium, http, warning (those present).
    pub systems: Vec<System>,
    pub http: Option<HttpExtras>,
    pub mappings: Vec<Mapping>,
}

/// A vocabulary entry (category or retry class) with its spellings.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Rust enum variant: `RateLimit`.
    pub rust: String,
    /// Upper snake for C constants and Python members: `RATE_LIMIT`.
    pub upper: String,
}

/// The integer type that carries a system's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntType {
    /// Any `i32` round-trips (Qt's C++ enum, Chromium's `int`).
    I32,
    /// A `u16` in `min..=max` (HTTP status and warning codes).
    U16,
}

impl IntType {
    pub fn rust(self) -> &'static str {
        match self {
            IntType::I32 => "i32",
            IntType::U16 => "u16",
        }
    }
}

/// Which table a system comes from; decides its columns and spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemKind {
    Qt,
    Chromium,
    Http,
    Warning,
}

/// One code system: metadata and its codes.
#[derive(Debug, Clone)]
pub struct System {
    pub kind: SystemKind,
    /// Module name everywhere: `qt`.
    pub id: String,
    pub title: String,
    pub upstream: String,
    pub source: String,
    pub url: String,
    pub version: String,
    pub description: String,
    /// Rust and Python type: `NetworkError`.
    pub type_name: String,
    pub int_type: IntType,
    /// Codes are known by their number first and shown as `404 Not Found`
    /// (HTTP, Warning); otherwise by name (`ERR_NAME_NOT_RESOLVED`).
    pub number_first: bool,
    pub min: i64,
    pub max: i64,
    pub groups: Vec<Group>,
    /// Boolean columns beyond the common ones (Chromium's certificate flags).
    pub flags: Vec<Flag>,
    /// Codes generated code offers, sorted by value, then by source precedence.
    pub codes: Vec<Code>,
    /// Removed numbers and sentinels: documented, never offered, never reused.
    pub retired: Vec<Code>,
    /// `NETCODES_QT_`
    pub c_prefix: String,
    /// `netcodes_qt_`
    pub c_fn_prefix: String,
    /// `netcodes_qt_network_error`
    pub c_type: String,
    /// Repository-relative path of the table, for "generated from" lines.
    pub table_path: String,
}

impl System {
    /// Codes that are the first meaning of their value: what a lookup by number answers.
    pub fn primary_codes(&self) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(|code| code.primary)
    }

    /// Every meaning of `value`, primary first (codes are sorted, so this is
    /// a binary search, never a scan).
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
}

/// A documented value range of a system (Qt's "proxy 101-199").
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub min: i64,
    pub max: i64,
    /// `Proxy`
    pub rust: String,
    /// `PROXY`
    pub upper: String,
    /// `NETCODES_QT_GROUP_PROXY`
    pub c_name: String,
    /// `netcodes_qt_is_proxy`
    pub c_predicate: String,
}

/// An extra boolean column of a system.
#[derive(Debug, Clone)]
pub struct Flag {
    /// Column name and Rust/Python method name: `certificate_error`.
    pub id: String,
    /// Method names in every language: `is_certificate_error`.
    pub method: String,
    /// What the flag means, for doc comments.
    pub doc: String,
}

/// Status of a row in its upstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Current,
    Unused,
    Deprecated,
    Obsolete,
    Unofficial,
    Removed,
    Sentinel,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Current,
        Status::Unused,
        Status::Deprecated,
        Status::Obsolete,
        Status::Unofficial,
        Status::Removed,
        Status::Sentinel,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Unused => "unused",
            Status::Deprecated => "deprecated",
            Status::Obsolete => "obsolete",
            Status::Unofficial => "unofficial",
            Status::Removed => "removed",
            Status::Sentinel => "sentinel",
        }
    }

    /// Removed numbers and sentinels are documented but never offered as codes.
    pub fn is_retired(self) -> bool {
        matches!(self, Status::Removed | Status::Sentinel)
    }
}

/// One row of a code table: one meaning of one value.
#[derive(Debug, Clone)]
pub struct Code {
    pub value: i64,
    /// As upstream spells it: `ContentNotFoundError`, `NAME_NOT_RESOLVED`, `Not Found`.
    /// Empty for a removed number upstream never named.
    pub upstream_name: String,
    /// What `name()` answers: `ContentNotFoundError`, `ERR_NAME_NOT_RESOLVED`, `Not Found`.
    pub name: String,
    /// Rust const and Python member: `CONTENT_NOT_FOUND_ERROR`, `NGINX_CLIENT_CLOSED_REQUEST`.
    pub ident: String,
    /// C enumerator: `NETCODES_QT_CONTENT_NOT_FOUND_ERROR`.
    pub c_name: String,
    /// Docs anchor, stable when rows are added: `qt-203`, `err-name-not-resolved`, `404-iana`, `499-nginx`
    /// (an HTTP value also has the anchor `404` for the section of all its meanings).
    pub anchor: String,
    /// Index into the system's groups.
    pub group: usize,
    pub status: Status,
    /// Upstream version that introduced the code, where documented.
    pub since: Option<String>,
    /// Index into `Model::categories`.
    pub category: usize,
    /// Index into `Model::retries`.
    pub retry: usize,
    pub description: String,
    /// Specification or vendor document (HTTP, Warning).
    pub reference: Option<String>,
    /// Index into `HttpExtras::sources` (HTTP only).
    pub source: Option<usize>,
    /// The first meaning of its value (always true outside HTTP).
    pub primary: bool,
    /// Values of the system's flags, in `System::flags` order.
    pub flags: Vec<bool>,
    /// HTTP only: the specification forbids a body.
    pub empty_body: bool,
    /// Where the row is, for diagnostics.
    pub line: usize,
}

/// HTTP tables beyond the status codes themselves.
#[derive(Debug, Clone)]
pub struct HttpExtras {
    pub sources: Vec<Source>,
    /// Earlier reason phrases of registered codes.
    pub reason_history: Vec<ReasonAlias>,
    pub ecosystems: Vec<Ecosystem>,
    /// Sorted by code, ecosystem order, primary first, symbol.
    pub symbols: Vec<Symbol>,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    /// `NGINX`: prefix of vendor identifiers; empty for the registry.
    pub upper: String,
}

#[derive(Debug, Clone)]
pub struct ReasonAlias {
    pub code: i64,
    pub reason: String,
    pub reference: String,
}

#[derive(Debug, Clone)]
pub struct Ecosystem {
    pub id: String,
    pub title: String,
    pub version: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Symbol {
    pub code: i64,
    /// Index into `HttpExtras::ecosystems`.
    pub ecosystem: usize,
    pub symbol: String,
    pub primary: bool,
    pub since: Option<String>,
}

/// How sure a mapping row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingKind {
    Upstream,
    Equivalent,
    Approximate,
}

impl MappingKind {
    pub fn id(self) -> &'static str {
        match self {
            MappingKind::Upstream => "upstream",
            MappingKind::Equivalent => "equivalent",
            MappingKind::Approximate => "approximate",
        }
    }
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
    /// The table's rows, in value order (by range start, then end).
    pub rules: Vec<MappingRule>,
    pub table_path: String,
}

impl Mapping {
    /// The rule that answers for `value`: an exact row, else the narrowest
    /// range that holds it (validation guarantees it is unique).
    pub fn rule_for(&self, value: i64) -> Option<&MappingRule> {
        // An exact row by binary search (`rules` is sorted by start, then
        // end), so that checking and rendering stay O(n log n) for tables
        // with a row per code; ranges are few.
        let exact = self.rules.partition_point(|r| (r.lo, r.hi) < (value, value));
        if let Some(rule) = self.rules.get(exact).filter(|r| r.lo == value && r.hi == value) {
            return Some(rule);
        }
        self.rules.iter().filter(|r| r.lo <= value && value <= r.hi).min_by_key(|r| r.hi - r.lo)
    }

    /// Rules in the order generated code tries them: single values first,
    /// then ranges from the narrowest to the widest.
    pub fn rules_by_specificity(&self) -> Vec<&MappingRule> {
        let mut rules: Vec<&MappingRule> = self.rules.iter().collect();
        rules.sort_by_key(|r| (r.hi - r.lo, r.lo));
        rules
    }
}

#[derive(Debug, Clone)]
pub struct MappingRule {
    /// Inclusive range of `from` values; `lo == hi` for a single code.
    pub lo: i64,
    pub hi: i64,
    /// The target's value.
    pub to: i64,
    pub kind: MappingKind,
    /// Empty where the table gives none.
    pub note: String,
    pub line: usize,
}
