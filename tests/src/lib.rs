//! Helpers shared by the conformance tests: where the repository is, the
//! loaded model, and running external tools with clear failures. A tool that
//! is missing fails the test with the command that installs it: CI installs
//! every tool, so nothing is skipped.

pub mod headers;
pub mod readback;
pub mod server;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use codegen::model::{Model, System};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ lives in the repository").to_path_buf()
}

/// The validated model of the checked-in `data/`.
pub fn model() -> Model {
    match codegen::load(&repo_root().join("data")) {
        Ok(model) => model,
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("data/ does not validate:\n{}", lines.join("\n"))
        }
    }
}

/// The system with the given id.
pub fn system<'a>(model: &'a Model, id: &str) -> &'a System {
    model.systems.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no system {id:?} in data/"))
}

/// Fails with the install command when `tool` is not on PATH.
pub fn require_tool(tool: &str, install: &str) {
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
        .unwrap_or(false);
    assert!(found, "`{tool}` is not installed; `cargo xtask test` installs it with: {install}");
}

/// The version `tests/<dir>/install.sh` pins for `key` (its line
/// `<key>_version=...`): the one place the version is set.
pub fn install_pin(dir: &str, key: &str) -> String {
    let path = format!("tests/{dir}/install.sh");
    let script = std::fs::read_to_string(repo_root().join(&path)).unwrap_or_else(|err| panic!("read {path}: {err}"));
    let key = format!("{key}_version=");
    let pinned = script.lines().find_map(|line| line.trim().strip_prefix(key.as_str()));
    pinned.unwrap_or_else(|| panic!("{path} pins no {key}")).to_owned()
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

/// Compares what a program printed with what data/ says, line by line,
/// showing the first differences rather than two whole listings.
pub fn assert_lines(what: &str, got: &str, expected: &[String]) {
    let got: Vec<&str> = got.lines().collect();
    let differences: Vec<String> = expected
        .iter()
        .zip(&got)
        .filter(|(e, g)| e != g)
        .take(5)
        .map(|(e, g)| format!("expected {e:?}\n     got {g:?}"))
        .collect();
    assert!(
        differences.is_empty() && got.len() == expected.len(),
        "{what} disagrees with data/ ({} lines expected, {} printed):\n{}",
        expected.len(),
        got.len(),
        differences.join("\n")
    );
}

/// Every file under `dir` with its contents, to show that a step left it untouched.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    for path in files_under(dir) {
        let bytes = std::fs::read(&path).expect("read file");
        files.insert(path, bytes);
    }
    files
}

/// Every file under `dir`, at any depth, in order.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Copies the folder `from`, with everything under it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Rewrites a CSV table in place, each field as `edit(column, field)` returns
/// it (the header and the order of rows and columns stay; lines end in LF, as
/// in data/).
pub fn rewrite_csv(path: &Path, mut edit: impl FnMut(&str, &str) -> String) {
    let mut reader = csv::ReaderBuilder::new().from_path(path).expect("read CSV");
    let header = reader.headers().expect("header").clone();
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    writer.write_record(&header).expect("write header");
    for record in reader.records() {
        let record = record.expect("record");
        let row: Vec<String> = record.iter().zip(header.iter()).map(|(field, column)| edit(column, field)).collect();
        writer.write_record(&row).expect("write record");
    }
    std::fs::write(path, writer.into_inner().expect("flush")).expect("write CSV");
}

/// A fresh, empty scratch directory under the workspace's target directory
/// (not /tmp, so parallel CI jobs and reruns never share state).
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// The value an exact lookup by name answers, as the model says (its
/// `names` index: what every output's `from_name` prints).
pub fn by_name(system: &System, name: &str) -> Option<i64> {
    let at = system.names.binary_search_by(|(n, _)| n.as_str().cmp(name)).ok()?;
    Some(system.codes[system.names[at].1].value)
}

/// The value a lookup that ignores ASCII case answers, as the model says.
pub fn by_folded_name(system: &System, text: &str) -> Option<i64> {
    let folded = text.to_ascii_lowercase();
    let at = system.folded.binary_search_by(|(n, _)| n.as_str().cmp(&folded)).ok()?;
    Some(system.codes[system.folded[at].1].value)
}

/// The flags every headless Chromium run uses: no sandbox (tests run as
/// root), no GPU, and nothing that reaches the network.
const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// `chromium --dump-dom` with a fresh profile: the DOM after the page's
/// scripts ran (see `headless_chromium`).
pub fn dump_dom(url: &str, profile: &Path) -> Result<String, String> {
    let html = headless_chromium(&[format!("--user-data-dir={}", profile.display()), "--dump-dom".to_owned(), url.to_owned()], url)?;
    if html.trim().is_empty() {
        return Err(format!("{url}: chromium printed no DOM"));
    }
    Ok(html)
}

/// How many Chromiums one test process runs at once. One Chromium keeps
/// two cores busy (browser and renderer): on a 2-core machine, 8 at once
/// took 15 s where one took 1.6 s. With 16 at once (two tests' worth),
/// CI's Chromiums ran out of the minute below while they waited for each
/// other, so a slow host looked like a hung browser.
fn chromium_slots() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get().div_ceil(2))
}

/// A place among the Chromiums running now: waits until one is free.
struct ChromiumSlot;

static RUNNING_CHROMIUMS: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());

impl ChromiumSlot {
    fn take() -> ChromiumSlot {
        let (running, freed) = &RUNNING_CHROMIUMS;
        let mut running = freed.wait_while(running.lock().expect("slots"), |n| *n >= chromium_slots()).expect("slots");
        *running += 1;
        ChromiumSlot
    }
}

impl Drop for ChromiumSlot {
    fn drop(&mut self) {
        let (running, freed) = &RUNNING_CHROMIUMS;
        *running.lock().expect("slots") -= 1;
        freed.notify_one();
    }
}

/// Headless Chromium with `args` (which name `url`), killed if it takes
/// longer than a minute from its start: what it printed. At most
/// `chromium_slots()` run at once; the others wait for their turn first.
pub fn headless_chromium(args: &[String], url: &str) -> Result<String, String> {
    let _slot = ChromiumSlot::take();
    let mut child = Command::new("chromium")
        .args(CHROMIUM_FLAGS)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start chromium: {err}"))?;
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).map(|_| text)
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{url}: chromium did not finish within 60 s"));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = out.join().expect("reader").map_err(|e| format!("{url}: chromium output: {e}"))?;
    let stderr = err.join().expect("reader");
    if !status.success() {
        return Err(format!("{url}: chromium failed ({status}), printed:\n{stderr}"));
    }
    Ok(stdout)
}

/// What the forgiving lookup (`from_name` in every output) answers, as
/// the docs state it: trimmed, exact; else without one of
/// the system's prefixes and ignoring ASCII case.
pub fn by_forgiving_name(system: &System, text: &str) -> Option<i64> {
    let trimmed = text.trim_matches([' ', '\t', '\r', '\n']);
    if let Some(value) = by_name(system, trimmed) {
        return Some(value);
    }
    let folded = trimmed.to_ascii_lowercase();
    let rest = system.lookup_prefixes.iter().find_map(|p| folded.strip_prefix(p.as_str())).unwrap_or(&folded);
    by_folded_name(system, rest)
}
