//! `cargo xtask`: the maintainer's commands. Thin: the work is in `codegen`.

mod test;

use xtask::{upstream, write};

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage:
  cargo xtask generate [--check]   write generated/ from data/ (--check: write nothing, fail if stale)
  cargo xtask test                 install what the tests need and is missing, then generate --check,
                                   cargo xtask docs, every test, and a bounded fuzz run of the loader
                                   (what CI runs)
  cargo xtask docs                 build the docs site with the pinned mdBook into target/book
  cargo xtask upstream diff [--<system> FILE]... [--apply]
                                   compare data/ with upstream files (exit 1: they differ): one
                                   option per system whose system.toml has [sync] (--chromium,
                                   --qt, --http, --curl, --grpc, --tls, --dns, --websocket,
                                   --http2, --http3); --apply adds new codes and marks removed ones";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace_root();
    match args.as_slice() {
        ["generate"] => exit(generate(&root, false)),
        ["generate", "--check"] => exit(generate(&root, true)),
        ["test"] => test::run(&root),
        ["docs"] => docs(&root),
        ["upstream", rest @ ..] => upstream::run(&root, rest),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The repository to work on: this workspace, or `NETCODES_ROOT` (tests run
/// the generator on scratch copies of the repository).
fn workspace_root() -> PathBuf {
    match std::env::var_os("NETCODES_ROOT") {
        Some(root) => PathBuf::from(root),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf(),
    }
}

fn exit(success: bool) -> ExitCode {
    if success { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Writes (or with `check`, compares) generated/; false after reporting
/// what is wrong.
fn generate(root: &Path, check: bool) -> bool {
    let started = Instant::now();
    let model = match codegen::load(&root.join("data")) {
        Ok(loaded) => loaded,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("error: {} problem(s) in data/; nothing was written", problems.len());
            return false;
        }
    };
    let files = codegen::generate(&model);
    let plan = match write::plan(root, &files) {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("error: cannot read generated/: {err}");
            return false;
        }
    };
    if check {
        if plan.is_clean() {
            println!("generate --check: {} files checked, all fresh ({} ms)", files.len(), started.elapsed().as_millis());
            return true;
        }
        for line in plan.report() {
            eprintln!("{line}");
        }
        eprintln!("error: generated/ is stale; run `cargo xtask generate` and commit the result");
        return false;
    }
    match write::apply(root, &plan) {
        Ok(()) => {
            println!(
                "generate: {} files checked, {} changed, {} removed ({} ms)",
                files.len(),
                plan.changed.len(),
                plan.orphans.len(),
                started.elapsed().as_millis()
            );
            true
        }
        Err(err) => {
            eprintln!("error: {err}");
            false
        }
    }
}

/// Builds the docs site into target/book (see `xtask::docs`).
fn docs(root: &Path) -> ExitCode {
    match xtask::docs::run(root) {
        Ok(built) => {
            println!("docs: {} pages built with their own title, description and canonical link -> {}", built.pages, built.dest.join("index.html").display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
