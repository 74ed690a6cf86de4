//! The maintainer's commands as a library: the binary (`cargo xtask`) is a
//! thin CLI over it, and the tests share its upstream parsers, one per
//! upstream format; the docs tests build the site as `cargo xtask docs` does.

pub mod docs;
pub mod upstream;
pub mod write;
