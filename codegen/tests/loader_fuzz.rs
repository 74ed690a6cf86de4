//! The loader and validator never panic, whatever bytes a table holds: every
//! input ends in a model or in diagnostics, and a model still renders. This
//! is the quick, deterministic-length half of the fuzzing that runs with every
//! `cargo test`; the coverage-guided half is the cargo-fuzz target in
//! codegen/fuzz, which `cargo xtask test` runs for a minute. `NETCODES_FUZZ_CASES`
//! raises the count here for a longer session.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_dir, repo_root};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn data_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            data_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "csv" || e == "toml") {
            out.push(path);
        }
    }
}


/// How to damage a file: bytes that matter to CSV and TOML, spliced in.
#[derive(Debug, Clone)]
enum Damage {
    Replace(Vec<u8>),
    Splice { at: usize, bytes: Vec<u8> },
    Truncate(usize),
    Flip { at: usize, bit: u8 },
}

fn damage() -> impl Strategy<Value = Damage> {
    let interesting = prop_oneof![
        Just(b'"'),
        Just(b','),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'='),
        Just(b'['),
        Just(b']'),
        Just(0u8),
        Just(0xffu8),
        Just(0xefu8),
        any::<u8>(),
    ];
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300).prop_map(Damage::Replace),
        (any::<usize>(), proptest::collection::vec(interesting, 1..8)).prop_map(|(at, bytes)| Damage::Splice { at, bytes }),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Damage::Flip { at, bit }),
    ]
}

#[test]
fn loading_damaged_tables_never_panics() {
    let data = repo_root().join("data");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("loader-fuzz");
    let _ = fs::remove_dir_all(&root);
    copy_dir(&data, &root);
    let mut files = Vec::new();
    data_files(&root, &mut files);
    files.sort();
    let originals: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).expect("read")).collect();

    let cases = std::env::var("NETCODES_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(400);
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let (models, rejected) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    runner
        .run(&(0..files.len(), proptest::collection::vec(damage(), 1..4)), |(index, damages)| {
            let mut bytes = originals[index].clone();
            for damage in damages {
                match damage {
                    Damage::Replace(new) => bytes = new,
                    Damage::Splice { at, bytes: extra } => {
                        let at = at % (bytes.len() + 1);
                        bytes.splice(at..at, extra);
                    }
                    Damage::Truncate(len) => bytes.truncate(len % (bytes.len() + 1)),
                    Damage::Flip { at, bit } => {
                        if !bytes.is_empty() {
                            let at = at % bytes.len();
                            bytes[at] ^= 1 << bit;
                        }
                    }
                }
            }
            fs::write(&files[index], &bytes).expect("write damaged file");
            // Panics fail the property; any Ok or Err is fine.
            match codegen::load(&root) {
                Ok(model) => {
                    let _ = codegen::generate(&model);
                    models.set(models.get() + 1);
                }
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    prop_assert!(problems.iter().all(|p| p.path.starts_with("data/")));
                    rejected.set(rejected.get() + 1);
                }
            }
            fs::write(&files[index], &originals[index]).expect("restore file");
            Ok(())
        })
        .unwrap();
    println!(
        "{cases} damaged inputs: {} rejected with diagnostics, {} still valid, no panic",
        rejected.get(),
        models.get()
    );
}
