//! Running the real `xtask` binary on scratch copies of the repository.

#![allow(dead_code, reason = "each test file uses a different part")]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_path_buf()
}

/// A scratch copy of `data/` and `generated/` under target/, named after the
/// test and the process (two test runs at once never share one). It is
/// deleted when the test passes and kept for inspection when it fails.
pub struct ScratchRepo(PathBuf);

impl std::ops::Deref for ScratchRepo {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for ScratchRepo {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchRepo {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
}

pub fn scratch_repo(name: &str) -> ScratchRepo {
    let root = repo_root().join("target/test-scratch/xtask").join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&root).expect("create scratch root");
    for dir in ["data", "generated"] {
        copy_tree(&repo_root().join(dir), &root.join(dir));
    }
    ScratchRepo(root)
}

pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let name = entry.file_name();
        if ["__pycache__", ".mypy_cache", ".ruff_cache", "target", "book"].iter().any(|n| name == *n) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs `xtask <args>` on `root`.
pub fn xtask(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("NETCODES_ROOT", root)
        .env_remove("NETCODES_FAIL_WRITE_AFTER")
        .output()
        .expect("run xtask")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir` with its bytes and modification time.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, SystemTime)>) {
    for entry in fs::read_dir(dir).expect("read dir") {
        let entry = entry.expect("dir entry");
        let path = entry.path();
        if entry.file_type().expect("file type").is_dir() {
            walk(base, &path, out);
        } else {
            let modified = entry.metadata().expect("metadata").modified().expect("mtime");
            let relative = path.strip_prefix(base).expect("under base").to_path_buf();
            out.insert(relative, (fs::read(&path).expect("read file"), modified));
        }
    }
}
