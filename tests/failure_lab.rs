//! The failure lab, live: `tests/failure-lab/lab.py` stages every failure of
//! `data/failure_lab/cases.csv` on 127.0.0.1, inside a network namespace
//! whose only interface is loopback, and runs each through Qt (PyQt6),
//! headless Chromium and curl. Every client must report what
//! `data/failure_lab/reports.csv` says it reports, and be the version
//! `data/failure_lab/lab.toml` names (the same major version: a point
//! release of Debian's Chromium does not fail the test, a new major does).
//!
//! What the reports prove about the mappings is checked by `cargo xtask
//! generate` from `data/` alone (every row a case compares through cites it),
//! so this test is what ties those rows to the real clients.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use codegen::model::{Lab, LabCode, LabComparison, Model};
use conformance::{model, repo_root, require_tool, scratch_dir};

/// Debian's Python, whose python3-cryptography makes the certificates.
const PYTHON: &str = "/usr/bin/python3";
const PYQT6: &str = "/opt/netcodes-upstream/pyqt6/bin/python";
const CURL_HEADER: &str = "/usr/include/x86_64-linux-gnu/curl/curl.h";
const INSTALL: &str = "bash tests/failure-lab/install.sh (PyQt6: bash tests/upstream/install.sh)";
/// The whole lab, certificates, servers and three clients, must finish
/// within this; it takes about 20 s on the project's 2-core machine, and
/// every case has a time limit of its own (6 s in each client).
const LAB_LIMIT: Duration = Duration::from_secs(180);

/// A reported code as the model holds it: a code of the client's system, by
/// its name, or the text itself for a client without one.
fn code_of(model: &Model, lab: &Lab, client: usize, text: &str) -> Option<Result<LabCode, String>> {
    if text.is_empty() {
        return None;
    }
    Some(match lab.clients[client].system {
        Some(system) => model.systems[system]
            .codes
            .iter()
            .find(|c| c.name == text || c.upstream_name == text)
            .map(|c| LabCode::Value(c.value))
            .ok_or_else(|| format!("{text} (not a code of {})", model.systems[system].id)),
        None => Ok(LabCode::Text(text.to_owned())),
    })
}

/// Runs the lab with a time limit; past it the lab is asked to stop (it
/// closes Chromium and its servers on SIGTERM), then killed.
fn run_lab(out: &Path) -> (std::process::ExitStatus, Duration) {
    let started = Instant::now();
    let mut child = Command::new(PYTHON)
        .arg(repo_root().join("tests/failure-lab/lab.py"))
        .arg("--data")
        .arg(repo_root().join("data"))
        .arg("--out")
        .arg(out)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(out.join("lab.log")).expect("create lab.log"))
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start {PYTHON}: {err}"));
    loop {
        if let Some(status) = child.try_wait().expect("wait for the lab") {
            return (status, started.elapsed());
        }
        if started.elapsed() > LAB_LIMIT {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            std::thread::sleep(Duration::from_secs(10));
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the failure lab did not finish within {} s; its log: {}",
                LAB_LIMIT.as_secs(),
                out.join("lab.log").display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn major(version: &str) -> &str {
    version.split('.').next().unwrap_or(version)
}

#[test]
fn every_client_reports_what_data_says() {
    for tool in ["chromium", "curl", "certutil", "unshare", "ip"] {
        require_tool(tool, INSTALL);
    }
    for file in [PYTHON, PYQT6, CURL_HEADER] {
        assert!(Path::new(file).is_file(), "{file} is missing; `cargo xtask test` installs it with: {INSTALL}");
    }
    let model = model();
    let lab = model.lab.as_ref().expect("data/ has a failure lab (data/failure_lab/)");
    let out = scratch_dir("failure-lab");
    let (status, elapsed) = run_lab(&out);
    let log = std::fs::read_to_string(out.join("lab.log")).unwrap_or_default();
    assert!(status.success(), "the failure lab did not run every case through every client ({status}):\n{log}");
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json")).expect("run.json is JSON");
    // Every outcome of every case and client, with how many repetitions gave it.
    type Outcomes = Vec<(String, String, u64)>;
    let outcomes: BTreeMap<(String, String), Outcomes> = run["outcomes"]
        .as_object()
        .expect("run.json has outcomes")
        .iter()
        .flat_map(|(case, clients)| {
            clients.as_object().expect("outcomes by client").iter().map(move |(client, list)| {
                let list = list
                    .as_array()
                    .expect("a list of outcomes")
                    .iter()
                    .map(|o| (o[0].as_str().unwrap_or_default().to_owned(), o[1].as_str().unwrap_or_default().to_owned(), o[2].as_u64().unwrap_or(0)))
                    .collect();
                ((case.clone(), client.clone()), list)
            })
        })
        .collect();

    // A client reported what data/ says when the report's code came up in
    // some repetition and every other code is one the report lists as `also`
    // (Qt's answer to a body cut short depends on timing), always with the
    // report's status.
    let mut wrong = Vec::new();
    let mut varied = Vec::new();
    let mut compared = 0;
    for case in &lab.cases {
        for (index, client) in lab.clients.iter().enumerate() {
            let Some(seen) = outcomes.get(&(case.id.clone(), client.id.clone())) else {
                wrong.push(format!("{}/{}: the lab reported nothing for it", case.id, client.id));
                continue;
            };
            compared += 1;
            let expected = &case.reports[index];
            let matches = |(code, status, _): &(String, String, u64)| {
                let status = if status.is_empty() { Ok(None) } else { status.parse::<i64>().map(Some) };
                let code = code_of(&model, lab, index, code).transpose();
                let known = code.as_ref().is_ok_and(|c| *c == expected.code || c.as_ref().is_some_and(|c| expected.also.contains(c)));
                (code.ok() == Some(expected.code.clone()), known && status.ok() == Some(expected.status))
            };
            let main_seen = seen.iter().any(|o| matches(o) == (true, true));
            if !main_seen || !seen.iter().all(|o| matches(o).1) {
                let said = lab.report_text(&model.systems, index, expected);
                let got: Vec<String> = seen
                    .iter()
                    .map(|(code, status, runs)| {
                        let code = if code.is_empty() { "nothing" } else { code.as_str() };
                        let status = if status.is_empty() { String::new() } else { format!(" with status {status}") };
                        format!("{code}{status} ({runs}x)")
                    })
                    .collect();
                wrong.push(format!("{}/{}: data says {said}, the lab observed {}", case.id, client.id, got.join(", ")));
            }
            if seen.len() > 1 {
                let got: Vec<String> = seen.iter().map(|(code, _, runs)| format!("{code} {runs}x")).collect();
                varied.push(format!("{}/{}: {}", case.id, client.id, got.join(", ")));
            }
        }
    }
    assert_eq!(outcomes.len(), compared, "the lab reported cases or clients data/failure_lab does not have");
    assert!(
        wrong.is_empty(),
        "{} of {compared} reports differ from data/failure_lab/reports.csv:\n{}\n\
         If the clients really changed, take the observed reports with\n  \
         cp {} data/failure_lab/reports.csv && cargo xtask generate\n\
         and settle every mapping row the generator then names (lab log: {})",
        wrong.len(),
        wrong.join("\n"),
        out.join("reports.csv").display(),
        out.join("lab.log").display(),
    );

    let versions = &run["versions"];
    for client in &lab.clients {
        let installed = versions[client.id.as_str()].as_str().unwrap_or_default();
        assert_eq!(
            major(installed),
            major(&client.version),
            "{} is {installed}, but data/failure_lab/lab.toml says the reports were observed with {}: \
             run the lab again and update the version",
            client.title,
            client.version
        );
    }
    assert!(elapsed < LAB_LIMIT, "the lab took {} s", elapsed.as_secs());

    let (mut confirmed, mut differ, mut not_comparable) = (0, 0, 0);
    for comparison in lab.cases.iter().flat_map(|c| &c.comparisons) {
        match comparison {
            LabComparison::Compared { agrees: true, .. } => confirmed += 1,
            LabComparison::Compared { agrees: false, .. } => differ += 1,
            LabComparison::NotComparable(_) => not_comparable += 1,
        }
    }
    let seconds = &run["seconds"];
    println!(
        "failure lab: {} cases through {} clients ({}) in {:.1} s (Qt {} s, curl {} s, Chromium {} s); every report as \
         data/ says; through the mappings, {confirmed} pairs of reports confirm a row, {differ} contradict one (the clients differ), \
         {not_comparable} cannot be compared",
        lab.cases.len(),
        lab.clients.len(),
        lab.clients.iter().map(|c| format!("{} {}", c.title, versions[c.id.as_str()].as_str().unwrap_or("?"))).collect::<Vec<_>>().join(", "),
        elapsed.as_secs_f64(),
        seconds["qt"],
        seconds["curl"],
        seconds["chromium"],
    );
    if !varied.is_empty() {
        println!("outcomes that varied between repetitions: {}", varied.join("; "));
    }
}
