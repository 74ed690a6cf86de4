//! data/tls against Python's ssl.AlertDescription (the alert names OpenSSL's
//! headers give, as the machine's Python exposes them), both ways: every
//! member is in data/tls/symbols.csv with its value, every symbol is a
//! member, and each member's name is our registry name as Python spells it.

use std::collections::BTreeMap;
use std::process::Command;

use conformance::{model, repo_root, stdout, system};

const INSTALL: &str = "bash tests/upstream-net/install.sh";
const PYTHON: &str = "/opt/netcodes-upstream/net/bin/python";

/// Where Python spells a registry name differently: the registry's
/// `user_canceled` is Python's (and OpenSSL's) USER_CANCELLED.
const PYTHON_SPELLING: &[(&str, &str)] = &[("USER_CANCELED", "USER_CANCELLED")];

#[test]
fn python_ssl_alert_descriptions_equal_data() {
    assert!(std::path::Path::new(PYTHON).is_file(), "{PYTHON} is missing; `cargo xtask test` installs it with: {INSTALL}");
    let script = repo_root().join("tests/upstream-net/tls_alerts.py");
    let output = stdout(Command::new(PYTHON).arg(&script));
    let mut version = String::new();
    let mut theirs: BTreeMap<String, i64> = BTreeMap::new();
    for line in output.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["python", v] => version = (*v).to_owned(),
            ["member", name, value] => {
                let value = value.parse().unwrap_or_else(|_| panic!("{}: `{line}`", script.display()));
                assert!(theirs.insert((*name).to_owned(), value).is_none(), "{name} twice");
            }
            _ => panic!("unexpected line from {}: `{line}`", script.display()),
        }
    }
    let model = model();
    let tls = system(&model, "tls");
    let ecosystem = tls.ecosystems.iter().position(|e| e.id == "python_ssl").expect("data/tls names python_ssl");
    // The release system.toml names is a floor: Python has not renamed a member since.
    let minor = |v: &str| v.split('.').take(2).map(|p| p.parse::<u32>().expect("a Python version")).collect::<Vec<_>>();
    assert!(minor(&version) >= minor(&tls.ecosystems[ecosystem].version), "Python {version} is older than data/tls/system.toml's");
    assert!(theirs.len() >= 20, "Python printed only {} members", theirs.len());

    let ours: BTreeMap<String, i64> =
        tls.symbols.iter().filter(|s| s.ecosystem == ecosystem).map(|s| (s.name.clone(), s.value)).collect();
    let mut problems = Vec::new();
    for (name, value) in &theirs {
        if ours.get(name) != Some(value) {
            problems.push(format!("ssl.AlertDescription.{name} = {value}, data/tls/symbols.csv has {:?}", ours.get(name)));
        }
        // Python's name is ALERT_DESCRIPTION_ and the registry's, upper case, without _RESERVED.
        match tls.primary(*value) {
            None => problems.push(format!("ssl.AlertDescription.{name} = {value}: no alert of data/tls has that number")),
            Some(code) => {
                let plain = code.ident.trim_end_matches("_RESERVED");
                let spelled = PYTHON_SPELLING.iter().find(|(ours, _)| *ours == plain).map_or(plain, |(_, python)| python);
                if name != &format!("ALERT_DESCRIPTION_{spelled}") {
                    problems.push(format!("ssl.AlertDescription.{name} = {value}, data/tls calls {value} {}", code.name));
                }
            }
        }
    }
    for (name, value) in &ours {
        if !theirs.contains_key(name) {
            problems.push(format!("data/tls/symbols.csv: {name} = {value} is no member of ssl.AlertDescription"));
        }
    }
    assert!(problems.is_empty(), "data/tls disagrees with Python {version}:\n{}", problems.join("\n"));
    println!("compared {} ssl.AlertDescription members of Python {version} with data/tls", theirs.len());
}
