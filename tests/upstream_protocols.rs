//! data/grpc, data/websocket, data/http2 and data/http3 against the real
//! packages (tests/protocols/install.sh pins them): grpcio's
//! `grpc.StatusCode` and @grpc/grpc-js's `status`, websockets' `CloseCode`
//! and its Close frame check, h2's `ErrorCodes`, aioquic's HTTP/3 and QPACK
//! `ErrorCode`, and data/map/grpc_to_http against the "HTTP Mapping" comments
//! of google/rpc/code.proto as googleapis-common-protos ships it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use codegen::model::{Model, System};
use conformance::{model, repo_root, require_tool, stdout, system};

const INSTALL: &str = "bash tests/protocols/install.sh";
pub const PYTHON: &str = "/opt/netcodes-upstream/protocols/venv/bin/python";
const GRPC_JS: &str = "/opt/netcodes-upstream/protocols/node_modules/@grpc/grpc-js";
const VERSIONS: &[(&str, &str)] = &[
    ("grpcio", "1.85.3"),
    ("websockets", "17.4"),
    ("h2", "4.4.1"),
    ("aioquic", "1.7.2"),
    ("googleapis-common-protos", "1.76.0"),
    ("@grpc/grpc-js", "1.14.7"),
];

/// Every fact line the packages print, by kind: (kind, [fields after it]).
fn facts() -> &'static BTreeMap<String, Vec<Vec<String>>> {
    static FACTS: OnceLock<BTreeMap<String, Vec<Vec<String>>>> = OnceLock::new();
    FACTS.get_or_init(|| {
        assert!(Path::new(PYTHON).is_file(), "the protocol packages are not installed at {PYTHON}; `cargo xtask test` installs them with: {INSTALL}");
        require_tool("node", "apt-get install nodejs npm");
        assert!(Path::new(GRPC_JS).join("package.json").is_file(), "@grpc/grpc-js is not installed in {GRPC_JS}; {INSTALL}");
        let python = stdout(Command::new(PYTHON).arg(repo_root().join("tests/protocols/upstream_facts.py")));
        let node = stdout(Command::new("node").arg(repo_root().join("tests/protocols/grpc_js_status.js")).arg(GRPC_JS));
        let mut facts: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        for line in python.lines() {
            let mut fields = line.split('\t').map(str::to_owned);
            let kind = fields.next().expect("a kind");
            facts.entry(kind).or_default().push(fields.collect());
        }
        for line in node.lines() {
            let fields: Vec<String> = line.split('\t').map(str::to_owned).collect();
            match fields[0].as_str() {
                "version" => facts.entry("version".into()).or_default().push(vec!["@grpc/grpc-js".into(), fields[1].clone()]),
                "grpc" => facts.entry("grpc_js".into()).or_default().push(fields[1..].to_vec()),
                _ => panic!("unexpected line from grpc_js_status.js: {line:?}"),
            }
        }
        let versions: BTreeMap<&str, &str> =
            facts["version"].iter().map(|f| (f[0].as_str(), f[1].as_str())).collect();
        for (package, pinned) in VERSIONS {
            assert_eq!(versions.get(package), Some(pinned), "{package} is not the pinned version; {INSTALL}");
        }
        facts
    })
}

/// A kind's facts as value -> name (the first two fields).
fn named(kind: &str) -> BTreeMap<i64, String> {
    facts()[kind].iter().map(|f| (f[0].parse().expect("a value"), f[1].clone())).collect()
}

/// A system's current codes as value -> upstream name (or identifier).
fn ours(system: &System, name: impl Fn(&codegen::model::Code) -> String) -> BTreeMap<i64, String> {
    system.primary_codes().map(|c| (c.value, name(c))).collect()
}

fn status_of<'a>(model: &'a Model, code: &codegen::model::Code) -> &'a str {
    &model.vocabulary.statuses[code.status].id
}

#[test]
fn grpc_equals_grpcio_and_grpc_js() {
    let model = model();
    let grpc = ours(system(&model, "grpc"), |c| c.upstream_name.clone());
    assert_eq!(grpc, named("grpc"), "data/grpc against grpcio's grpc.StatusCode");
    assert_eq!(grpc, named("grpc_js"), "data/grpc against @grpc/grpc-js's status");
}

#[test]
fn websocket_equals_websockets() {
    let model = model();
    let websocket = system(&model, "websocket");
    // websockets names the codes the RFC and its updates define; its member
    // name is our identifier wherever it has one.
    let members = named("websocket");
    for (value, member) in &members {
        let code = websocket.primary(*value).unwrap_or_else(|| panic!("websockets' CloseCode.{member} ({value}) has no row"));
        assert_eq!(&code.ident, member, "identifier of {value}");
    }
    // What may travel in a Close frame: a reserved row never does, a current
    // row of the protocol's own range does, and so does any number of the
    // ranges left to applications (registered or private), row or not.
    let mut wrong = Vec::new();
    for fact in &facts()["wire"] {
        let value: i64 = fact[0].parse().expect("a value");
        let accepted = fact[1] == "accepted";
        let ours = match websocket.primary(value) {
            Some(code) => status_of(&model, code) == "current",
            None => {
                let group = websocket.groups.iter().find(|g| g.min <= value && value <= g.max);
                group.is_some_and(|g| g.min >= 3000)
            }
        };
        if accepted != ours {
            wrong.push(format!("{value}: websockets {}, data/ says {}", fact[1], if ours { "sendable" } else { "never sent" }));
        }
    }
    assert!(wrong.is_empty(), "data/websocket against websockets' Close frame check:\n{}", wrong.join("\n"));
    let reserved: Vec<i64> =
        websocket.primary_codes().filter(|c| status_of(&model, c) == "reserved").map(|c| c.value).collect();
    assert_eq!(reserved, [1004, 1005, 1006, 1015], "the codes RFC 6455 keeps off the wire");
}

#[test]
fn http2_equals_h2() {
    let model = model();
    assert_eq!(ours(system(&model, "http2"), |c| c.upstream_name.clone()), named("http2"), "data/http2 against h2's ErrorCodes");
}

#[test]
fn http3_equals_aioquic() {
    let model = model();
    let http3 = system(&model, "http3");
    assert_eq!(ours(http3, |c| c.upstream_name.clone()), named("http3"), "data/http3 against aioquic's ErrorCode");
    // aioquic's QPACK exceptions carry the codes of the QPACK group.
    let qpack = http3.groups.iter().position(|g| g.id == "qpack").expect("a qpack group");
    let ours: Vec<i64> = http3.primary_codes().filter(|c| c.group == qpack).map(|c| c.value).collect();
    let theirs: Vec<i64> = named("qpack").into_keys().collect();
    assert_eq!(ours, theirs, "QPACK codes against aioquic's Qpack* exceptions");
}

#[test]
fn grpc_to_http_equals_code_proto() {
    let model = model();
    let grpc = system(&model, "grpc");
    let mapping = model
        .mappings
        .iter()
        .find(|m| model.systems[m.from].id == "grpc" && model.systems[m.to].id == "http")
        .expect("data/map has the gRPC to HTTP table");
    let proto = &facts()["proto"];
    assert_eq!(proto.len(), grpc.primary_codes().count(), "code.proto has a value per gRPC status");
    for fact in proto {
        let value: i64 = fact[0].parse().expect("a value");
        assert_eq!(grpc.primary(value).map(|c| c.upstream_name.as_str()), Some(fact[1].as_str()), "google.rpc.Code {value}");
        let status: i64 = fact[2].parse().unwrap_or_else(|_| panic!("{} has no HTTP Mapping comment", fact[1]));
        let rule = mapping.rule_for(value).unwrap_or_else(|| panic!("no row for {}", fact[1]));
        assert_eq!(rule.to, status, "{}: code.proto pairs it with {status}", fact[1]);
    }
}
