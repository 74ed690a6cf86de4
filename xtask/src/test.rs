//! `cargo xtask test`: on any machine of the project's kind, install whatever
//! the tests need and is missing, check that `generated/` is fresh, build the
//! docs site as `cargo xtask docs` does (the command the publish workflow
//! runs), run every test, and fuzz the loader for a bounded time. What CI
//! runs (`.ci/run`).
//!
//! Every install step is idempotent: it prints one line saying what it
//! installs when something is missing, and `ok` when everything is there.
//! A failure names its step.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// How one install step finds out what is missing and installs it.
#[derive(Debug)]
pub enum Install {
    /// A bash script that checks first, then prints exactly one line naming
    /// what it installs (nothing when all is there), installs it quietly, and
    /// prints a failing command's whole output (tests/install-common.sh).
    Script(&'static str),
    /// `cargo install <package> --version <version> --locked`, unless
    /// `cargo <check...>` already prints the version.
    Cargo { package: &'static str, version: &'static str, check: &'static [&'static str] },
    /// `rustup target add <target>`, unless rustup lists it as installed.
    RustupTarget(&'static str),
}

/// Everything the tests need beyond the Rust toolchain, in the order it is
/// installed: the one list to extend when a test needs something new.
pub const INSTALLS: &[Install] = &[
    // Qt headers, PyQt6, PySide6, Go, Java, PHP, Ruby, npm packages.
    Install::Script("tests/upstream/install.sh"),
    // grpcio, websockets, h2, aioquic, googleapis-common-protos, @grpc/grpc-js.
    Install::Script("tests/protocols/install.sh"),
    // gcc, clang and sanitizer runtimes, cmake, pkg-config, git, Qt for the examples.
    Install::Script("tests/c_header/install.sh"),
    // mypy, ruff, pyright, the flit_core wheelhouse.
    Install::Script("tests/python/install.sh"),
    // mdBook, headless Chromium.
    Install::Script("tests/docs/install.sh"),
    // Debian's curl.h and libcurl, pycurl and dnspython (curl, TLS and DNS upstream tests).
    Install::Script("tests/upstream-net/install.sh"),
    // tsc, esbuild, Express, the npm packages compared, headless Chromium.
    Install::Script("tests/typescript/install.sh"),
    // curl, certutil, python3-cryptography, iproute2 for the failure lab
    // (its PyQt6 and Chromium come from the upstream and docs scripts).
    Install::Script("tests/failure-lab/install.sh"),
    // Fuzzes the loader (on this stable toolchain with RUSTC_BOOTSTRAP=1).
    Install::Cargo { package: "cargo-fuzz", version: "0.13.2", check: &["fuzz", "--version"] },
    // A bare-metal target, to prove the Rust crate builds without std.
    Install::RustupTarget("thumbv7em-none-eabihf"),
];

/// The step that builds the docs site: the command the publish workflow runs.
pub const DOCS_STEP: &str = "cargo xtask docs";

/// How long the loader is fuzzed, in seconds: any panic fails the run.
const FUZZ_SECONDS: u32 = 60;

impl Install {
    /// What the step is called in its line and in a failure.
    pub fn name(&self) -> String {
        match self {
            Install::Script(path) => (*path).to_owned(),
            Install::Cargo { package, version, .. } => format!("{package} {version}"),
            Install::RustupTarget(target) => format!("rustup target {target}"),
        }
    }

    /// Installs what is missing, printing one line either way.
    fn run(&self, root: &Path, env: &Env) -> Result<(), String> {
        let name = self.name();
        match self {
            Install::Script(path) => {
                let mut child = env
                    .command("bash")
                    .arg(path)
                    .current_dir(root)
                    .stdout(Stdio::piped())
                    .spawn()
                    .map_err(|err| format!("cannot run bash {path}: {err}"))?;
                // The script's own line, as it comes (an install can take minutes).
                let mut said = false;
                for line in BufReader::new(child.stdout.take().expect("piped")).lines() {
                    println!("{}", line.map_err(|err| format!("reading its output: {err}"))?);
                    said = true;
                }
                let status = child.wait().map_err(|err| err.to_string())?;
                if !status.success() {
                    return Err(format!("bash {path} failed ({status})"));
                }
                if !said {
                    println!("{name}: ok");
                }
                Ok(())
            }
            Install::Cargo { package, version, check } => {
                let installed = env.command(&env.cargo).args(*check).output();
                if installed.is_ok_and(|out| out.status.success() && String::from_utf8_lossy(&out.stdout).contains(version)) {
                    println!("{name}: ok");
                    return Ok(());
                }
                println!("{name}: installing (cargo install {package} --version {version} --locked)");
                quietly(env.command(&env.cargo).args(["install", package, "--version", version, "--locked"]))
            }
            Install::RustupTarget(target) => {
                let listed = env.command("rustup").args(["target", "list", "--installed"]).output();
                let listed = listed.map_err(|err| format!("cannot run rustup: {err}"))?;
                if String::from_utf8_lossy(&listed.stdout).lines().any(|line| line.trim() == *target) {
                    println!("{name}: ok");
                    return Ok(());
                }
                println!("{name}: installing (rustup target add {target})");
                quietly(env.command("rustup").args(["target", "add", target]))
            }
        }
    }
}

/// Runs a command, printing nothing unless it fails; then its whole output.
fn quietly(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|err| format!("cannot run {command:?}: {err}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "{command:?} failed ({})\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

/// The environment every step runs in: cargo's bin directory on PATH (where
/// `cargo install` puts mdBook and cargo-fuzz), apt without questions.
struct Env {
    cargo: OsString,
    path: OsString,
}

impl Env {
    fn new() -> Env {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
        let mut dirs: Vec<PathBuf> = std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
        if let Some(bin) = cargo_home.map(|home| home.join("bin")) {
            if !dirs.contains(&bin) {
                dirs.insert(0, bin);
            }
        }
        let path = std::env::join_paths(dirs).unwrap_or_else(|_| std::env::var_os("PATH").unwrap_or_default());
        Env { cargo, path }
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path).env("DEBIAN_FRONTEND", "noninteractive");
        command
    }
}

/// Runs every step in order and stops at the first that fails, naming it.
pub fn run(root: &Path) -> ExitCode {
    let env = Env::new();
    let started = Instant::now();
    let mut times: Vec<(String, u64)> = Vec::new();
    let mut step = |name: String, work: &mut dyn FnMut() -> Result<(), String>| -> Result<(), ()> {
        let begun = Instant::now();
        let result = work();
        times.push((name.clone(), begun.elapsed().as_secs()));
        result.map_err(|err| eprintln!("error: cargo xtask test: step `{name}` failed: {err}"))
    };
    let result = (|| {
        for install in INSTALLS {
            step(install.name(), &mut || install.run(root, &env))?;
        }
        step("generate --check".to_owned(), &mut || {
            crate::generate(root, true).then_some(()).ok_or_else(|| "generated/ is not fresh (see above)".to_owned())
        })?;
        // The site as .github/workflows/docs.yml builds it for publishing.
        step(DOCS_STEP.to_owned(), &mut || xtask::docs::run(root).map(|_| ()))?;
        step("cargo test --workspace --all-features".to_owned(), &mut || {
            status(env.command(&env.cargo).args(["test", "--workspace", "--all-features"]).current_dir(root))
        })?;
        step(format!("cargo fuzz run load ({FUZZ_SECONDS} s)"), &mut || {
            status(
                env.command(&env.cargo)
                    // The dev profile without a sanitizer: the loader is safe
                    // Rust, so a panic is what the run looks for, and overflow
                    // checks stay on. It builds in 115 s of CPU against the
                    // release-with-ASan build's 265 s (BENCHMARKS.md).
                    .args(["fuzz", "run", "--dev", "--sanitizer", "none", "--fuzz-dir", "codegen/fuzz", "load", "--"])
                    .arg(format!("-max_total_time={FUZZ_SECONDS}"))
                    .env("RUSTC_BOOTSTRAP", "1")
                    .current_dir(root),
            )
        })
    })();
    let times: Vec<String> = times.iter().map(|(name, secs)| format!("{name} {secs} s")).collect();
    match result {
        Ok(()) => {
            println!("test: every step passed in {} s ({})", started.elapsed().as_secs(), times.join(", "));
            ExitCode::SUCCESS
        }
        Err(()) => ExitCode::FAILURE,
    }
}

/// Runs a command with its output shown as it comes.
fn status(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|err| format!("cannot run {command:?}: {err}"))?;
    if status.success() { Ok(()) } else { Err(status.to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_install_script_exists_and_says_at_most_one_line() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace");
        for install in INSTALLS {
            if let Install::Script(path) = install {
                let text = std::fs::read_to_string(root.join(path)).unwrap_or_else(|err| panic!("{path}: {err}"));
                // The one line is the `announce` of tests/install-common.sh.
                assert!(text.contains("install-common.sh"), "{path} does not use tests/install-common.sh");
                assert_eq!(text.matches("\nannounce").count(), 1, "{path} must announce once, before installing");
                assert!(!text.contains("echo "), "{path} prints a line of its own besides announce");
            }
        }
    }

    #[test]
    fn ci_runs_the_readme_test_command() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace");
        let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
        let block = readme.split("```sh\n").nth(1).and_then(|rest| rest.split("```").next()).expect("a sh block");
        let commands: Vec<&str> =
            block.lines().map(|line| line.split('#').next().unwrap_or_default().trim()).filter(|c| !c.is_empty()).collect();
        assert_eq!(commands, ["cargo xtask generate", "cargo xtask test"], "the README opens with the two commands");
        let ci = std::fs::read_to_string(root.join(".ci/run")).expect(".ci/run");
        let ci_commands: Vec<&str> =
            ci.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
        assert!(ci_commands.contains(&"cargo xtask test"), ".ci/run must run the README's test command");
    }
}
