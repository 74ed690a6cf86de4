//! gRPC core's own conversions, observed live: grpcio calls a local HTTP/2
//! server (tests/protocols/grpc_live.py) that answers every status from 200
//! to 599 without a gRPC status, and resets the stream with every HTTP/2
//! error code. What grpcio reports must be what data/map/http_status_to_grpc
//! and data/map/http2_to_grpc say, and what the Rust crate and the Python
//! package answer. A 200 without grpc-status is a broken gRPC response, not
//! a mapping: the table keeps the conversion's OK, and this test pins what
//! the client really reports (UNKNOWN, "No status received"), as the row's
//! note says.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use codegen::model::{Mapping, Model, System};
use conformance::{model, repo_root, stdout, system};

const PYTHON: &str = "/opt/netcodes-upstream/protocols/venv/bin/python";
const INSTALL: &str = "bash tests/protocols/install.sh";
const GRPCIO: &str = "1.85.3";
/// 200 is the documented exception; 201 to 599 must follow the table.
const STATUSES: std::ops::RangeInclusive<u16> = 200..=599;
const RESETS: std::ops::RangeInclusive<u32> = 0..=13;

fn mapping<'a>(model: &'a Model, from: &str, to: &str) -> &'a Mapping {
    model
        .mappings
        .iter()
        .find(|m| model.systems[m.from].id == from && model.systems[m.to].id == to)
        .unwrap_or_else(|| panic!("data/map has no {from} to {to} table"))
}

fn name_of(grpc: &System, value: i64) -> String {
    grpc.primary(value).map_or_else(|| format!("<{value}>"), |c| c.upstream_name.clone())
}

/// What the Python package answers for each value, through `function`.
fn python_answers(function: &str, values: impl Iterator<Item = i64>) -> Vec<i64> {
    let values: Vec<String> = values.map(|v| v.to_string()).collect();
    let script = format!(
        "import netcodes.grpc as g\nfor v in [{}]:\n    r = g.{function}(v)\n    print(-1 if r is None else int(r))\n",
        values.join(", ")
    );
    stdout(
        Command::new("python3")
            .args(["-c", &script])
            .env("PYTHONPATH", repo_root().join("generated/python"))
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    )
    .lines()
    .map(|l| l.parse().expect("a number"))
    .collect()
}

#[test]
fn grpcio_reports_what_the_mappings_say() {
    assert!(Path::new(PYTHON).is_file(), "grpcio is not installed at {PYTHON}; `cargo xtask test` installs it with: {INSTALL}");
    let started = Instant::now();
    let output = stdout(
        Command::new(PYTHON)
            .arg(repo_root().join("tests/protocols/grpc_live.py"))
            .arg(STATUSES.start().to_string())
            .arg(STATUSES.end().to_string()),
    );
    let elapsed = started.elapsed();
    let mut http: BTreeMap<u16, (String, String)> = BTreeMap::new();
    let mut resets: BTreeMap<u32, String> = BTreeMap::new();
    let mut controls = Vec::new();
    for line in output.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["version", "grpcio", version] => assert_eq!(*version, GRPCIO, "grpcio is not the pinned version; {INSTALL}"),
            ["http", status, name, details] => {
                http.insert(status.parse().expect("status"), ((*name).to_owned(), (*details).to_owned()));
            }
            ["control", status, sent, name] => controls.push((status.to_string(), sent.to_string(), (*name).to_owned())),
            ["reset", code, name, _] => {
                resets.insert(code.parse().expect("code"), (*name).to_owned());
            }
            _ => panic!("unexpected line from grpc_live.py: {line:?}"),
        }
    }
    assert_eq!(http.len(), STATUSES.count(), "grpcio answered for every status");
    assert_eq!(resets.len(), RESETS.count(), "grpcio answered for every reset");

    let model = model();
    let grpc = system(&model, "grpc");
    // The harness itself: a response that does carry grpc-status is reported
    // as that status, whatever its HTTP status.
    for (status, sent, name) in &controls {
        let expected = name_of(grpc, sent.parse().expect("a gRPC status"));
        assert_eq!(name, &expected, "HTTP {status} with grpc-status {sent}");
    }

    let by_status = mapping(&model, "http", "grpc");
    let statuses: Vec<u16> = STATUSES.filter(|s| *s != 200).collect();
    let python = python_answers(&by_status.function, statuses.iter().map(|s| i64::from(*s)));
    let mut wrong = Vec::new();
    for (status, from_python) in statuses.iter().zip(python) {
        let seen = &http[status].0;
        let from_data = by_status.rule_for(i64::from(*status)).map_or(-1, |r| r.to);
        let from_rust = netcodes::grpc::StatusCode::from_http_status(*status).map_or(-1, |c| i64::from(c.code()));
        for (output, value) in [("data/map", from_data), ("Rust", from_rust), ("Python", from_python)] {
            if &name_of(grpc, value) != seen {
                wrong.push(format!("HTTP {status}: grpcio reports {seen}, {output} says {}", name_of(grpc, value)));
            }
        }
    }
    assert!(wrong.is_empty(), "grpcio {GRPCIO} disagrees with {}:\n{}", by_status.table_path, wrong.join("\n"));

    // 200 without grpc-status: the conversion would say OK, but the client
    // never asks it; the call ends without a status at all.
    let ok = by_status.rule_for(200).expect("a row for 200");
    assert_eq!(name_of(grpc, ok.to), "OK", "the table keeps the conversion's answer for 200");
    assert_eq!(http[&200], ("UNKNOWN".to_owned(), "No status received".to_owned()), "what grpcio reports for a 200 without grpc-status");

    let by_reset = mapping(&model, "http2", "grpc");
    let python = python_answers(&by_reset.function, RESETS.map(i64::from));
    let mut wrong = Vec::new();
    for (code, from_python) in RESETS.zip(python) {
        let seen = &resets[&code];
        let from_data = by_reset.rule_for(i64::from(code)).map_or(-1, |r| r.to);
        let from_rust = netcodes::grpc::StatusCode::from_http2(code).map_or(-1, |c| i64::from(c.code()));
        for (output, value) in [("data/map", from_data), ("Rust", from_rust), ("Python", from_python)] {
            if &name_of(grpc, value) != seen {
                wrong.push(format!("RST_STREAM {code:#04x}: grpcio reports {seen}, {output} says {}", name_of(grpc, value)));
            }
        }
    }
    assert!(wrong.is_empty(), "grpcio {GRPCIO} disagrees with {}:\n{}", by_reset.table_path, wrong.join("\n"));
    println!(
        "{} HTTP statuses and {} resets through grpcio {GRPCIO} in {:.2} s; data/, Rust and Python agree, and 200 alone gives UNKNOWN (No status received)",
        http.len(),
        resets.len(),
        elapsed.as_secs_f64()
    );
}
