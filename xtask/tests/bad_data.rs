//! The bad-input corpus: every file in tests/bad-data/ breaks a copy of
//! data/ in one way, and names the exact diagnostics `cargo xtask generate`
//! must print. generated/ must come out byte-identical, mtimes included.

mod support;

use std::fs;
use std::path::Path;

use serde::Deserialize;
use support::{scratch_repo, snapshot, text, xtask};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case breaks, for whoever reads a failure.
    about: String,
    edit: Vec<Edit>,
    /// Every diagnostic, exactly and in order. Line numbers are written as
    /// placeholders, so that a real row added to data/ breaks no case:
    /// `{edit2}` is the line the second edit wrote, and `{qt/codes.csv|HostNotFoundError,}`
    /// the first line of that file (after the edits) holding that text.
    /// `{systems}` is the ids of data/'s systems, as messages list them.
    expect: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    /// Path under data/.
    file: String,
    op: Op,
    #[serde(default)]
    line: usize,
    #[serde(default)]
    text: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    bytes: u64,
}

#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
enum Op {
    /// Replace line `line` (1-based) with `text`.
    ReplaceLine,
    /// Insert `text` as a new line before line `line`.
    InsertLine,
    /// Append `text` as a new last line.
    AppendLine,
    /// Replace the first occurrence of `from` with `text`.
    Substitute,
    /// Replace the whole file with `text`, creating it (and its folder) if needed.
    Write,
    /// Replace the whole file with these hex-encoded bytes.
    WriteHex,
    /// Put a UTF-8 byte-order mark in front of the file.
    AddBom,
    /// Turn every LF into CRLF.
    Crlf,
    /// Pad the file with a comment-free filler row repeated up to `bytes` bytes.
    Grow,
    /// Delete the file.
    Remove,
    /// Replace the file with an empty directory.
    MakeDir,
}

#[test]
fn every_bad_table_is_rejected_with_its_exact_diagnostics() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-data");
    let mut cases: Vec<_> = fs::read_dir(&corpus)
        .expect("tests/bad-data exists")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus should hold at least 30 cases, found {}", cases.len());

    let mut failures = Vec::new();
    for path in &cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let case: Case = toml::from_str(&fs::read_to_string(path).expect("read case"))
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let root = scratch_repo(&format!("bad-data/{name}"));
        let edited: Vec<Option<usize>> =
            case.edit.iter().map(|edit| apply(&root.join("data").join(&edit.file), edit)).collect();
        let expect: Vec<String> = case.expect.iter().map(|line| resolve_lines(line, &edited, &root.join("data"))).collect();
        let before = snapshot(&root.join("generated"));
        let output = xtask(&root, &["generate"]);
        let stderr = text(&output.stderr);
        let mut lines: Vec<&str> = stderr.lines().collect();
        let summary = lines.pop().unwrap_or_default();
        if output.status.code() != Some(1) {
            failures.push(format!("{name} ({}): exit {:?}, expected 1\n{stderr}", case.about, output.status.code()));
        } else if lines != expect {
            failures.push(format!(
                "{name} ({}):\n  expected:\n    {}\n  got:\n    {}",
                case.about,
                expect.join("\n    "),
                lines.join("\n    ")
            ));
        } else if !summary.contains("nothing was written") {
            failures.push(format!("{name}: last line should say nothing was written: {summary}"));
        }
        if before != snapshot(&root.join("generated")) {
            failures.push(format!("{name}: generated/ changed"));
        }
    }
    println!("checked {} bad-input cases", cases.len());
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}

/// Replaces the line placeholders of an expected diagnostic (see `Case::expect`).
fn resolve_lines(expected: &str, edited: &[Option<usize>], data: &Path) -> String {
    let mut out = String::new();
    let mut rest = expected;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let inner = &rest[open + 1..close];
        if inner == "systems" {
            out.push_str(&rest[..open]);
            out.push_str(&system_ids(data).join(", "));
            rest = &rest[close + 1..];
            continue;
        }
        let line = if let Some(index) = inner.strip_prefix("edit").and_then(|n| n.parse::<usize>().ok()) {
            edited.get(index - 1).copied().flatten()
        } else if let Some((file, needle)) = inner.split_once('|') {
            let text = fs::read_to_string(data.join(file)).unwrap_or_default();
            text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
        } else {
            None
        };
        out.push_str(&rest[..open]);
        match line {
            Some(line) => out.push_str(&line.to_string()),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The folders of data/ that are systems (all but map/ and failure_lab/),
/// sorted: adding a system to data/ changes no case.
fn system_ids(data: &Path) -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(data)
        .expect("data/")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name != codegen::validate::MAPPINGS_FOLDER && name != codegen::validate::LAB_FOLDER)
        .collect();
    ids.sort();
    ids
}

/// Applies one edit; returns the line it wrote, where it wrote one.
fn apply(path: &Path, edit: &Edit) -> Option<usize> {
    let read = || fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let lines = || -> Vec<String> { String::from_utf8(read()).expect("UTF-8").lines().map(str::to_owned).collect() };
    let write_lines = |lines: Vec<String>| fs::write(path, lines.join("\n") + "\n").expect("write");
    match edit.op {
        Op::ReplaceLine => {
            let mut all = lines();
            all[edit.line - 1] = edit.text.clone();
            write_lines(all);
            return Some(edit.line);
        }
        Op::InsertLine => {
            let mut all = lines();
            all.insert(edit.line - 1, edit.text.clone());
            write_lines(all);
            return Some(edit.line);
        }
        Op::AppendLine => {
            let mut all = lines();
            all.push(edit.text.clone());
            let line = all.len();
            write_lines(all);
            return Some(line);
        }
        Op::Substitute => {
            let all = String::from_utf8(read()).expect("UTF-8");
            let at = all.find(&edit.from).unwrap_or_else(|| panic!("{}: {:?} not found", path.display(), edit.from));
            fs::write(path, all.replacen(&edit.from, &edit.text, 1)).expect("write");
            return Some(all[..at].matches('\n').count() + 1);
        }
        Op::Write => {
            fs::create_dir_all(path.parent().expect("under data/")).expect("mkdir");
            fs::write(path, &edit.text).expect("write");
        }
        Op::WriteHex => {
            let hex: String = edit.text.split_whitespace().collect();
            let bytes: Vec<u8> =
                (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")).collect();
            fs::write(path, bytes).expect("write");
        }
        Op::AddBom => {
            let mut bytes = b"\xef\xbb\xbf".to_vec();
            bytes.extend(read());
            fs::write(path, bytes).expect("write");
        }
        Op::Crlf => {
            let all = String::from_utf8(read()).expect("UTF-8");
            fs::write(path, all.replace('\n', "\r\n")).expect("write");
        }
        Op::Grow => {
            let mut bytes = read();
            let filler = edit.text.as_bytes();
            while (bytes.len() as u64) < edit.bytes {
                bytes.extend_from_slice(filler);
                bytes.push(b'\n');
            }
            fs::write(path, bytes).expect("write");
        }
        Op::Remove => fs::remove_file(path).expect("remove"),
        Op::MakeDir => {
            fs::remove_file(path).expect("remove");
            fs::create_dir(path).expect("mkdir");
        }
    }
    None
}
