//! Qt's own HTTP-status-to-error conversion, observed live: PyQt6's
//! QNetworkAccessManager fetches every status from 400 to 599 from a local
//! server, and every output's HTTP-to-Qt function must give Qt's answer.

use std::path::Path;
use std::process::Command;

use conformance::{model, repo_root, require_tool, run, scratch_dir, stdout};

const PYQT6: &str = "/opt/netcodes-upstream/pyqt6/bin/python";
const INSTALL: &str = "bash tests/upstream/install.sh";
const STATUSES: std::ops::RangeInclusive<u16> = 400..=599;

/// "<status>\t<value>" lines into pairs.
fn pairs(text: &str) -> Vec<(u16, i64)> {
    text.lines()
        .map(|line| {
            let (status, value) = line.split_once('\t').unwrap_or_else(|| panic!("unexpected line {line:?}"));
            (status.parse().expect("status"), value.parse().expect("value"))
        })
        .collect()
}

#[test]
fn every_output_converts_http_statuses_as_qt_does() {
    assert!(Path::new(PYQT6).is_file(), "PyQt6 is not installed at {PYQT6}; `cargo xtask test` installs it with: {INSTALL}");
    require_tool("gcc", "apt-get install gcc");
    let statuses: Vec<String> = STATUSES.map(|s| s.to_string()).collect();
    let qt = pairs(&stdout(
        Command::new(PYQT6)
            .arg(repo_root().join("tests/qt-live/fetch_statuses.py"))
            .args(&statuses)
            .env("QT_QPA_PLATFORM", "offscreen"),
    ));
    assert_eq!(qt.len(), statuses.len(), "Qt answered for every status");

    let model = model();
    let mapping = model
        .mappings
        .iter()
        .find(|m| model.systems[m.from].id == "http" && model.systems[m.to].id == "qt")
        .expect("data/map has the HTTP to Qt table");
    let from_data: Vec<(u16, i64)> =
        STATUSES.map(|s| (s, mapping.rule_for(i64::from(s)).expect("the table is total").to)).collect();

    let from_rust: Vec<(u16, i64)> = STATUSES
        .map(|s| (s, i64::from(netcodes::qt::NetworkError::from_http_status(s).expect("mapped").code())))
        .collect();

    let work = scratch_dir("qt-live");
    let program = format!(
        "#include <stdio.h>\n#include \"netcodes.h\"\nint main(void) {{\n    int s;\n    \
         for (s = {lo}; s <= {hi}; ++s) printf(\"%d\\t%d\\n\", s, netcodes_qt_{function}(s));\n    return 0;\n}}\n",
        lo = STATUSES.start(),
        hi = STATUSES.end(),
        function = mapping.function
    );
    std::fs::write(work.join("statuses.c"), program).expect("write C program");
    run(Command::new("gcc")
        .args(["-std=c99", "-Wall", "-Werror", "-I"])
        .arg(repo_root().join("generated/c"))
        .arg(work.join("statuses.c"))
        .arg("-o")
        .arg(work.join("statuses")));
    let from_c = pairs(&stdout(&mut Command::new(work.join("statuses"))));

    let script = format!(
        "import netcodes\nfor s in range({lo}, {hi} + 1):\n    print(s, int(netcodes.qt.{function}(s)), sep='\\t')\n",
        lo = STATUSES.start(),
        hi = STATUSES.end(),
        function = mapping.function
    );
    let from_python = pairs(&stdout(
        Command::new("python3")
            .args(["-c", &script])
            .env("PYTHONPATH", repo_root().join("generated/python"))
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    ));

    let version = stdout(Command::new(PYQT6).args(["-c", "from PyQt6.QtCore import qVersion; print(qVersion())"]));
    for (output, answers) in [("data/map", &from_data), ("Rust", &from_rust), ("C", &from_c), ("Python", &from_python)] {
        let wrong: Vec<String> = qt
            .iter()
            .zip(answers.iter())
            .filter(|(q, a)| q != a)
            .map(|(q, a)| format!("HTTP {}: Qt says {}, {output} says {}", q.0, q.1, a.1))
            .collect();
        assert!(wrong.is_empty(), "{output} disagrees with Qt {}:\n{}", version.trim(), wrong.join("\n"));
    }
    println!("{} statuses fetched live through Qt {}; data/, Rust, C and Python all agree", qt.len(), version.trim());
}
