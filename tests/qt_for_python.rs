//! Qt for Python users pass `reply.error()` straight in: a PyQt6 or PySide6
//! enum member, not an int. With the real bindings (tests/upstream/install.sh
//! pins both to the Qt release data/qt is about), every netcodes function that
//! takes a Qt code answers a member as it answers the member's number, and
//! pyright in strict mode accepts such calls against both bindings' stubs.

use std::path::{Path, PathBuf};
use std::process::Command;

use conformance::{model, repo_root, scratch_dir, stdout, system};

const INSTALL: &str = "bash tests/upstream/install.sh && bash tests/python/install.sh";
const PYRIGHT: &str = "/opt/netcodes-python/node_modules/.bin/pyright";
const BINDINGS: [(&str, &str); 2] = [("PyQt6", "/opt/netcodes-upstream/pyqt6"), ("PySide6", "/opt/netcodes-upstream/pyside6")];

fn python(venv: &str) -> PathBuf {
    let python = Path::new(venv).join("bin/python");
    assert!(python.is_file(), "{} is missing; install it with: {INSTALL}", python.display());
    python
}

#[test]
fn every_member_of_both_bindings_answers_as_its_number() {
    let model = model();
    let qt_codes = system(&model, "qt").primary_codes().count();
    let script = repo_root().join("tests/python/qt_for_python.py");
    for (binding, venv) in BINDINGS {
        let output = stdout(
            Command::new(python(venv))
                .arg(&script)
                .arg(binding)
                .env("PYTHONPATH", repo_root().join("generated/python"))
                // Importing QtNetwork must not look for a display.
                .env("QT_QPA_PLATFORM", "offscreen"),
        );
        // Every enumerator of the binding is one data/qt knows, so the
        // check covered the whole enum.
        assert!(
            output.contains(&format!(": {qt_codes} members, ")),
            "{binding} has another number of members than data/qt's {qt_codes}: {output}"
        );
        assert!(output.contains("http.from_qt_rule"), "no mapping from Qt was checked: {output}");
        println!("{}", output.trim());
    }
}

#[test]
fn pyright_strict_accepts_reply_error_passed_straight_in() {
    assert!(Path::new(PYRIGHT).is_file(), "{PYRIGHT} is missing; install it with: {INSTALL}");
    for (binding, venv) in BINDINGS {
        let work = scratch_dir(&format!("qt-for-python-{}", binding.to_lowercase()));
        // pyright finds netcodes in the repository, the binding in its venv.
        let config = format!(
            "{{\"typeCheckingMode\": \"strict\", \"extraPaths\": [\"{}\"]}}\n",
            repo_root().join("generated/python").display()
        );
        std::fs::write(work.join("pyrightconfig.json"), config).expect("write pyrightconfig.json");
        let usage = work.join("usage.py");
        std::fs::write(&usage, usage_source(binding)).expect("write usage.py");
        let output = stdout(
            Command::new(PYRIGHT)
                .args(["--warnings", "--pythonpath"])
                .arg(python(venv))
                .arg(&usage)
                .current_dir(&work),
        );
        let summary = output.lines().last().unwrap_or_default();
        assert_eq!(summary.trim(), "0 errors, 0 warnings, 0 informations", "pyright with {binding}:\n{output}");
    }
}

/// What a Qt for Python app writes: every call takes `reply.error()` as it is,
/// and the types flow on without a cast.
fn usage_source(binding: &str) -> String {
    format!(
        r#"from {binding}.QtNetwork import QNetworkReply

import netcodes.http
import netcodes.qt
from netcodes.mapping import Rule


def explain(reply: QNetworkReply) -> str:
    code: netcodes.qt.NetworkError | None = netcodes.qt.lookup(reply.error())
    meanings: tuple[netcodes.qt.Meaning, ...] = netcodes.qt.meanings(reply.error())
    status: netcodes.http.Status | None = netcodes.http.from_qt(reply.error())
    rule: Rule[netcodes.http.Status] | None = netcodes.http.from_qt_rule(reply.error())
    if code is None:
        return "unknown"
    return f"{{code.upstream_name}} {{len(meanings)}} {{status}} {{rule}}"
"#
    )
}
