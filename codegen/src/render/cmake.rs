//! The C and C++ headers as a package: `generated/c/CMakeLists.txt` (the
//! INTERFACE library `netcodes::netcodes`, its install rules and version
//! file) and `generated/c/netcodes.pc.in` (what CMake installs as
//! `netcodes.pc`). Only the version comes from the model.

use askama::Template;

use crate::model::Model;
use crate::render::{GENERATED_NOTICE, GeneratedFile};

#[derive(Template)]
#[template(path = "cmake/CMakeLists.txt", escape = "none")]
struct CMakeLists<'a> {
    notice: &'static str,
    version: &'a str,
    /// How `find_package(netcodes <version>)` matches: before 1.0 a minor
    /// release may break, as Cargo and semver read versions.
    compatibility: &'static str,
}

#[derive(Template)]
#[template(path = "cmake/netcodes.pc.in", escape = "none")]
struct PkgConfig<'a> {
    notice: &'static str,
    version: &'a str,
}

pub fn render(model: &Model) -> Vec<GeneratedFile> {
    // The version is MAJOR.MINOR.PATCH of digits (validated): safe in CMake and pkg-config as it is.
    let version = model.version.as_str();
    let compatibility = if version.starts_with("0.") { "SameMinorVersion" } else { "SameMajorVersion" };
    vec![
        GeneratedFile::new(
            "generated/c/CMakeLists.txt",
            CMakeLists { notice: GENERATED_NOTICE, version, compatibility }.render().expect("CMakeLists.txt renders"),
        ),
        GeneratedFile::new(
            "generated/c/netcodes.pc.in",
            PkgConfig { notice: GENERATED_NOTICE, version }.render().expect("netcodes.pc.in renders"),
        ),
    ]
}
