//! netcodes' generator: load and validate `data/` into a [`model::Model`],
//! then render every output as [`GeneratedFile`]s. No I/O beyond reading `data/`;
//! writing is `xtask`'s job.

pub mod diag;
pub use codegen_text::escape;
pub mod load;
pub mod model;
pub mod render;
pub mod spell;
pub mod validate;

pub use diag::Diagnostic;
pub use render::{GENERATED_NOTICE, GeneratedFile, generate};
pub use validate::load;
