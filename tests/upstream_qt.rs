//! data/qt/network_error.csv against Qt itself: the C++ header Debian's
//! qt6-base-dev ships, and the PyQt6 wheels. Both directions each time: every
//! row of ours exists upstream with our value, and upstream has nothing we lack.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use conformance::{model, repo_root, require_tool, scratch_dir, stdout, system};

const INSTALL: &str = "bash tests/upstream/install.sh";

/// Fewer than this many enumerators means the comparison read the wrong thing.
const MIN_ENUMERATORS: usize = 34;

/// Our rows, name to value.
fn data_enumerators() -> BTreeMap<String, i64> {
    let model = model();
    let qt = system(&model, "qt");
    // Qt has never removed an enumerator; if a row is ever retired, it has to
    // disappear from these comparisons deliberately, not by accident.
    assert!(qt.retired.is_empty(), "data/qt has retired rows; teach tests/upstream_qt.rs about them");
    qt.codes.iter().map(|code| (code.upstream_name.clone(), code.value)).collect()
}

/// The rows where `ours` and `theirs` differ, one line each.
fn differences(ours: &BTreeMap<String, i64>, theirs: &BTreeMap<String, i64>, upstream: &str) -> Vec<String> {
    let names: std::collections::BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
    names
        .into_iter()
        .filter_map(|name| match (ours.get(name), theirs.get(name)) {
            (Some(a), Some(b)) if a == b => None,
            (Some(a), Some(b)) => Some(format!("{name}: {a} in data/qt, {b} in {upstream}")),
            (Some(a), None) => Some(format!("{name} = {a}: in data/qt, missing from {upstream}")),
            (None, Some(b)) => Some(format!("{name} = {b}: in {upstream}, missing from data/qt")),
            (None, None) => None,
        })
        .collect()
}

fn qt6_network_cflags() -> Vec<String> {
    require_tool("pkg-config", INSTALL);
    let cflags = stdout(Command::new("pkg-config").args(["--cflags", "Qt6Network"]));
    cflags.split_whitespace().map(str::to_owned).collect()
}

fn qt6_version() -> String {
    stdout(Command::new("pkg-config").args(["--modversion", "Qt6Network"])).trim().to_owned()
}

/// Compiles `source` against Qt's headers; returns the compiler's output on failure.
fn compile(name: &str, source: &str) -> Result<(), String> {
    require_tool("g++", INSTALL);
    let dir = scratch_dir(name);
    let file = dir.join("asserts.cpp");
    std::fs::write(&file, source).expect("write the generated C++ file");
    // Qt 6 refuses to compile without -fPIC (its headers check for it).
    let output = Command::new("g++")
        .args(["-std=c++17", "-fPIC", "-fsyntax-only"])
        .args(qt6_network_cflags())
        .arg(&file)
        .output()
        .expect("run g++");
    if output.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&output.stderr).into_owned()) }
}

fn static_asserts(enumerators: &BTreeMap<String, i64>) -> String {
    let template = std::fs::read_to_string(repo_root().join("tests/upstream/qnetworkreply_asserts.cpp"))
        .expect("read tests/upstream/qnetworkreply_asserts.cpp");
    let asserts: Vec<String> = enumerators
        .iter()
        .map(|(name, value)| {
            format!(
                "static_assert(QNetworkReply::NetworkError::{name} == {value}, \
                 \"data/qt/network_error.csv: {name} is {value}\");"
            )
        })
        .collect();
    assert!(template.contains("// @ASSERTS@"), "the template lost its marker line");
    template.replace("// @ASSERTS@", &asserts.join("\n"))
}

#[test]
fn every_row_compiles_as_a_static_assert_against_the_qt6_header() {
    let ours = data_enumerators();
    assert!(ours.len() >= MIN_ENUMERATORS, "only {} Qt rows in data/", ours.len());

    // A static_assert that never fires would make the real check worthless:
    // prove first that a wrong value is rejected.
    let mut wrong = ours.clone();
    *wrong.values_mut().next().expect("at least one row") += 1000;
    let error = compile("upstream_qt_wrong_value", &static_asserts(&wrong))
        .expect_err("a deliberately wrong value compiled: the static_asserts check nothing");
    assert!(error.contains("static assert"), "the wrong value failed for another reason:\n{error}");

    if let Err(error) = compile("upstream_qt_static_asserts", &static_asserts(&ours)) {
        panic!("data/qt disagrees with Qt {}'s qnetworkreply.h:\n{error}", qt6_version());
    }
    println!("compared {} Qt enumerators with qnetworkreply.h of Qt {} (static_assert)", ours.len(), qt6_version());
}

/// qnetworkreply.h in the include directories pkg-config names.
fn qnetworkreply_h() -> PathBuf {
    qt6_network_cflags()
        .iter()
        .filter_map(|flag| flag.strip_prefix("-I"))
        .flat_map(|dir| [Path::new(dir).join("qnetworkreply.h"), Path::new(dir).join("QtNetwork/qnetworkreply.h")])
        .find(|path| path.is_file())
        .unwrap_or_else(|| panic!("qnetworkreply.h is in no include directory of Qt6Network; {INSTALL}"))
}

#[test]
fn the_qt6_header_has_exactly_the_enumerators_of_data() {
    let path = qnetworkreply_h();
    // The parser `cargo xtask upstream diff --qt` reads Qt's header with (data/qt/system.toml's [sync]).
    let source = xtask::upstream::text::Source::read(&path).unwrap_or_else(|err| panic!("{err}"));
    let mut theirs = BTreeMap::new();
    for entry in xtask::upstream::c_enum::parse(&source, "NetworkError").unwrap_or_else(|err| panic!("{err}")) {
        assert!(theirs.insert(entry.name.clone(), entry.value).is_none(), "{} twice in qnetworkreply.h", entry.name);
    }
    let ours = data_enumerators();
    assert!(theirs.len() >= MIN_ENUMERATORS, "read only {} enumerators from {}", theirs.len(), path.display());
    let upstream = format!("{} of Qt {}", path.display(), qt6_version());
    let differences = differences(&ours, &theirs, &upstream);
    assert!(differences.is_empty(), "data/qt disagrees with {upstream}:\n{}", differences.join("\n"));
    println!("compared {} Qt enumerators with {} (Qt {})", theirs.len(), path.display(), qt6_version());
}

/// A script of tests/upstream/ run by PyQt6's Python: its path, and what it printed.
fn pyqt6(name: &str) -> (PathBuf, String) {
    let python = Path::new("/opt/netcodes-upstream/pyqt6/bin/python");
    assert!(python.is_file(), "PyQt6 is not installed in {}; `cargo xtask test` installs it with: {INSTALL}", python.display());
    let script = repo_root().join("tests/upstream").join(name);
    // Importing QtCore must not look for a display.
    let output = stdout(Command::new(python).arg(&script).env("QT_QPA_PLATFORM", "offscreen"));
    (script, output)
}

#[test]
fn pyqt6_network_error_equals_data() {
    let (script, output) = pyqt6("pyqt6_network_error.py");

    let (mut qt_version, mut pyqt_version) = (String::new(), String::new());
    let mut theirs = BTreeMap::new();
    for line in output.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["qt", version] => qt_version = (*version).to_owned(),
            ["pyqt", version] => pyqt_version = (*version).to_owned(),
            ["member", name, value] => {
                let value: i64 = value.parse().unwrap_or_else(|_| panic!("PyQt6 printed `{line}`"));
                assert!(theirs.insert((*name).to_owned(), value).is_none(), "{name} twice");
            }
            _ => panic!("unexpected line from {}: `{line}`", script.display()),
        }
    }

    let model = model();
    let data_version = system(&model, "qt").version.trim_start_matches("Qt ").to_owned();
    // The pinned PyQt6-Qt6 wheel is the Qt release data/qt names; anything
    // else means install.sh and data/qt/network_error.toml drifted apart.
    assert!(
        qt_version == data_version || qt_version.starts_with(&format!("{data_version}.")),
        "PyQt6 loaded Qt {qt_version}, data/qt is about Qt {data_version}"
    );

    let ours = data_enumerators();
    assert!(theirs.len() >= MIN_ENUMERATORS, "PyQt6 printed only {} members", theirs.len());
    let differences = differences(&ours, &theirs, &format!("PyQt6 {pyqt_version} on Qt {qt_version}"));
    assert!(differences.is_empty(), "data/qt disagrees with PyQt6:\n{}", differences.join("\n"));
    println!("compared {} Qt enumerators with PyQt6 {pyqt_version} (Qt {qt_version})", theirs.len());
}

// ---------------------------------------------------------------------------
// QNetworkAccessManager's enums: data/qt_operation and data/qt_network_accessibility

/// Rows of a system, name to value (every row offered; neither has retired ones).
fn rows_of(id: &str) -> BTreeMap<String, i64> {
    let model = model();
    let system = system(&model, id);
    assert!(system.retired.is_empty(), "data/{id} has retired rows; teach tests/upstream_qt.rs about them");
    system.codes.iter().map(|code| (code.upstream_name.clone(), code.value)).collect()
}

fn enum_asserts(include: &str, ty: &str, rows: &BTreeMap<String, i64>) -> String {
    let asserts: Vec<String> = rows
        .iter()
        .map(|(name, value)| format!("static_assert({ty}::{name} == {value}, \"{ty}::{name} is {value} in data/\");"))
        .collect();
    format!("#include <{include}>\n{}\nint main() {{ return 0; }}\n", asserts.join("\n"))
}

/// Compiles `source` with extra flags; the compiler's output on failure.
fn compile_with(name: &str, source: &str, flags: &[String]) -> Result<(), String> {
    require_tool("g++", INSTALL);
    let file = scratch_dir(name).join("asserts.cpp");
    std::fs::write(&file, source).expect("write the C++ file");
    let output = Command::new("g++").args(["-std=c++17", "-fPIC", "-fsyntax-only"]).args(flags).arg(&file).output().expect("g++");
    if output.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&output.stderr).into_owned()) }
}

/// Debian's Qt 5 headers, unpacked by the install script (never installed).
fn qt5_flags() -> (Vec<String>, String) {
    let root = Path::new("/opt/netcodes-upstream/deb/bookworm/qtbase5-dev");
    let include = root.join("usr/include/x86_64-linux-gnu/qt5");
    assert!(include.join("QtNetwork/qnetworkaccessmanager.h").is_file(), "Qt 5 headers missing under {}; {INSTALL}", root.display());
    let control = std::fs::read_to_string(root.join("DEBIAN/control")).expect("DEBIAN/control");
    let version = control.lines().find_map(|l| l.strip_prefix("Version: ")).expect("Version").to_owned();
    let flags = ["", "QtCore", "QtNetwork"].iter().map(|sub| format!("-I{}", include.join(sub).display())).collect();
    (flags, version)
}

#[test]
fn operation_equals_the_qt6_and_qt5_headers() {
    let rows = rows_of("qt_operation");
    assert_eq!(rows.len(), 7, "QNetworkAccessManager::Operation has 7 enumerators");
    let include = "QtNetwork/qnetworkaccessmanager.h";
    let mut wrong = rows.clone();
    *wrong.values_mut().next().expect("a row") += 100;
    let error = compile_with("upstream_qt_operation_wrong", &enum_asserts(include, "QNetworkAccessManager", &wrong), &qt6_network_cflags())
        .expect_err("a wrong Operation value compiled: the static_asserts check nothing");
    assert!(error.contains("static assert"), "failed for another reason:\n{error}");
    compile_with("upstream_qt_operation", &enum_asserts(include, "QNetworkAccessManager", &rows), &qt6_network_cflags())
        .unwrap_or_else(|error| panic!("data/qt_operation disagrees with Qt {}'s header:\n{error}", qt6_version()));
    let (qt5, qt5_version) = qt5_flags();
    compile_with("upstream_qt5_operation", &enum_asserts(include, "QNetworkAccessManager", &rows), &qt5)
        .unwrap_or_else(|error| panic!("data/qt_operation disagrees with Qt {qt5_version}'s header:\n{error}"));
    println!("compared {} Operation enumerators with Qt {} and Qt {qt5_version}", rows.len(), qt6_version());
}

#[test]
fn network_accessibility_is_qt5s_and_gone_from_qt6() {
    let model = model();
    let accessibility = system(&model, "qt_network_accessibility");
    assert_eq!(accessibility.removed_in.as_deref(), Some("Qt 6.0"), "data/qt_network_accessibility names the release that dropped it");
    let deprecated = model.vocabulary.statuses.iter().position(|s| s.id == "deprecated").expect("a deprecated status");
    assert!(accessibility.codes.iter().all(|c| c.status == deprecated), "Qt 5.15 deprecates every NetworkAccessibility value");
    let rows = rows_of("qt_network_accessibility");
    assert_eq!(rows.len(), 3);
    let include = "QtNetwork/qnetworkaccessmanager.h";
    let (qt5, qt5_version) = qt5_flags();
    assert!(qt5_version.starts_with("5.15."), "Qt 5 headers are {qt5_version}; data/ follows Qt 5.15");
    compile_with("upstream_qt5_accessibility", &enum_asserts(include, "QNetworkAccessManager", &rows), &qt5)
        .unwrap_or_else(|error| panic!("data/qt_network_accessibility disagrees with Qt {qt5_version}:\n{error}"));
    // Qt 5.15 marks the enum deprecated, which is what the rows' status says.
    let header = std::fs::read_to_string(
        Path::new("/opt/netcodes-upstream/deb/bookworm/qtbase5-dev/usr/include/x86_64-linux-gnu/qt5/QtNetwork/qnetworkaccessmanager.h"),
    )
    .expect("Qt 5 header");
    assert!(header.contains("enum QT_DEPRECATED_NETWORK_API_5_15 NetworkAccessibility"), "Qt {qt5_version} no longer deprecates it");
    // Qt 6 has no such enum: naming one of its values does not compile.
    let error = compile_with("upstream_qt6_accessibility", &enum_asserts(include, "QNetworkAccessManager", &rows), &qt6_network_cflags())
        .expect_err("QNetworkAccessManager::NetworkAccessibility compiled against Qt 6");
    assert!(error.contains("is not a member of"), "failed for another reason:\n{error}");
    println!("NetworkAccessibility: {} values in Qt {qt5_version}, none in Qt {}", rows.len(), qt6_version());
}

/// PyQt6 (Qt 6.11): Operation's named values, no NetworkAccessibility, and
/// the HTTP method each operation sends to a local server, which each row's
/// description names.
#[test]
fn pyqt6_operations_and_the_methods_they_send() {
    let (script, output) = pyqt6("pyqt6_access_manager.py");
    let (mut operations, mut accessibility, mut sent) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    for line in output.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["qt", version] => println!("PyQt6 on Qt {version}"),
            ["operation", name, value] => drop(operations.insert((*name).to_owned(), value.parse::<i64>().expect("value"))),
            ["accessibility", name, value] => drop(accessibility.insert((*name).to_owned(), (*value).to_owned())),
            ["sent", name, method] => drop(sent.insert((*name).to_owned(), (*method).to_owned())),
            _ => panic!("unexpected line from {}: `{line}`", script.display()),
        }
    }
    assert!(accessibility.is_empty(), "PyQt6 has NetworkAccessibility {accessibility:?}, which Qt 6 dropped");
    // PyQt leaves out UnknownOperation, as Qt's documentation does.
    let mut ours = rows_of("qt_operation");
    assert_eq!(ours.remove("UnknownOperation"), Some(0));
    let differences = differences(&ours, &operations, "PyQt6's QNetworkAccessManager.Operation");
    assert!(differences.is_empty(), "data/qt_operation disagrees with PyQt6:\n{}", differences.join("\n"));

    let model = model();
    let system = system(&model, "qt_operation");
    let expected = [
        ("HeadOperation", "HEAD"),
        ("GetOperation", "GET"),
        ("PutOperation", "PUT"),
        ("PostOperation", "POST"),
        ("DeleteOperation", "DELETE"),
        ("CustomOperation", "PATCH"),
    ];
    for (name, method) in expected {
        assert_eq!(sent.get(name).map(String::as_str), Some(method), "Qt sent {:?} for {name}", sent.get(name));
        let row = system.codes.iter().find(|c| c.upstream_name == name).expect("a row");
        // The custom operation sends the method the application names (here PATCH).
        let named = if name == "CustomOperation" { "whatever method the application named".to_owned() } else { format!("sent over HTTP as {method}") };
        assert!(row.description.contains(&named), "data/qt_operation {name}: the description should say {named:?}");
    }
    println!("PyQt6: {} operations, each sending the method its row names", sent.len());
}
