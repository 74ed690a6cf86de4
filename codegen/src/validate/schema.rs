//! The TOML documents of `data/`, as serde reads them. Unknown keys are
//! errors; `Spanned` fields keep the line a value came from.

use serde::Deserialize;
use toml::Spanned;

/// `data/netcodes.toml`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectToml {
    pub version: Spanned<String>,
    pub site_url: Spanned<String>,
}

/// `data/vocabulary.toml`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyToml {
    pub category: Vec<TermToml>,
    pub retry: Vec<TermToml>,
    pub status: Vec<TermToml>,
    pub mapping_kind: Vec<TermToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermToml {
    pub id: Spanned<String>,
    pub title: String,
    pub description: String,
    /// Statuses only.
    #[serde(default)]
    pub retired: Option<bool>,
    /// Mapping kinds only.
    #[serde(default)]
    pub needs_note: Option<bool>,
    /// Mapping kinds only.
    #[serde(default)]
    pub needs_source: Option<bool>,
    /// Retry classes only: `no`, `yes`, `if_idempotent`, `if_retry_after`.
    #[serde(default)]
    pub decision: Option<String>,
    #[serde(default)]
    pub delay: Option<u32>,
    #[serde(default)]
    pub new_connection: Option<bool>,
}

/// `data/<system>/system.toml`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemToml {
    pub id: Spanned<String>,
    pub title: String,
    pub upstream: String,
    pub source: String,
    pub url: String,
    pub version: String,
    /// The upstream release that dropped the whole type (`Qt 6.0`).
    #[serde(default)]
    pub removed_in: Option<String>,
    pub description: String,
    pub type_name: Spanned<String>,
    /// What people put before a code when they search for it (`HTTP`).
    #[serde(default)]
    pub label: Option<String>,
    pub value_type: Spanned<String>,
    pub min: Spanned<i64>,
    pub max: i64,
    /// `hex`: upstream prints values in hexadecimal (with `hex_width` digits).
    #[serde(default)]
    pub value_format: Option<Spanned<String>>,
    #[serde(default)]
    pub hex_width: Option<usize>,
    pub name_style: Spanned<String>,
    pub display: Spanned<String>,
    /// What upstream calls a name (`reason`), offered as an alias in the API.
    #[serde(default)]
    pub name_alias: Option<Spanned<String>>,
    /// The same, as the property of Python members (`phrase`).
    #[serde(default)]
    pub python_name_property: Option<Spanned<String>>,
    /// Docs anchor of a code: `{value}`, `{name}`, `{source}` and `{ident}` are filled in.
    pub anchor: Spanned<String>,
    pub example: Spanned<i64>,
    /// The statuses rows may take, from the vocabulary.
    pub statuses: Spanned<Vec<String>>,
    /// One value may carry several meanings (rows).
    #[serde(default)]
    pub several_meanings: bool,
    /// Prefix of the names outputs print (`ERR_`), except for `unprefixed` names.
    #[serde(default)]
    pub name_prefix: Option<String>,
    #[serde(default)]
    pub unprefixed: Vec<String>,
    /// Prefixes people paste before a name (`net::`), stripped by the forgiving lookups.
    #[serde(default)]
    pub lookup_prefixes: Vec<String>,
    #[serde(default)]
    pub group: Vec<GroupToml>,
    #[serde(default)]
    pub flag: Vec<FlagToml>,
    /// Who gives a number its meaning, in precedence order (`source` column).
    #[serde(default)]
    pub origin: Vec<OriginToml>,
    /// Who else names the codes (`symbols.csv`).
    #[serde(default)]
    pub ecosystem: Vec<EcosystemToml>,
    /// Conversions with another Rust crate's type.
    #[serde(default)]
    pub interop: Vec<InteropToml>,
    /// C++: Qt's enum for the same codes (`QNetworkReply::NetworkError`), and
    /// the include guard of the Qt header that declares it (`QNETWORKREPLY_H`).
    #[serde(default)]
    pub cpp_qt_enum: Option<Spanned<String>>,
    #[serde(default)]
    pub cpp_qt_guard: Option<Spanned<String>>,
    /// The upstream file `cargo xtask upstream diff` compares the table with,
    /// and how to read it; xtask reads and checks it, the outputs ignore it.
    #[serde(default)]
    pub sync: Option<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InteropToml {
    pub feature: Spanned<String>,
    #[serde(rename = "crate")]
    pub krate: String,
    pub version: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub get: String,
    pub make: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupToml {
    pub id: Spanned<String>,
    pub title: String,
    /// What the range is for, where a title is not enough (a private-use
    /// range without rows).
    #[serde(default)]
    pub description: Option<String>,
    pub min: i64,
    pub max: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagToml {
    pub column: Spanned<String>,
    pub method: String,
    pub doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OriginToml {
    pub id: Spanned<String>,
    pub title: String,
    pub url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EcosystemToml {
    pub id: Spanned<String>,
    pub title: String,
    pub version: String,
    /// Every release the names were checked against, oldest first; the last is
    /// the one `symbols.csv`'s `kind` describes.
    #[serde(default)]
    pub versions: Vec<String>,
    /// Where symbols.csv has no row, the ecosystem uses the system's own name.
    #[serde(default)]
    pub same_names: bool,
    pub url: String,
}

/// `data/map/<name>.toml`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingToml {
    pub from: Spanned<String>,
    pub to: Spanned<String>,
    pub function: Spanned<String>,
    pub title: String,
    pub description: String,
    pub total: Spanned<bool>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub versions: Option<String>,
}

/// `data/failure_lab/lab.toml`: the clients the failure lab runs, and which
/// of their reports are compared through the mappings.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabToml {
    pub title: String,
    pub description: String,
    /// The system of the statuses clients report beside their codes (`http`).
    pub status_system: Spanned<String>,
    pub client: Vec<LabClientToml>,
    #[serde(default)]
    pub check: Vec<LabCheckToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabClientToml {
    pub id: Spanned<String>,
    pub title: String,
    /// The system its codes belong to; without one, codes are text.
    #[serde(default)]
    pub system: Option<Spanned<String>>,
    pub version: String,
    /// How the lab drives the client and reads its code, in our words.
    pub reads: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabCheckToml {
    pub from: Spanned<String>,
    pub to: Spanned<String>,
}
