//! data/chromium/net_error.csv against Chromium: the net errors the installed
//! Chromium itself lists (its net-log constants), the chromium-net-errors npm
//! package (a generated copy of net_error_list.h from an older Chromium) and
//! the helper rules of Chromium's net_errors.cc.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use codegen::model::{Code, Model, System};
use conformance::{headless_chromium, model, repo_root, require_tool, scratch_dir, stdout, system};

const INSTALL: &str = "bash tests/upstream/install.sh";
const PACKAGE_DIR: &str = "/opt/netcodes-upstream/node_modules/chromium-net-errors";
const PACKAGE_VERSION: &str = "13.0.0";

/// Numbers the package names that data/ has no row for at all, neither current
/// nor removed. Chromium never reuses a number, so each would be a row data/
/// still lacks (a removed one); the test fails when a gap appears.
const KNOWN_GAPS_IN_DATA: &[(i64, &str)] = &[];

/// (code, name) pairs of the installed package.
fn package_errors() -> Vec<(i64, String)> {
    require_tool("node", "apt-get install nodejs npm");
    assert!(
        Path::new(PACKAGE_DIR).join("package.json").is_file(),
        "chromium-net-errors is not installed in {PACKAGE_DIR}; `cargo xtask test` installs it with: {INSTALL}"
    );
    let script = repo_root().join("tests/upstream/chromium_net_errors.js");
    let output = stdout(Command::new("node").arg(&script).arg(PACKAGE_DIR));

    let mut version = String::new();
    let mut errors = Vec::new();
    for line in output.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["version", v] => version = (*v).to_owned(),
            ["error", code, name] => {
                let code = code.parse().unwrap_or_else(|_| panic!("package printed `{line}`"));
                errors.push((code, (*name).to_owned()));
            }
            _ => panic!("unexpected line from {}: `{line}`", script.display()),
        }
    }
    assert_eq!(version, PACKAGE_VERSION, "{PACKAGE_DIR} is not the pinned version; {INSTALL}");
    errors
}

/// A code's status, as data/vocabulary.toml spells it.
fn status<'a>(model: &'a Model, code: &Code) -> &'a str {
    &model.vocabulary.statuses[code.status].id
}

fn by_name<'a>(model: &Model, codes: &'a [Code], wanted: &str) -> BTreeMap<&'a str, i64> {
    codes
        .iter()
        .filter(|code| status(model, code) == wanted && !code.upstream_name.is_empty())
        .map(|code| (code.upstream_name.as_str(), code.value))
        .collect()
}

fn by_value<'a>(model: &Model, codes: &'a [Code], wanted: &str) -> BTreeMap<i64, &'a str> {
    codes.iter().filter(|code| status(model, code) == wanted).map(|code| (code.value, code.upstream_name.as_str())).collect()
}

#[test]
fn chromium_net_errors_package_agrees_with_data() {
    let model = model();
    let chromium = system(&model, "chromium");
    let current_by_name = by_name(&model, &chromium.codes, "current");
    let current_by_value = by_value(&model, &chromium.codes, "current");
    let removed_by_name = by_name(&model, &chromium.retired, "removed");
    let removed_by_value = by_value(&model, &chromium.retired, "removed");
    let sentinels = by_name(&model, &chromium.retired, "sentinel");

    let mut compared = 0;
    let mut mismatches = Vec::new();
    let mut removed = Vec::new();
    let mut gaps = Vec::new();
    for (code, name) in package_errors() {
        if let Some(&ours) = sentinels.get(name.as_str()) {
            // CERT_END moves down each time a certificate error is appended,
            // so an older Chromium has it elsewhere: nothing to compare.
            println!("sentinel {name}: package {code}, data {ours}");
        } else if current_by_name.contains_key(name.as_str()) || current_by_value.contains_key(&code) {
            compared += 1;
            if current_by_name.get(name.as_str()) != Some(&code) || current_by_value.get(&code) != Some(&name.as_str())
            {
                mismatches.push(format!(
                    "package {name} = {code}; data: {name} = {:?}, {code} is {:?}",
                    current_by_name.get(name.as_str()),
                    current_by_value.get(&code)
                ));
            }
        } else if removed_by_value.contains_key(&code) || removed_by_name.contains_key(name.as_str()) {
            let ours = removed_by_value.get(&code).copied().unwrap_or_default();
            // A removed number that data/ keeps unnamed has nothing to disagree with.
            if removed_by_name.get(name.as_str()).is_some_and(|&value| value != code)
                || !(ours.is_empty() || ours == name)
            {
                mismatches.push(format!("package {name} = {code}; data has it removed as `{ours}`"));
            }
            removed.push(format!("{code} {name}"));
        } else {
            gaps.push((code, name));
        }
    }

    println!("compared {compared} current Chromium net errors with chromium-net-errors {PACKAGE_VERSION}");
    println!("{} package codes are removed in data/: {}", removed.len(), removed.join(", "));
    assert!(mismatches.is_empty(), "data/chromium disagrees with chromium-net-errors:\n{}", mismatches.join("\n"));
    assert!(compared >= 200, "only {compared} package codes matched a current row by name or value");

    let known: Vec<(i64, String)> = KNOWN_GAPS_IN_DATA.iter().map(|&(code, name)| (code, name.to_owned())).collect();
    assert_eq!(
        gaps, known,
        "package codes data/ has no row for (left) differ from KNOWN_GAPS_IN_DATA (right): \
         add the missing rows to data/ as removed, then update the list"
    );
}

/// Every net error the installed Chromium was built with, as its net-log
/// writes them (`constants.netError`, one entry per NET_ERROR line of its
/// net_error_list.h, `net::OK` included), and its version.
fn installed_chromium_errors() -> (String, BTreeMap<String, i64>) {
    require_tool("chromium", "bash tests/docs/install.sh (apt-get install chromium)");
    let dir = scratch_dir("upstream-chromium-net-log");
    let log = dir.join("net-log.json");
    headless_chromium(
        &[
            format!("--user-data-dir={}", dir.join("profile").display()),
            format!("--log-net-log={}", log.display()),
            "--dump-dom".to_owned(),
            "about:blank".to_owned(),
        ],
        "about:blank",
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let text = std::fs::read_to_string(&log).unwrap_or_else(|err| panic!("chromium wrote no net-log at {}: {err}", log.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", log.display()));
    let constants = &json["constants"];
    let errors = constants["netError"]
        .as_object()
        .unwrap_or_else(|| panic!("{}: no constants.netError", log.display()))
        .iter()
        .map(|(name, value)| {
            let name = name.strip_prefix("ERR_").or_else(|| name.strip_prefix("net::")).unwrap_or(name);
            (name.to_owned(), value.as_i64().unwrap_or_else(|| panic!("netError {name} = {value}")))
        })
        .collect();
    let version = constants["clientInfo"]["version"].as_str().unwrap_or("?").to_owned();
    (version, errors)
}

// The installed Chromium (Debian's, newer than the release data/chromium was
// written from) lists every net error it knows with its number: each must be a
// current row with that name and number, and each current row must be in its
// list. A Debian update that adds or removes codes fails here, naming them:
// run `cargo xtask upstream diff --chromium` on that release's header.
#[test]
fn installed_chromium_agrees_with_data() {
    let model = model();
    let chromium = system(&model, "chromium");
    let (version, errors) = installed_chromium_errors();
    let current = by_name(&model, &chromium.codes, "current");
    let sentinels = by_name(&model, &chromium.retired, "sentinel");
    let mut problems = Vec::new();
    for (name, &value) in &errors {
        let ours = current.get(name.as_str()).or_else(|| sentinels.get(name.as_str()));
        if ours != Some(&value) {
            problems.push(format!("Chromium {version} has {name} = {value}; data/chromium has {ours:?}"));
        }
    }
    for (name, value) in &current {
        if !errors.contains_key(*name) {
            problems.push(format!("data/chromium has {name} = {value} as current; Chromium {version} does not list it"));
        }
    }
    assert!(problems.is_empty(), "data/chromium disagrees with the installed Chromium:\n{}", problems.join("\n"));
    assert!(errors.len() >= 240, "Chromium {version} listed only {} net errors", errors.len());
    println!("Chromium {version}: its {} net errors equal data/chromium's current rows and sentinel", errors.len());
}

fn flag_index(chromium: &System, id: &str) -> usize {
    chromium.flags.iter().position(|flag| flag.column == id).unwrap_or_else(|| panic!("data/chromium has no {id} column"))
}

// Both rules mirror net/base/net_errors.cc: IsCertificateError() is
// `(error <= ERR_CERT_BEGIN && error > ERR_CERT_END) ||
// error == ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN`, with ERR_CERT_BEGIN being
// ERR_CERT_COMMON_NAME_INVALID (-200), and IsClientCertificateError() is a
// switch over exactly the five codes below. Both are functions of the number,
// so removed numbers are held to them as well.
#[test]
fn certificate_flags_follow_net_errors_cc() {
    let model = model();
    let chromium = system(&model, "chromium");
    let certificate = flag_index(chromium, "certificate_error");
    let client_certificate = flag_index(chromium, "client_certificate_error");
    assert_eq!((certificate, client_certificate), (0, 1), "flag columns moved");

    let value_of = |rows: &[Code], name: &str| {
        rows.iter().find(|code| code.upstream_name == name).unwrap_or_else(|| panic!("data/chromium has no {name}")).value
    };
    let cert_end = value_of(&chromium.retired, "CERT_END");
    let cert_begin = value_of(&chromium.codes, "CERT_COMMON_NAME_INVALID");
    assert_eq!(cert_begin, -200);
    // "The value immediately past the last certificate error code."
    let last_certificate_error = chromium
        .codes
        .iter()
        .chain(&chromium.retired)
        .filter(|code| status(&model, code) != "sentinel" && (cert_end + 1..=cert_begin).contains(&code.value))
        .map(|code| code.value)
        .min();
    assert_eq!(last_certificate_error, Some(cert_end + 1), "CERT_END is not one past the last certificate error");

    const CLIENT_CERTIFICATE_ERRORS: [&str; 5] = [
        "BAD_SSL_CLIENT_AUTH_CERT",
        "SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED",
        "SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY",
        "SSL_CLIENT_AUTH_SIGNATURE_FAILED",
        "SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS",
    ];

    let mut wrong = Vec::new();
    let mut checked = 0;
    let mut flagged = [0, 0];
    for code in chromium.codes.iter().chain(&chromium.retired) {
        let name = code.upstream_name.as_str();
        let is_certificate =
            (code.value <= cert_begin && code.value > cert_end) || name == "SSL_PINNED_KEY_NOT_IN_CERT_CHAIN";
        let is_client_certificate = CLIENT_CERTIFICATE_ERRORS.contains(&name);
        if code.flags[certificate] != is_certificate {
            wrong.push(format!("{name} ({}): certificate_error should be {is_certificate}", code.value));
        }
        if code.flags[client_certificate] != is_client_certificate {
            wrong.push(format!("{name} ({}): client_certificate_error should be {is_client_certificate}", code.value));
        }
        checked += 1;
        flagged[0] += usize::from(is_certificate);
        flagged[1] += usize::from(is_client_certificate);
    }
    assert!(wrong.is_empty(), "flags in data/chromium disagree with net_errors.cc:\n{}", wrong.join("\n"));
    assert_eq!(flagged[1], CLIENT_CERTIFICATE_ERRORS.len(), "a client certificate error is missing from data/");
    assert!(checked >= 290, "only {checked} rows checked");
    println!(
        "checked the flags of {checked} Chromium rows: {} certificate errors, {} client certificate errors",
        flagged[0], flagged[1]
    );
}

#[test]
fn chromium_row_counts() {
    let model = model();
    let chromium = system(&model, "chromium");
    let count = |codes: &[Code], wanted: &str| codes.iter().filter(|code| status(&model, code) == wanted).count();
    assert!(chromium.codes.iter().any(|code| code.upstream_name == "OK" && code.value == 0), "OK is a current code");
    assert!(chromium.codes.iter().all(|code| status(&model, code) == "current"), "only current rows are offered");
    assert_eq!(chromium.codes.len(), 249, "current codes, OK included");
    // The 47 numbers the reference lists, plus -132, -216 and -218, which the
    // header retires only in comments ("-132 was formerly
    // ERR_ESET_ANTI_VIRUS_SSL_INTERCEPTION", "-216 was QUIC_CERT_ROOT_NOT_KNOWN",
    // "-218 was SSL_OBSOLETE_VERSION").
    assert_eq!(count(&chromium.retired, "removed"), 50, "removed numbers");
    assert_eq!(count(&chromium.retired, "sentinel"), 1, "sentinels");
    assert_eq!(chromium.retired.len(), 51);
    println!("data/chromium: 249 current codes (248 errors + OK), 50 removed, 1 sentinel");
}
