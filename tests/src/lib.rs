//! Helpers shared by the conformance tests: where the repository is, the
//! loaded model, and running external tools with clear failures. A tool that
//! is missing fails the test with the command that installs it: CI installs
//! every tool, so nothing is skipped.

pub mod readback;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::model::{Model, System, SystemKind};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ lives in the repository").to_path_buf()
}

/// The validated model of the checked-in `data/`.
pub fn model() -> Model {
    match codegen::load(&repo_root().join("data")) {
        Ok((_, model)) => model,
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("data/ does not validate:\n{}", lines.join("\n"))
        }
    }
}

/// The system of the given kind.
pub fn system(model: &Model, kind: SystemKind) -> &System {
    model.systems.iter().find(|s| s.kind == kind).expect("every system is in the model")
}

/// Fails with the install command when `tool` is not on PATH.
pub fn require_tool(tool: &str, install: &str) {
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
        .unwrap_or(false);
    assert!(found, "`{tool}` is not installed; `cargo xtask test` installs it with: {install}");
}

/// Runs a command and returns its output; fails the test with everything it
/// printed when it cannot start or exits unsuccessfully.
pub fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap_or_else(|err| panic!("cannot run {command:?}: {err}"));
    assert!(
        output.status.success(),
        "{command:?} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Standard output of a successful command, as text.
pub fn stdout(command: &mut Command) -> String {
    String::from_utf8(run(command).stdout).expect("tool output is UTF-8")
}

/// A fresh, empty scratch directory under the workspace's target directory
/// (not /tmp, so parallel CI jobs and reruns never share state).
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}
