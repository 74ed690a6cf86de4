//! What the tests of the C and C++ headers share: where the headers are,
//! what installs their compilers, and the warnings every build passes with.

use std::path::PathBuf;

use crate::repo_root;

/// What installs the compilers, CMake, pkg-config and Qt these tests use.
pub const INSTALL: &str = "bash tests/c_header/install.sh";

/// Warnings every build of either header must pass with, as errors.
pub const WARNINGS: &[&str] = &[
    "-Wall",
    "-Wextra",
    "-Wpedantic",
    "-Werror",
    "-Wconversion",
    "-Wshadow",
    "-Wundef",
    "-Wcast-qual",
];
/// C only: prototypes everywhere.
pub const C_WARNINGS: &[&str] = &["-Wstrict-prototypes", "-Wmissing-prototypes"];
/// C++ only: what Qt checks its own headers with, so the header is as quiet
/// in a Qt project as Qt's headers are.
pub const CXX_WARNINGS: &[&str] = &[
    "-Wold-style-cast",
    "-Wzero-as-null-pointer-constant",
    "-Wsign-conversion",
];

/// generated/c, where both headers and their CMake package are.
pub fn header_dir() -> PathBuf {
    repo_root().join("generated/c")
}
