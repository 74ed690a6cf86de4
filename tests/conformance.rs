//! Every output agrees with data/ on every code: the C and C++ headers
//! through compiled programs, the Python package through the interpreter, the
//! Rust crate through a built binary, the npm package through Node, and the
//! docs pages through pulldown-cmark.

use conformance::readback::{self, Row};
use conformance::{copy_dir, model, repo_root, require_tool, scratch_dir};

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
fn cpp_header_agrees_with_data() {
    require_tool("g++", "apt-get install g++");
    let model = model();
    let rows = readback::from_cpp(&repo_root(), &model, &scratch_dir("conformance-cpp"));
    assert_rows("C++ header", &rows, &readback::expected(&model));
}

#[test]
fn python_package_agrees_with_data() {
    require_tool("python3", "apt-get install python3");
    let model = model();
    let rows = readback::from_python(&repo_root(), &model, &scratch_dir("conformance-python"));
    assert_rows("Python package", &rows, &readback::expected(&model));
}

#[test]
fn typescript_package_agrees_with_data() {
    require_tool("node", "apt-get install nodejs");
    let model = model();
    let rows = readback::from_typescript(&repo_root(), &model, &scratch_dir("conformance-typescript"));
    assert_rows("npm package", &rows, &readback::expected(&model));
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
    let compared = readback::check_docs_descriptions(&repo_root(), &model()).unwrap_or_else(|problem| panic!("{problem}"));
    println!("docs: {compared} descriptions compared");
}

/// A code system is data: a copy of `data/qt/` under another id becomes a
/// module, a C enum and functions, a C++ namespace, a Python module with stubs and docs pages,
/// with no Rust written, and every output agrees with it as with the others.
#[test]
fn a_copied_system_folder_is_a_new_system_in_every_output() {
    require_tool("gcc", "apt-get install gcc");
    require_tool("node", "apt-get install nodejs");
    let root = scratch_dir("conformance-demo");
    copy_dir(&repo_root().join("data"), &root.join("data"));
    std::fs::copy(repo_root().join("LICENSE"), root.join("LICENSE")).expect("copy LICENSE");
    copy_dir(&repo_root().join("data/qt"), &root.join("data/demo"));
    let meta = root.join("data/demo/system.toml");
    let text = std::fs::read_to_string(&meta).expect("read the copy's system.toml");
    // Qt's enum stays Qt's system's: the C++ overloads that take it would clash.
    let text: String = text
        .replacen("id = \"qt\"", "id = \"demo\"", 1)
        .lines()
        .filter(|l| !l.starts_with("cpp_qt_"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&meta, text).expect("write system.toml");

    let model = codegen::load(&root.join("data")).unwrap_or_else(|problems| panic!("the copy does not load: {problems:?}"));
    let demo = conformance::system(&model, "demo");
    assert_eq!(demo.codes.len(), conformance::system(&model, "qt").codes.len());
    for file in codegen::generate(&model) {
        let path = root.join(&file.path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(path, file.contents).expect("write an output");
    }
    for expected in [
        "generated/rust/src/demo.rs",
        "generated/python/netcodes/demo.py",
        "generated/python/netcodes/demo.pyi",
        "generated/typescript/demo.js",
        "generated/typescript/demo.d.ts",
        "generated/docs/src/demo.md",
        "generated/docs/src/demo/content-not-found-error.md",
    ] {
        assert!(root.join(expected).is_file(), "{expected} was not generated");
    }
    let header = std::fs::read_to_string(root.join("generated/c/netcodes.h")).expect("read netcodes.h");
    assert!(header.contains("netcodes_demo_name(int code)") && header.contains("NETCODES_DEMO_CONTENT_NOT_FOUND_ERROR = 203"));

    let expected = readback::expected(&model);
    assert!(expected.iter().any(|row| row.system == "demo"));
    let hpp = std::fs::read_to_string(root.join("generated/c/netcodes.hpp")).expect("read netcodes.hpp");
    assert!(hpp.contains("namespace demo {") && hpp.contains("    CONTENT_NOT_FOUND_ERROR = 203,"));
    assert_rows("C header with demo", &readback::from_c(&root, &model, &scratch_dir("conformance-demo-c")), &expected);
    assert_rows("C++ header with demo", &readback::from_cpp(&root, &model, &scratch_dir("conformance-demo-cpp")), &expected);
    assert_rows("Python package with demo", &readback::from_python(&root, &model, &scratch_dir("conformance-demo-python")), &expected);
    let typescript = readback::from_typescript(&root, &model, &scratch_dir("conformance-demo-typescript"));
    assert_rows("npm package with demo", &typescript, &expected);
    let package: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("generated/typescript/package.json")).expect("read package.json"),
    )
    .expect("package.json is JSON");
    assert!(package["exports"]["./demo"].is_object(), "package.json exports no ./demo entry point");
    assert_rows("Rust crate with demo", &readback::from_rust(&root, &model, &scratch_dir("conformance-demo-rust")), &expected);
}

/// Every output decides a retry the way data/vocabulary.toml says, for every
/// code, idempotent or not, with no, a short or a long Retry-After.
#[test]
fn retry_decisions_agree_with_data() {
    require_tool("gcc", "apt-get install gcc");
    let model = model();
    let expected = readback::expected_decisions(&model);
    for (output, got) in readback::decisions(&repo_root(), &model, &scratch_dir("conformance-decisions")) {
        let differences: Vec<String> =
            expected.iter().zip(&got).filter(|(e, g)| e != g).take(5).map(|(e, g)| format!("expected {e}\n     got {g}")).collect();
        assert!(differences.is_empty() && got.len() == expected.len(), "{output} decides otherwise:\n{}", differences.join("\n"));
        println!("{output}: {} retry decisions agree with data/vocabulary.toml", got.len());
    }
}
