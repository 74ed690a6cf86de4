//! The one place that touches `generated/`: compare, then write only what
//! changed, each file through a temporary file and a rename in its directory,
//! so an interrupted run leaves every file either old or new, never cut short.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use codegen::GeneratedFile;

/// Directories under `generated/` that tools create and nobody generates.
const TOOL_DIRS: &[&str] = &["__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "target", "book", "build", "dist"];

/// Set to N to make the write after N files fail halfway, as a crash would
/// (used by the crash-safety test).
const FAIL_ENV: &str = "NETCODES_FAIL_WRITE_AFTER";

pub struct Plan<'a> {
    /// Files whose bytes differ from disk, with what is on disk (`None`: missing).
    pub changed: Vec<(&'a GeneratedFile, Option<String>)>,
    /// Files under `generated/` that no longer come out of the generator.
    pub orphans: Vec<String>,
}

impl Plan<'_> {
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.orphans.is_empty()
    }

    /// One line per problem, naming the file and its first differing line.
    pub fn report(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (file, old) in &self.changed {
            match old {
                None => lines.push(format!("{}: missing", file.path)),
                Some(old) => {
                    let line = first_difference(old, &file.contents);
                    lines.push(format!("{}:{line}: stale (first differing line)", file.path));
                }
            }
        }
        for orphan in &self.orphans {
            lines.push(format!("{orphan}: orphaned (no longer generated)"));
        }
        lines
    }
}

/// Compares the generator's output with `generated/` without writing anything.
pub fn plan<'a>(root: &Path, files: &'a [GeneratedFile]) -> io::Result<Plan<'a>> {
    let mut changed = Vec::new();
    for file in files {
        match fs::read(root.join(&file.path)) {
            // Same bytes is the common case: compare before converting anything.
            Ok(bytes) if bytes == file.contents.as_bytes() => {}
            Ok(bytes) => {
                let old = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
                if old != file.contents {
                    changed.push((file, Some(old)));
                }
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => changed.push((file, None)),
            Err(err) => return Err(err),
        }
    }
    let mut on_disk = Vec::new();
    list_files(root, "generated", &mut on_disk)?;
    let generated: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let orphans = on_disk.into_iter().filter(|path| !generated.contains(path.as_str())).collect();
    Ok(Plan { changed, orphans })
}

/// Writes the changed files and removes the orphans.
pub fn apply(root: &Path, plan: &Plan<'_>) -> io::Result<()> {
    // Orphans go first: among them may be the temporary file an interrupted
    // run left behind, whose name the writes below use again.
    for orphan in &plan.orphans {
        fs::remove_file(root.join(orphan))
            .map_err(|err| io::Error::new(err.kind(), format!("removing {orphan}: {err}")))?;
    }
    let fail_after: Option<usize> = std::env::var(FAIL_ENV).ok().and_then(|v| v.parse().ok());
    for (written, (file, _)) in plan.changed.iter().enumerate() {
        let path = root.join(&file.path);
        let crash = fail_after == Some(written);
        write_atomic(&path, file.contents.as_bytes(), crash)
            .map_err(|err| io::Error::new(err.kind(), format!("writing {}: {err}", file.path)))?;
    }
    Ok(())
}

fn write_atomic(path: &Path, contents: &[u8], crash: bool) -> io::Result<()> {
    let dir = path.parent().expect("generated files live in a directory");
    fs::create_dir_all(dir)?;
    let name = path.file_name().expect("a file name").to_string_lossy();
    let temp = dir.join(format!(".{name}.tmp"));
    let mut file = fs::File::create(&temp)?;
    if crash {
        // Leave a half-written temporary file behind, as a killed process would.
        file.write_all(&contents[..contents.len() / 2])?;
        return Err(io::Error::other(format!("injected failure ({FAIL_ENV})")));
    }
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&temp, path)
}

fn list_files(root: &Path, relative: &str, out: &mut Vec<String>) -> io::Result<()> {
    let entries = match fs::read_dir(root.join(relative)) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    let mut entries: Vec<_> = entries.collect::<io::Result<_>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{relative}/{name}");
        if entry.file_type()?.is_dir() {
            if !TOOL_DIRS.contains(&name.as_str()) && !name.ends_with(".egg-info") {
                list_files(root, &path, out)?;
            }
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// 1-based number of the first line where `a` and `b` differ.
fn first_difference(a: &str, b: &str) -> usize {
    let mut a_lines = a.lines();
    let mut b_lines = b.lines();
    let mut line = 1;
    loop {
        match (a_lines.next(), b_lines.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (None, None) => return line,
            _ => return line,
        }
    }
}
