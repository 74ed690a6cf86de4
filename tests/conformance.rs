//! Every output agrees with data/ on every code: the C header through a
//! compiled program, the Python package through the interpreter, the Rust
//! crate through a built binary, and the docs pages through pulldown-cmark.

use std::collections::BTreeMap;

use conformance::readback::{self, Row};
use conformance::{model, repo_root, require_tool, scratch_dir};

/// Compares row by row and reports the first differences readably.
fn assert_rows(output: &str, got: &[Row], expected: &[Row]) {
    let differences = readback::differences(got, expected);
    assert!(differences.is_empty(), "{output} disagrees with data/:\n{}", differences.join("\n"));
    let codes = expected.iter().filter(|r| !r.system.starts_with("map:")).count();
    println!("{output}: {} rows compared ({codes} values of the code systems, the rest mapping rules)", got.len());
}

#[test]
fn c_header_agrees_with_data() {
    require_tool("gcc", "apt-get install gcc");
    let model = model();
    let rows = readback::from_c(&repo_root(), &model, &scratch_dir("conformance-c"));
    assert_rows("C header", &rows, &readback::expected(&model));
}

#[test]
fn python_package_agrees_with_data() {
    require_tool("python3", "apt-get install python3");
    let model = model();
    let rows = readback::from_python(&repo_root(), &model, &scratch_dir("conformance-python"));
    assert_rows("Python package", &rows, &readback::expected(&model));
}

#[test]
fn rust_crate_agrees_with_data() {
    let model = model();
    let rows = readback::from_rust(&repo_root(), &model, &scratch_dir("conformance-rust"));
    assert_rows("Rust crate", &rows, &readback::expected(&model));
}

/// Each code's page renders, through pulldown-cmark, to exactly the
/// description in data/ (every meaning, where a number has several).
#[test]
fn docs_pages_agree_with_data() {
    let model = model();
    let mut compared = 0;
    for system in &model.systems {
        for code in system.codes.iter().chain(&system.retired) {
            let path = repo_root().join("generated/docs/src").join(&code.page);
            let page = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            let rendered: BTreeMap<Option<String>, String> = readback::markdown_descriptions(&page).into_iter().collect();
            let key = (code.meaning_count > 1).then(|| code.anchor.clone());
            assert_eq!(
                rendered.get(&key),
                Some(&code.description),
                "{} {}: {} does not render to the description in data/",
                system.id,
                code.value,
                code.page
            );
            compared += 1;
        }
    }
    println!("docs: {compared} descriptions compared");
}
