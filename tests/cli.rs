//! The two `netcodes` commands, the Rust crate's binary (installed with
//! `cargo install --path generated/rust`) and the Python package's
//! `python -m netcodes`, answer every query with the same bytes and the same
//! exit status; and what they answer is what `data/` says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use codegen::model::Model;
use conformance::{model, repo_root, run};
use serde_json::Value;

/// The Rust binary, installed once per test run the way a user installs it.
fn rust_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let root = repo_root().join("target/test-scratch/cli-install");
        run(Command::new(env!("CARGO"))
            .args(["install", "--quiet", "--debug", "--force", "--path"])
            .arg(repo_root().join("generated/rust"))
            .arg("--root")
            .arg(&root)
            .env("CARGO_TARGET_DIR", repo_root().join("target/nested/cli"))
            .env_remove("RUSTFLAGS"));
        root.join("bin/netcodes")
    })
}

fn python_command() -> Command {
    let mut command = Command::new("python3");
    command.args(["-m", "netcodes"]).env("PYTHONPATH", repo_root().join("generated/python"));
    command
}

fn output(mut command: Command, args: &[String]) -> Output {
    command.args(args).output().unwrap_or_else(|err| panic!("cannot run {command:?}: {err}"))
}

/// Runs both commands with `args`; asserts they agree and returns the Rust one's output.
fn both(args: &[String]) -> Output {
    let rust = output(Command::new(rust_binary()), args);
    let python = output(python_command(), args);
    let shown = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    assert_eq!(rust.status.code(), python.status.code(), "exit status of {args:?}");
    assert_eq!(shown(&rust.stderr), shown(&python.stderr), "standard error of {args:?}");
    if rust.stdout != python.stdout {
        let (r, p) = (shown(&rust.stdout), shown(&python.stdout));
        let line = r.lines().zip(p.lines()).position(|(a, b)| a != b).unwrap_or(r.lines().count().min(p.lines().count()));
        panic!(
            "standard output of {args:?} differs at line {}:\n  rust:   {:?}\n  python: {:?}",
            line + 1,
            r.lines().nth(line),
            p.lines().nth(line)
        );
    }
    rust
}

/// Every value and every name of every code of every system, the retired
/// numbers, and inputs that are neither.
fn every_query(model: &Model) -> Vec<String> {
    let mut queries = Vec::new();
    for system in &model.systems {
        for code in &system.codes {
            queries.extend([code.value.to_string(), code.ident.clone(), code.name.clone(), code.upstream_name.clone()]);
        }
        queries.extend(system.retired.iter().map(|c| c.value.to_string()));
        queries.extend(system.names.iter().map(|(name, _)| name.clone()));
    }
    queries.retain(|q| !q.is_empty());
    queries.sort();
    queries.dedup();
    queries
}

const ODD_QUERIES: &[&str] = &[
    " 404\t", "+404", "0404", "-0", "4_04", "1e3", "0x194", "404.0", "99999999999999999999999999999999999999999",
    "-170141183460469231731687303715884105728", "170141183460469231731687303715884105728", " ", "-", "+",
    "not found", "NOT_FOUND", " net::err_name_not_resolved ", "net::", "\u{ff2e}\u{ff2f}\u{ff34}", "\"", "{}",
    "\u{202e}404",
];

#[test]
fn the_examples_of_the_issue_are_answered() {
    for (args, code) in [
        (vec!["499"], 0),
        (vec!["net::ERR_NAME_NOT_RESOLVED"], 0),
        (vec!["-105", "--json"], 0),
        (vec!["no-such-code"], 1),
        (vec![], 2),
        (vec!["--no-such-option", "404"], 2),
        (vec!["--help"], 0),
        (vec!["--", "--json"], 1),
    ] {
        let args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        let output = both(&args);
        assert_eq!(output.status.code(), Some(code), "{args:?}");
    }
    let answer = String::from_utf8(both(&["net::ERR_NAME_NOT_RESOLVED".to_owned()]).stdout).expect("UTF-8");
    assert!(answer.starts_with("chromium -105 ERR_NAME_NOT_RESOLVED\n"), "{answer}");
}

#[test]
fn both_commands_answer_every_query_alike() {
    let model = model();
    let mut queries = every_query(&model);
    queries.extend(ODD_QUERIES.iter().map(|q| (*q).to_owned()));
    // Each query alone, in one run per form: text and JSON.
    let text = both(&queries);
    let mut json_args = queries.clone();
    json_args.push("--json".to_owned());
    let json = both(&json_args);
    // A few unknown queries are among them, so both exit 1 and name them.
    assert_eq!(text.status.code(), Some(1));
    assert_eq!(json.status.code(), Some(1));
    let lines = String::from_utf8_lossy(&text.stdout).lines().count();
    println!("{} queries: {lines} lines of text and the same as JSON, alike in Rust and Python", queries.len());
}

#[test]
fn each_number_answers_what_data_says() {
    let model = model();
    let mut args: Vec<String> = model
        .systems
        .iter()
        .flat_map(|s| s.codes.iter().map(|c| c.value).chain(s.retired.iter().map(|c| c.value)))
        .map(|v| v.to_string())
        .collect();
    args.sort();
    args.dedup();
    args.push("--json".to_owned());
    let output = run(Command::new(rust_binary()).args(&args));
    let entries: Vec<Value> = serde_json::from_slice(&output.stdout).expect("the JSON parses");

    let mut expected = 0;
    for number in &args[..args.len() - 1] {
        let value: i64 = number.parse().expect("a number");
        for (index, system) in model.systems.iter().enumerate() {
            let meanings = system.meanings(value);
            let retired = system.retired.iter().any(|c| c.value == value);
            if meanings.is_empty() && !retired {
                continue;
            }
            let entry = &entries[expected];
            expected += 1;
            let at = format!("{} {value}", system.id);
            assert_eq!(entry["system"], system.id.as_str(), "{at}");
            assert_eq!(entry["value"], value, "{at}");
            assert_eq!(entry["retired"], meanings.is_empty(), "{at}");
            let idents: Vec<&str> = entry["meanings"].as_array().expect("meanings").iter().map(|m| m["identifier"].as_str().expect("identifier")).collect();
            let data: Vec<&str> = meanings.iter().map(|c| c.ident.as_str()).collect();
            assert_eq!(idents, data, "{at}");
            for (shown, code) in entry["meanings"].as_array().expect("meanings").iter().zip(meanings) {
                assert_eq!(shown["description"], code.description.as_str(), "{at}");
                assert_eq!(shown["source"], system.sources[code.source].id.as_str(), "{at}");
                assert_eq!(shown["category"], model.vocabulary.categories[code.category].id.as_str(), "{at}");
                assert_eq!(shown["retry"], model.vocabulary.retries[code.retry].id.as_str(), "{at}");
            }
            let rules: Vec<(String, i64, String)> = model
                .mappings
                .iter()
                .filter(|m| m.from == index)
                .filter_map(|m| m.rule_for(value).map(|r| (model.systems[m.to].id.clone(), r.to, model.vocabulary.mapping_kinds[r.kind].id.clone())))
                .collect();
            let shown: Vec<(String, i64, String)> = entry["mappings"]
                .as_array()
                .expect("mappings")
                .iter()
                .map(|m| (m["system"].as_str().expect("system").to_owned(), m["value"].as_i64().expect("value"), m["kind"].as_str().expect("kind").to_owned()))
                .collect();
            assert_eq!(shown, rules, "{at}");
        }
    }
    assert_eq!(entries.len(), expected, "entries beyond the ones data/ has");
    println!("{expected} codes by number, each with its meanings and mappings as data/ has them");
}
