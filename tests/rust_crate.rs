//! The `netcodes` crate as a Rust user meets it: every constant round-trips,
//! the optional features work, the mappings agree with data/, and the crate
//! packages, documents, lints and builds for a no_std target cleanly.

use std::process::Command;

use codegen::model::{Model, SystemKind};
use conformance::{model, repo_root, run, system};
use netcodes::chromium::NetError;
use netcodes::http::{Ecosystem, Status};
use netcodes::qt::NetworkError;
use netcodes::warning::Warning;

/// Checks one code type against the model: `ALL` is exactly data/'s codes,
/// and every code survives the integer, `Display`/`FromStr` and `from_name`.
macro_rules! check_round_trips {
    ($model:expr, $kind:expr, $ty:ty, $int:ty) => {{
        let system = system($model, $kind);
        let expected: Vec<i64> = system.primary_codes().map(|c| c.value).collect();
        let all: Vec<i64> = <$ty>::ALL.iter().map(|c| i64::from(c.code())).collect();
        assert_eq!(all, expected, "{}: ALL differs from data/", system.id);
        for &code in <$ty>::ALL {
            assert_eq!(<$ty>::from(<$int>::from(code)), code);
            assert!(code.is_known());
            let shown = code.to_string();
            assert_eq!(shown.parse::<$ty>(), Ok(code), "{}: {shown:?} does not parse back", system.id);
            let expected = match (code.name(), system.number_first) {
                (Some(name), true) => format!("{} {name}", code.code()),
                (Some(name), false) => name.to_owned(),
                (None, _) => code.code().to_string(),
            };
            assert_eq!(shown, expected);
        }
        for row in system.codes.iter() {
            // Every spelling of every meaning leads to a code with that
            // spelling; a constant's name is unique, so it leads to its own.
            let ident = <$ty>::from_name(&row.ident).map(|c| i64::from(c.code()));
            assert_eq!(ident, Some(row.value), "{}: from_name({:?})", system.id, row.ident);
            for name in [&row.name, &row.upstream_name] {
                if !name.is_empty() {
                    let found = <$ty>::from_name(name).map(|c| i64::from(c.code())).expect("name found");
                    assert!(
                        system.codes.iter().any(|c| c.value == found && (&c.name == name || &c.upstream_name == name)),
                        "{}: from_name({name:?}) found {found}, which has another name",
                        system.id
                    );
                }
            }
        }
        for retired in &system.retired {
            let code = <$ty>::from(<$int>::try_from(retired.value).unwrap());
            assert!(!code.is_known() && code.is_retired(), "{} {} is retired", system.id, retired.value);
        }
        ALL_COUNT.fetch_add(<$ty>::ALL.len(), std::sync::atomic::Ordering::Relaxed);
    }};
}

static ALL_COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

trait Retired {
    fn is_retired(self) -> bool;
}
impl Retired for NetworkError {
    fn is_retired(self) -> bool {
        false
    }
}
impl Retired for Status {
    fn is_retired(self) -> bool {
        false
    }
}
impl Retired for Warning {
    fn is_retired(self) -> bool {
        false
    }
}
impl Retired for NetError {
    fn is_retired(self) -> bool {
        NetError::is_retired(self)
    }
}

#[test]
fn every_constant_round_trips() {
    let model = model();
    check_round_trips!(&model, SystemKind::Qt, NetworkError, i32);
    check_round_trips!(&model, SystemKind::Chromium, NetError, i32);
    check_round_trips!(&model, SystemKind::Http, Status, u16);
    check_round_trips!(&model, SystemKind::Warning, Warning, u16);
    println!("{} constants round-tripped", ALL_COUNT.load(std::sync::atomic::Ordering::Relaxed));
}

#[test]
fn unknown_values_keep_their_number() {
    for value in [i32::MIN, -9999, -1000, 500, 1000, i32::MAX] {
        let code = NetError::from(value);
        assert_eq!(i32::from(code), value);
        assert!(!code.is_known() && code.name().is_none() && code.category().is_none());
        assert_eq!(code.to_string().parse::<NetError>(), Ok(code));
        assert_eq!(format!("{code:?}"), format!("NetError({value})"));
    }
    for value in [0u16, 99, 600, 999, 1000, u16::MAX] {
        let status = Status::from(value);
        assert_eq!(u16::from(status), value);
        assert!(!status.is_known());
        assert_eq!(status.meanings().len(), 0);
        assert_eq!(status.is_valid(), (100..=999).contains(&value));
    }
    assert!("NotAName".parse::<NetworkError>().is_err());
}

#[test]
fn constants_work_in_match_patterns() {
    fn advice(error: NetError) -> &'static str {
        match error {
            NetError::ERR_NAME_NOT_RESOLVED => "check the host name",
            NetError::ERR_CONNECTION_REFUSED | NetError::ERR_CONNECTION_RESET => "try again",
            _ => "see the description",
        }
    }
    assert_eq!(advice(NetError::from(-105)), "check the host name");
    assert_eq!(advice(NetError::from(-101)), "try again");
    assert_eq!(advice(NetError::from(-9999)), "see the description");
}

#[test]
fn http_status_has_every_meaning_and_every_phrase() {
    let nginx_and_esri: Vec<_> = Status::from(499).meanings().map(|m| (m.source().id(), m.reason())).collect();
    assert_eq!(nginx_and_esri, [("nginx", Some("Client Closed Request")), ("esri", Some("Token Required"))]);
    assert_eq!(Status::from(499).reason(), Some("Client Closed Request"));
    assert_eq!(Status::ESRI_TOKEN_REQUIRED.code(), 499);
    for phrase in ["Request Entity Too Large", "Payload Too Large", "Content Too Large", "content too large"] {
        assert_eq!(Status::from_reason(phrase), Some(Status::CONTENT_TOO_LARGE), "{phrase}");
    }
    assert_eq!(Status::from_reason("I'm a teapot"), Some(Status::IM_A_TEAPOT));
    assert_eq!(Status::NOT_FOUND.symbol(Ecosystem::Go), Some("StatusNotFound"));
    assert!(Status::NOT_FOUND.is_client_error() && !Status::NOT_FOUND.is_server_error());
    assert_eq!(Status::from(600).group(), None);

    // Every meaning in data/ is reachable through meanings().
    let model = model();
    let http = system(&model, SystemKind::Http);
    for row in &http.codes {
        let status = Status::from(u16::try_from(row.value).unwrap());
        assert!(status.meanings().any(|m| m.ident() == row.ident && m.description() == row.description));
    }
}

#[test]
fn serde_writes_numbers_and_reads_numbers_or_names() {
    assert_eq!(serde_json::to_string(&NetError::ERR_NAME_NOT_RESOLVED).unwrap(), "-105");
    assert_eq!(serde_json::to_string(&Status::NOT_FOUND).unwrap(), "404");
    assert_eq!(serde_json::from_str::<NetError>("-105").unwrap(), NetError::ERR_NAME_NOT_RESOLVED);
    assert_eq!(serde_json::from_str::<NetError>("\"ERR_NAME_NOT_RESOLVED\"").unwrap(), NetError::ERR_NAME_NOT_RESOLVED);
    assert_eq!(serde_json::from_str::<NetworkError>("\"ContentNotFoundError\"").unwrap(), NetworkError::CONTENT_NOT_FOUND_ERROR);
    assert_eq!(serde_json::from_str::<Status>("\"Not Found\"").unwrap(), Status::NOT_FOUND);
    assert_eq!(serde_json::from_str::<NetError>("-9999").unwrap(), NetError::from(-9999));
    assert!(serde_json::from_str::<NetError>("\"ERR_NO_SUCH_THING\"").is_err());
    assert!(serde_json::from_str::<Status>("70000").is_err());
    for &code in NetError::ALL {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<NetError>(&json).unwrap(), code);
    }
}

#[test]
fn http_feature_converts_losslessly() {
    for value in 100..=999u16 {
        let code = http::StatusCode::from_u16(value).unwrap();
        let status = Status::from(code);
        assert_eq!(status.code(), value);
        assert_eq!(http::StatusCode::try_from(status).unwrap(), code);
    }
    for value in [0u16, 99, 1000, u16::MAX] {
        assert!(http::StatusCode::try_from(Status::from(value)).is_err());
    }
}

/// Every mapping function answers what data/ says, for every code of the
/// source system and for values no system knows.
#[test]
fn mappings_agree_with_data() {
    let model = model();
    let mut checked = 0;
    let function_names: Vec<&str> = model.mappings.iter().map(|m| m.function.as_str()).collect();
    for mapping in &model.mappings {
        let from = &model.systems[mapping.from];
        let to = &model.systems[mapping.to];
        let mut values: Vec<i64> = from.codes.iter().map(|c| c.value).collect();
        values.extend([from.min, from.max, -9999, 0, 600, 1000]);
        for value in values {
            let expected = mapping.rule_for(value).map(|r| (r.to, r.kind.id(), (!r.note.is_empty()).then(|| r.note.clone())));
            let got = rust_mapping(&model, from.kind, to.kind, value);
            assert_eq!(got, expected, "{} for {value}", mapping.id);
            checked += 1;
        }
    }
    assert_eq!(function_names.len(), 4, "a new mapping needs a line in rust_mapping(): {function_names:?}");
    println!("{checked} values checked through the Rust mapping functions");
}

type Answer = Option<(i64, &'static str, Option<String>)>;

fn answer<T: Copy>(mapping: Option<netcodes::Mapping<T>>, value: impl Fn(T) -> i64) -> Answer {
    mapping.map(|m| (value(m.to), m.kind.id(), m.note.map(str::to_owned)))
}

fn rust_mapping(_model: &Model, from: SystemKind, to: SystemKind, value: i64) -> Answer {
    let i32_value = i32::try_from(value).ok();
    let u16_value = u16::try_from(value).ok();
    match (from, to) {
        (SystemKind::Http, SystemKind::Qt) => {
            let via_target = u16_value.and_then(NetworkError::from_http_status_mapping);
            let via_source = u16_value.and_then(|v| Status::from(v).to_qt_mapping());
            assert_eq!(via_target.map(|m| m.to), via_source.map(|m| m.to));
            answer(via_target, |c| i64::from(c.code()))
        }
        (SystemKind::Chromium, SystemKind::Qt) => {
            answer(i32_value.and_then(|v| NetError::from(v).to_qt_mapping()), |c| i64::from(c.code()))
        }
        (SystemKind::Qt, SystemKind::Http) => {
            answer(i32_value.and_then(|v| NetworkError::from(v).to_http_mapping()), |c| i64::from(c.code()))
        }
        (SystemKind::Chromium, SystemKind::Http) => {
            answer(i32_value.and_then(|v| NetError::from(v).to_http_mapping()), |c| i64::from(c.code()))
        }
        other => panic!("no Rust mapping from {other:?}"),
    }
}

/// Runs cargo on the workspace in its own target directory, so it does not
/// wait for the lock the running `cargo test` holds.
fn cargo(args: &[&str], target: &str) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command
        .args(args)
        .current_dir(repo_root())
        .env("CARGO_TARGET_DIR", repo_root().join("target/nested").join(target))
        .env_remove("RUSTFLAGS");
    command
}

#[test]
fn crate_packages() {
    run(&mut cargo(&["package", "-p", "netcodes", "--allow-dirty", "--quiet"], "package"));
}

#[test]
fn clippy_pedantic_is_clean() {
    run(&mut cargo(
        &["clippy", "-p", "netcodes", "--all-features", "--quiet", "--", "-D", "warnings", "-W", "clippy::pedantic"],
        "clippy",
    ));
}

#[test]
fn docs_build_without_warnings() {
    let output = run(cargo(&["doc", "-p", "netcodes", "--no-deps", "--all-features"], "doc").env("RUSTDOCFLAGS", "-D warnings"));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("warning"));
}

/// A bare-metal target has no `std` at all: the crate must build there.
#[test]
fn builds_for_a_no_std_target() {
    let target = "thumbv7em-none-eabihf";
    let installed = String::from_utf8(run(Command::new("rustup").args(["target", "list", "--installed"])).stdout)
        .expect("rustup output");
    assert!(installed.lines().any(|t| t == target), "{target} is not installed; `cargo xtask test` adds it with: rustup target add {target}");
    run(&mut cargo(&["build", "-p", "netcodes", "--target", target, "--quiet"], "no-std"));
    run(&mut cargo(&["build", "-p", "netcodes", "--target", target, "--features", "serde", "--quiet"], "no-std"));
}
