//! The `netcodes` crate as a Rust user meets it: every constant round-trips,
//! the optional features work, the mappings and every group agree with
//! data/, and the crate packages, documents, lints and builds for a no_std target cleanly.

use std::process::Command;

use codegen::model::Model;
use conformance::{model, repo_root, run, system};
use netcodes::chromium::NetError;
use netcodes::curl::CurlCode;
use netcodes::dns::Rcode;
use netcodes::tls::AlertDescription;
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
        // The forgiving and the exact lookups answer what the model's indexes say,
        // for every name as written and as people paste it.
        for row in system.codes.iter() {
            for name in [&row.ident, &row.upstream_name, &row.name].into_iter().filter(|n| !n.is_empty()) {
                let mut pasted = vec![name.clone(), name.to_ascii_lowercase(), format!(" {name}\n")];
                pasted.extend(system.lookup_prefixes.iter().map(|p| format!("{}{name}", p.to_ascii_uppercase())));
                for text in pasted {
                    let found = <$ty>::from_name(&text).map(|c| i64::from(c.code()));
                    assert_eq!(found, conformance::by_forgiving_name(system, &text), "{}: from_name({text:?})", system.id);
                    let exact = <$ty>::from_exact_name(&text).map(|c| i64::from(c.code()));
                    assert_eq!(exact, conformance::by_name(system, &text), "{}: from_exact_name({text:?})", system.id);
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

#[test]
fn every_constant_round_trips() {
    let model = model();
    check_round_trips!(&model, "qt", NetworkError, i32);
    check_round_trips!(&model, "chromium", NetError, i32);
    check_round_trips!(&model, "http", Status, u16);
    check_round_trips!(&model, "warning", Warning, u16);
    println!("{} constants round-tripped", ALL_COUNT.load(std::sync::atomic::Ordering::Relaxed));
}

/// Each listed module's `Group` enum against data/: every group in order,
/// with its id, title, description (`None` where data/ has none) and range.
/// Gives (system, groups, groups with a description) per module.
macro_rules! check_groups {
    ($model:expr, $($module:ident),*) => {[$({
        let system = system($model, stringify!($module));
        let got: Vec<_> = netcodes::$module::Group::ALL
            .iter()
            .map(|g| (g.id(), g.title(), g.description(), i128::from(g.range().0), i128::from(g.range().1)))
            .collect();
        let expected: Vec<_> = system
            .groups
            .iter()
            .map(|g| {
                let description = (!g.description.is_empty()).then_some(g.description.as_str());
                (g.id.as_str(), g.title.as_str(), description, i128::from(g.min), i128::from(g.max))
            })
            .collect();
        assert_eq!(got, expected, "{}: the groups differ from data/", system.id);
        (system.id.as_str(), got.len(), got.iter().filter(|g| g.2.is_some()).count())
    }),*]};
}

#[test]
fn groups_agree_with_data() {
    let model = model();
    let checked = check_groups!(
        &model, chromium, curl, dns, grpc, http, http2, http3, qt, qt_network_accessibility, qt_operation, tls, warning,
        websocket
    );
    let ids: Vec<&str> = checked.iter().map(|c| c.0).collect();
    let systems: Vec<&str> = model.systems.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, systems, "a new system needs a line in groups_agree_with_data()");
    let described: usize = checked.iter().map(|c| c.2).sum();
    assert!(described > 0, "no group of data/ has a description: description() is not tested");
    println!("{} groups of {} systems agree with data/, {described} with a description", checked.iter().map(|c| c.1).sum::<usize>(), ids.len());
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
    for value in [0u16, 99, 600, 998, 1000, u16::MAX] {
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
    let nginx_and_esri: Vec<_> = Status::from(499).meanings().map(|m| (m.source().id(), m.name())).collect();
    // nginx gives 499 no reason phrase, only a macro name.
    assert_eq!(nginx_and_esri, [("nginx", None), ("esri", Some("Token Required"))]);
    assert_eq!(Status::from(499).reason(), None);
    assert_eq!(Status::ESRI_TOKEN_REQUIRED.code(), 499);
    for phrase in ["Request Entity Too Large", "Payload Too Large", "Content Too Large", "content too large"] {
        assert_eq!(Status::from_reason(phrase), Some(Status::CONTENT_TOO_LARGE), "{phrase}");
    }
    assert_eq!(Status::from_reason("I'm a teapot"), Some(Status::IM_A_TEAPOT));
    assert_eq!(Status::NOT_FOUND.symbol(Ecosystem::Go), Some("StatusNotFound"));
    assert!(Status::NOT_FOUND.is_client_error() && !Status::NOT_FOUND.is_server_error());
    assert_eq!(Status::from(600).group(), Some(netcodes::http::Group::Unclassified));
    assert_eq!(Status::from(1000).group(), None);

    // Every meaning in data/ is reachable through meanings().
    let model = model();
    let http = system(&model, "http");
    for row in &http.codes {
        let status = Status::from(u16::try_from(row.value).unwrap());
        assert!(status.meanings().any(|m| m.ident() == row.ident && m.description() == row.description));
    }
}

/// A constant named for another meaning of a number answers with that
/// meaning, and is the number.
#[test]
fn meaning_constants_answer_with_their_meaning() {
    let esri = Status::ESRI_TOKEN_REQUIRED;
    assert_eq!(esri.code(), 499);
    assert_eq!(esri, Status::from(499));
    assert_eq!(Status::from(499), esri);
    assert_eq!(Status::from(esri), Status::NGINX_CLIENT_CLOSED_REQUEST);
    assert_eq!(esri.name(), Some("Token Required"));
    assert_eq!(Status::from(499).reason(), None);
    assert_eq!(esri.source(), netcodes::http::Source::Esri);
    assert_ne!(esri.category(), Status::from(499).category().unwrap());
    assert_eq!(Status::from(499).meanings().nth(1), Some(esri));
}

/// Names as people paste them; Chrome's `net::` prefix, any case, white space.
#[test]
fn pasted_names_are_found() {
    let invalid = NetError::ERR_CERT_AUTHORITY_INVALID;
    for text in ["net::ERR_CERT_AUTHORITY_INVALID", "err_cert_authority_invalid", " NET::err_cert_authority_invalid\n"] {
        assert_eq!(NetError::from_name(text), Some(invalid), "{text:?}");
        assert_eq!(text.parse::<NetError>(), Ok(invalid), "{text:?}");
    }
    assert_eq!(NetError::from_exact_name("err_cert_authority_invalid"), None);
    assert_eq!(Status::from_reason("request entity too large"), Some(Status::CONTENT_TOO_LARGE));
    assert_eq!("0x1f4".parse::<Status>(), Ok(Status::INTERNAL_SERVER_ERROR));
}

/// One call decides a retry, for every retry class.
#[test]
fn retry_decisions_follow_the_vocabulary() {
    use core::time::Duration;
    let unavailable = Status::SERVICE_UNAVAILABLE;
    assert!(!unavailable.retry_decision(true, None).retry, "503 waits for Retry-After");
    let decision = unavailable.retry_decision(true, Some(Duration::from_secs(30)));
    assert!(decision.retry && decision.after == Duration::from_secs(30));
    assert!(!Status::BAD_GATEWAY.retry_decision(false, None).retry, "502 only for idempotent requests");
    assert!(Status::BAD_GATEWAY.retry_decision(true, None).retry);
    assert!(NetworkError::REMOTE_HOST_CLOSED_ERROR.retry_decision(false, None).new_connection);
    assert_eq!(NetError::from(-9999).retry_decision(true, None), netcodes::RetryDecision::NO);
    // Every class, without a wildcard: the decision is the one call users need.
    for &retry in netcodes::Retry::ALL {
        let _ = retry.decide(true, None);
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
            let expected = mapping.rule_for(value).map(|r| {
                (r.to, model.vocabulary.mapping_kinds[r.kind].id.as_str(), (!r.note.is_empty()).then(|| r.note.clone()))
            });
            let got = rust_mapping(&model, &from.id, &to.id, value);
            assert_eq!(got, expected, "{} for {value}", mapping.id);
            checked += 1;
        }
    }
    assert_eq!(function_names.len(), 15, "a new mapping needs a line in rust_mapping(): {function_names:?}");
    println!("{checked} values checked through the Rust mapping functions");
}

type Answer<'a> = Option<(i64, &'a str, Option<String>)>;

fn answer<T: Copy>(mapping: Option<netcodes::Rule<T>>, value: impl Fn(T) -> i64) -> Answer<'static> {
    mapping.map(|m| (value(m.to), m.kind.id(), m.note.map(str::to_owned)))
}

/// A mapping asked of the target type (`from_*_rule`) and of the source
/// (`to_*_rule`): both must give the same code.
fn both_ways<T: Copy + PartialEq + std::fmt::Debug>(
    via_target: Option<netcodes::Rule<T>>,
    via_source: Option<netcodes::Rule<T>>,
    value: impl Fn(T) -> i64,
) -> Answer<'static> {
    assert_eq!(via_target.map(|m| m.to), via_source.map(|m| m.to));
    answer(via_target, value)
}

fn rust_mapping(_model: &Model, from: &str, to: &str, value: i64) -> Answer<'static> {
    let i32_value = i32::try_from(value).ok();
    let u16_value = u16::try_from(value).ok();
    let u8_value = u8::try_from(value).ok();
    match (from, to) {
        ("http", "qt") => both_ways(
            u16_value.and_then(NetworkError::from_http_status_rule),
            u16_value.and_then(|v| Status::from(v).to_qt_rule()),
            |c| i64::from(c.code()),
        ),
        ("chromium", "qt") => {
            answer(i32_value.and_then(|v| NetError::from(v).to_qt_rule()), |c| i64::from(c.code()))
        }
        ("qt", "http") => {
            answer(i32_value.and_then(|v| NetworkError::from(v).to_http_rule()), |c| i64::from(c.code()))
        }
        ("chromium", "http") => {
            answer(i32_value.and_then(|v| NetError::from(v).to_http_rule()), |c| i64::from(c.code()))
        }
        ("curl", "qt") => answer(i32_value.and_then(|v| CurlCode::from(v).to_qt_rule()), |c| i64::from(c.code())),
        ("curl", "chromium") => {
            answer(i32_value.and_then(|v| CurlCode::from(v).to_chromium_rule()), |c| i64::from(c.code()))
        }
        ("tls", "chromium") => both_ways(
            u8_value.and_then(NetError::from_tls_alert_rule),
            u8_value.and_then(|v| AlertDescription::from(v).to_chromium_rule()),
            |c| i64::from(c.code()),
        ),
        ("dns", "chromium") => both_ways(
            u16_value.and_then(NetError::from_dns_rcode_rule),
            u16_value.and_then(|v| Rcode::from(v).to_chromium_rule()),
            |c| i64::from(c.code()),
        ),
        ("http", "grpc") => both_ways(
            u16_value.and_then(netcodes::grpc::StatusCode::from_http_status_rule),
            u16_value.and_then(|v| Status::from(v).to_grpc_rule()),
            |c| i64::from(c.code()),
        ),
        ("grpc", "http") => answer(i32_value.and_then(|v| netcodes::grpc::StatusCode::from(v).to_http_rule()), |c| i64::from(c.code())),
        ("websocket", "http") => {
            answer(u16_value.and_then(|v| netcodes::websocket::CloseCode::from(v).to_http_rule()), |c| i64::from(c.code()))
        }
        ("http2", "grpc") => answer(
            u32::try_from(value).ok().and_then(|v| netcodes::http2::ErrorCode::from(v).to_grpc_rule()),
            |c| i64::from(c.code()),
        ),
        ("http2", "chromium") => answer(
            u32::try_from(value).ok().and_then(|v| netcodes::http2::ErrorCode::from(v).to_chromium_rule()),
            |c| i64::from(c.code()),
        ),
        ("http2", "http3") => {
            let u32_value = u32::try_from(value).ok();
            let via_target = u32_value.and_then(netcodes::http3::ErrorCode::from_http2_rule);
            let via_source = u32_value.and_then(|v| netcodes::http2::ErrorCode::from(v).to_http3_rule());
            assert_eq!(via_target.map(|m| m.to), via_source.map(|m| m.to));
            answer(via_target, |c| i64::try_from(c.code()).expect("HTTP/3 codes are below 2^62"))
        }
        ("http3", "chromium") => answer(
            u64::try_from(value).ok().and_then(|v| netcodes::http3::ErrorCode::from(v).to_chromium_rule()),
            |c| i64::from(c.code()),
        ),
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
    // The library, as a dependency builds it; the crate's command needs std.
    run(&mut cargo(&["build", "-p", "netcodes", "--lib", "--target", target, "--quiet"], "no-std"));
    run(&mut cargo(&["build", "-p", "netcodes", "--lib", "--target", target, "--features", "serde", "--quiet"], "no-std"));
}
