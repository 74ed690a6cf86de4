//! data/dns against dnspython's dns.rcode.Rcode, both ways: every member
//! (aliases included) is in data/dns/symbols.csv with its value and kind,
//! every symbol is a member, every member's name is one of our identifiers
//! of that number, and dnspython reads every registry name of ours
//! (`NXDomain`, both `NotAuth`s) as our number.

use std::collections::BTreeMap;
use std::process::Command;

use conformance::{model, repo_root, stdout, system};

const INSTALL: &str = "bash tests/upstream-net/install.sh";
const PYTHON: &str = "/opt/netcodes-upstream/net/bin/python";

#[test]
fn dnspython_rcodes_equal_data() {
    assert!(std::path::Path::new(PYTHON).is_file(), "dnspython is not installed in {PYTHON}; `cargo xtask test` installs it with: {INSTALL}");
    let model = model();
    let dns = system(&model, "dns");
    let script = repo_root().join("tests/upstream-net/dns_rcodes.py");
    let output = stdout(Command::new(PYTHON).arg(&script).args(dns.codes.iter().map(|c| c.upstream_name.as_str())));

    let mut version = String::new();
    // name -> (value, primary)
    let mut theirs: BTreeMap<String, (i64, bool)> = BTreeMap::new();
    let mut from_text: BTreeMap<String, String> = BTreeMap::new();
    for line in output.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["dnspython", v] => version = (*v).to_owned(),
            ["member", name, value, canonical] => {
                let value = value.parse().unwrap_or_else(|_| panic!("{}: `{line}`", script.display()));
                assert!(theirs.insert((*name).to_owned(), (value, name == canonical)).is_none(), "{name} twice");
            }
            ["from_text", text, value] => drop(from_text.insert((*text).to_owned(), (*value).to_owned())),
            _ => panic!("unexpected line from {}: `{line}`", script.display()),
        }
    }
    let ecosystem = dns.ecosystems.iter().position(|e| e.id == "dnspython").expect("data/dns names dnspython");
    assert_eq!(version, dns.ecosystems[ecosystem].version, "the dnspython installed is not the one data/dns/system.toml names");
    assert!(theirs.len() >= 20, "dnspython printed only {} members", theirs.len());

    let ours: BTreeMap<String, (i64, bool)> =
        dns.symbols.iter().filter(|s| s.ecosystem == ecosystem).map(|s| (s.name.clone(), (s.value, s.primary))).collect();
    let mut problems = Vec::new();
    for (name, value) in &theirs {
        if ours.get(name) != Some(value) {
            problems.push(format!("dns.rcode.Rcode.{name} = {value:?} (value, primary), data/dns/symbols.csv has {:?}", ours.get(name)));
        }
        if !dns.meanings(value.0).iter().any(|code| &code.ident == name) {
            problems.push(format!("dns.rcode.Rcode.{name} = {}: no meaning of that number in data/dns has that identifier", value.0));
        }
    }
    for name in ours.keys().filter(|name| !theirs.contains_key(*name)) {
        problems.push(format!("data/dns/symbols.csv: {name} is no member of dns.rcode.Rcode"));
    }
    for code in &dns.codes {
        let read = from_text.get(&code.upstream_name).map(String::as_str);
        if read != Some(code.value.to_string().as_str()) {
            problems.push(format!("dns.rcode.from_text({:?}) is {read:?}, data/dns says {}", code.upstream_name, code.value));
        }
    }
    assert!(problems.is_empty(), "data/dns disagrees with dnspython {version}:\n{}", problems.join("\n"));
    println!("compared {} dns.rcode.Rcode members of dnspython {version} and {} registry names with data/dns", theirs.len(), dns.codes.len());
}
