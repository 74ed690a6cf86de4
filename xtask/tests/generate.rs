//! `cargo xtask generate` end to end: freshness, determinism, what gets
//! written and what does not.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::process::Command;

use support::{repo_root, scratch_repo, snapshot, text, xtask};

/// The checked-in generated/ is what the generator makes of the checked-in data/.
#[test]
fn checked_in_generated_is_fresh() {
    let output = xtask(&repo_root(), &["generate", "--check"]);
    assert!(
        output.status.success(),
        "generated/ is stale; run `cargo xtask generate` and commit:\n{}",
        text(&output.stderr)
    );
}

#[test]
fn generation_is_deterministic() {
    let data = repo_root().join("data");
    let model = codegen::load(&data).expect("data/ validates");
    let first = codegen::generate(&model);
    let model = codegen::load(&data).expect("data/ validates");
    let second = codegen::generate(&model);
    assert_eq!(first, second);
    assert!(first.len() > 20, "expected every output, got {} files", first.len());

    // Two separate processes writing into two separate trees agree byte for byte.
    let a = scratch_repo("deterministic-a");
    let b = scratch_repo("deterministic-b");
    for root in [&a, &b] {
        fs::remove_dir_all(root.join("generated")).expect("clear generated/");
        assert!(xtask(root, &["generate"]).status.success());
    }
    let contents = |root: std::path::PathBuf| snapshot(&root).into_iter().map(|(path, (bytes, _))| (path, bytes)).collect::<Vec<_>>();
    assert_eq!(contents(a.join("generated")), contents(b.join("generated")));
}

/// The first build compiles proc-macro2, quote and syn once, for the proc
/// macros and the Rust renderer alike: that needs one feature set for each
/// (the root Cargo.toml says why).
#[test]
fn the_generator_and_the_proc_macros_share_one_syn() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(repo_root())
        .args(["tree", "--locked", "--package", "xtask", "--edges", "normal,build", "--prefix", "none", "--format", "{p} [{f}]"])
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed:\n{}", text(&output.stderr));
    let tree = text(&output.stdout);
    for package in ["proc-macro2", "quote", "syn"] {
        let builds: BTreeSet<&str> =
            tree.lines().filter(|line| line.split(' ').next() == Some(package)).map(|line| line.trim_end_matches(" (*)")).collect();
        assert_eq!(builds.len(), 1, "{package} is built with {} feature sets, {builds:?}: give the workspace dependency the proc macros' features", builds.len());
    }
}

/// Every output is LF-only, ends with exactly one newline, has no trailing
/// spaces, and opens with the do-not-edit notice.
#[test]
fn outputs_are_clean_text_with_the_notice() {
    let model = codegen::load(&repo_root().join("data")).expect("data/ validates");
    for file in codegen::generate(&model) {
        let contents = &file.contents;
        assert!(!contents.contains('\r'), "{}: CR", file.path);
        assert!(contents.ends_with('\n') && !contents.ends_with("\n\n"), "{}: final newline", file.path);
        for (i, line) in contents.lines().enumerate() {
            assert_eq!(line, line.trim_end(), "{}:{}: trailing whitespace", file.path, i + 1);
        }
        let first = contents.lines().next().unwrap_or_default();
        assert!(
            first.contains(codegen::GENERATED_NOTICE),
            "{}: first line should carry the notice, found {first:?}",
            file.path
        );
    }
}

/// A run that changes nothing rewrites nothing: every mtime stays put.
#[test]
fn a_no_op_run_writes_nothing() {
    let root = scratch_repo("no-op");
    let before = snapshot(&root.join("generated"));
    let output = xtask(&root, &["generate"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains(" 0 changed, 0 removed"), "{}", text(&output.stdout));
    assert_eq!(before, snapshot(&root.join("generated")));
}

#[test]
fn changing_a_description_makes_check_fail_naming_the_file() {
    let root = scratch_repo("stale-description");
    let table = root.join("data/qt/codes.csv");
    let original = fs::read_to_string(&table).expect("read table");
    let changed = original.replacen("The request completed without a failure.", "Nothing went wrong.", 1);
    assert_ne!(original, changed);
    fs::write(&table, changed).expect("write table");

    let output = xtask(&root, &["generate", "--check"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("generated/c/netcodes.h:"), "{stderr}");
    assert!(stderr.contains("generated/rust/src/qt.rs:"), "{stderr}");
    assert!(stderr.contains("generated/python/netcodes/qt.py:"), "{stderr}");
    assert!(stderr.contains("run `cargo xtask generate`"), "{stderr}");

    // And generate fixes exactly that.
    assert!(xtask(&root, &["generate"]).status.success());
    assert!(xtask(&root, &["generate", "--check"]).status.success());
}

#[test]
fn check_reports_missing_and_orphaned_files() {
    let root = scratch_repo("missing-orphan");
    fs::remove_file(root.join("generated/c/netcodes.h")).expect("remove header");
    fs::write(root.join("generated/python/netcodes/leftover.py"), "x = 1\n").expect("write orphan");
    let before = snapshot(&root.join("generated"));

    let output = xtask(&root, &["generate", "--check"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("generated/c/netcodes.h: missing"), "{stderr}");
    assert!(stderr.contains("generated/python/netcodes/leftover.py: orphaned"), "{stderr}");
    assert_eq!(before, snapshot(&root.join("generated")), "--check wrote something");

    let output = xtask(&root, &["generate"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(root.join("generated/c/netcodes.h").is_file());
    assert!(!root.join("generated/python/netcodes/leftover.py").exists());
}

/// A duplicate Qt value fails with file and line, and generated/ stays byte-identical.
#[test]
fn a_duplicate_qt_value_fails_and_writes_nothing() {
    let root = scratch_repo("duplicate-qt-value");
    let table = root.join("data/qt/codes.csv");
    let original = fs::read_to_string(&table).expect("read table");
    // Line 5 is HostNotFoundError (3); give it TimeoutError's value.
    let changed: Vec<String> = original
        .lines()
        .enumerate()
        .map(|(i, line)| if i == 4 { line.replacen(",3,", ",4,", 1) } else { line.to_owned() })
        .collect();
    fs::write(&table, changed.join("\n") + "\n").expect("write table");
    let before = snapshot(&root.join("generated"));

    let output = xtask(&root, &["generate"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("data/qt/codes.csv:6: duplicate value 4 (first used on line 5)"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(before, snapshot(&root.join("generated")));
}
