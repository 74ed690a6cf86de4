//! Damages one table of a copy of data/ with the fuzzer's bytes and loads it:
//! the loader and validator must end in a model or in diagnostics, never in
//! a panic. The first input byte picks the table, the next two where the
//! rest of the input is spliced into it, so damage lands inside real,
//! well-formed tables rather than only in random noise.

#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// A private copy of data/ and the original bytes of each of its tables.
struct Data {
    root: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let root = std::env::temp_dir().join(format!("netcodes-fuzz-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let mut files = Vec::new();
        copy(&source, &root, &mut files);
        files.sort();
        Data { root, files }
    })
}

fn copy(from: &Path, to: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read data/") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target, files);
        } else {
            let bytes = fs::read(entry.path()).expect("read");
            fs::write(&target, &bytes).expect("write");
            files.push((target, bytes));
        }
    }
}

fuzz_target!(|input: &[u8]| {
    let data = data();
    let Some((&pick, rest)) = input.split_first() else { return };
    let (path, original) = &data.files[usize::from(pick) % data.files.len()];
    let (at, splice) = match rest {
        [hi, lo, splice @ ..] => (usize::from(*hi) << 8 | usize::from(*lo), splice),
        _ => (0, rest),
    };
    let at = at % (original.len() + 1);
    let mut damaged = original[..at].to_vec();
    damaged.extend_from_slice(splice);
    damaged.extend_from_slice(&original[(at + splice.len()).min(original.len())..]);
    fs::write(path, &damaged).expect("write damaged table");
    // Rendering is covered by the property tests; the fuzzer's budget goes
    // to the parser and the validator.
    let _ = codegen::load(&data.root);
    fs::write(path, original).expect("restore table");
});
