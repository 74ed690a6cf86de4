//! data/curl against curl itself: the curl.h Debian's libcurl4-openssl-dev
//! ships (compiled with a static_assert per fact, and its enum read both
//! ways), pycurl's E_* constants, and what curl_easy_strerror() of two real
//! libcurls (Debian's, and the newer one pycurl's wheel bundles) knows.
//!
//! The table follows a newer curl than Debian's header. `since` (the first
//! release whose curl.h has a row's name) decides which rows an older
//! header must have: a row whose name is newer than the header is left out,
//! and the header's own name for that number must then be a former name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use codegen::model::{Code, System};
use conformance::{model, repo_root, require_tool, scratch_dir, stdout, system};

const INSTALL: &str = "bash tests/upstream-net/install.sh";
const PYTHON: &str = "/opt/netcodes-upstream/net/bin/python";

/// pycurl constants that are not CURLcode names: its multi-interface codes
/// (CURLMcode), and CURLE_ALREADY_COMPLETE, which curl.h defines as 99999,
/// outside the enum.
fn pycurl_outsider(name: &str) -> bool {
    name.starts_with("E_MULTI_") || name == "E_CALL_MULTI_PERFORM" || name == "E_ALREADY_COMPLETE"
}

/// `7.88.1` as numbers, for comparing releases.
fn release(text: &str) -> Vec<u32> {
    let text = text.trim().trim_end_matches("-DEV");
    text.split('.').map(|part| part.parse().unwrap_or_else(|_| panic!("not a curl release: {text:?}"))).collect()
}

fn since(code: &Code) -> Vec<u32> {
    release(code.since.as_deref().unwrap_or_else(|| panic!("data/curl: {} has no since", code.name)))
}

/// The directory Debian installs curl/curl.h into.
fn include_dir() -> PathBuf {
    require_tool("pkg-config", INSTALL);
    let dir = stdout(Command::new("pkg-config").args(["--variable=includedir", "libcurl"]));
    PathBuf::from(dir.trim())
}

/// `LIBCURL_VERSION` of curl/curlver.h.
fn header_release() -> String {
    let path = include_dir().join("curl/curlver.h");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}; {INSTALL}", path.display()));
    let line = text.lines().find(|l| l.starts_with("#define LIBCURL_VERSION ")).expect("curlver.h defines LIBCURL_VERSION");
    line.split('"').nth(1).expect("a quoted version").to_owned()
}

/// The enumerators of `typedef enum { CURLE_OK = 0, ... } CURLcode;` with
/// their values, in order, CURL_LAST included.
fn header_enum() -> Vec<(String, i64)> {
    let path = include_dir().join("curl/curl.h");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}; {INSTALL}", path.display()));
    let end = text.find("} CURLcode;").expect("curl.h declares CURLcode");
    let start = text[..end].rfind("typedef enum {").expect("CURLcode is a typedef enum") + "typedef enum {".len();
    let mut body = text[start..end].to_owned();
    while let Some(open) = body.find("/*") {
        let close = body[open..].find("*/").expect("comments close") + open + 2;
        body.replace_range(open..close, " ");
    }
    let body: String = body.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join("\n");
    let mut next = 0;
    let mut out = Vec::new();
    for item in body.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let name: String = item.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if let Some((_, value)) = item.split_once('=') {
            next = value.trim().parse().unwrap_or_else(|_| panic!("curl.h: {item}"));
        }
        out.push((name, next));
        next += 1;
    }
    out
}

/// The rows a curl.h of `header` has as enumerators: those whose name is not
/// newer than it.
fn rows_in<'a>(curl: &'a System, header: &[u32]) -> Vec<&'a Code> {
    curl.codes.iter().filter(|code| since(code).as_slice() <= header).collect()
}

#[test]
fn debians_curl_h_has_exactly_the_enumerators_data_expects() {
    let model = model();
    let curl = system(&model, "curl");
    let version = header_release();
    let header = header_enum();
    let last = header.last().cloned().expect("an enum");
    assert_eq!(last.0, "CURL_LAST", "the enum no longer ends with CURL_LAST");
    let expected = rows_in(curl, &release(&version));
    assert!(header.len() > 90 && expected.len() > 90, "read {} enumerators, expected {}", header.len(), expected.len());

    let mut problems = Vec::new();
    for (name, value) in &header[..header.len() - 1] {
        let row = curl.primary(*value).filter(|code| &code.upstream_name == name);
        let row_here = row.is_some_and(|code| expected.iter().any(|e| e.value == code.value));
        let former = curl.former_names_of(*value).iter().any(|f| &f.name == name);
        if !row_here && !former {
            problems.push(format!("{name} = {value}: in curl.h {version}, but no row of data/curl up to {version}, nor a former name"));
        }
    }
    let theirs: BTreeSet<(&str, i64)> = header.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    for code in &expected {
        if !theirs.contains(&(code.upstream_name.as_str(), code.value)) {
            problems.push(format!("{} = {}: since {} in data/curl, but not in curl.h {version}", code.name, code.value, code.since.as_deref().unwrap_or("")));
        }
    }
    assert!(problems.is_empty(), "data/curl disagrees with {}:\n{}", include_dir().join("curl/curl.h").display(), problems.join("\n"));
    println!(
        "curl.h {version}: {} enumerators, {} rows of data/curl ({} newer), CURL_LAST = {}",
        header.len() - 1,
        expected.len(),
        curl.codes.len() - expected.len(),
        last.1
    );
}

/// A C file of static_asserts: every row the header has, every former name
/// (the compatibility #defines curl.h keeps), and where the enum ends.
fn static_asserts(facts: &BTreeMap<String, i64>, curl_last: i64) -> String {
    let mut out = String::from("/* data/curl against curl.h: generated by tests/upstream_curl.rs */\n#include <curl/curl.h>\n\n");
    for (name, value) in facts {
        out.push_str(&format!("_Static_assert({name} == {value}, \"data/curl: {name} is {value}\");\n"));
    }
    out.push_str(&format!("_Static_assert(CURL_LAST == {curl_last}, \"data/curl: the enum ends at {curl_last}\");\n"));
    out
}

fn compile(name: &str, source: &str) -> Result<(), String> {
    require_tool("gcc", INSTALL);
    let file = scratch_dir(name).join("curl_asserts.c");
    std::fs::write(&file, source).expect("write the C file");
    let output = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"])
        .arg(&file)
        .output()
        .expect("run gcc");
    if output.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&output.stderr).into_owned()) }
}

#[test]
fn every_fact_compiles_as_a_static_assert_against_debians_curl_h() {
    let model = model();
    let curl = system(&model, "curl");
    let version = header_release();
    let rows = rows_in(curl, &release(&version));
    let mut facts: BTreeMap<String, i64> = rows.iter().map(|code| (code.upstream_name.clone(), code.value)).collect();
    facts.extend(curl.former_names.iter().map(|f| (f.name.clone(), f.value)));
    // The enum ends right after the newest row this header has.
    let curl_last = rows.iter().map(|code| code.value).max().expect("rows") + 1;

    let mut wrong = facts.clone();
    *wrong.values_mut().next().expect("facts") += 1000;
    let error = compile("upstream_curl_wrong_value", &static_asserts(&wrong, curl_last))
        .expect_err("a deliberately wrong value compiled: the static_asserts check nothing");
    assert!(error.contains("static assert"), "the wrong value failed for another reason:\n{error}");

    if let Err(error) = compile("upstream_curl_static_asserts", &static_asserts(&facts, curl_last)) {
        panic!("data/curl disagrees with curl.h {version}:\n{error}");
    }
    println!("{} static_asserts against curl.h {version} ({} rows, {} former names)", facts.len() + 1, rows.len(), curl.former_names.len());
}

/// What pycurl_codes.py printed: pycurl's version and E_* constants, and per
/// libcurl (bundled, debian) its version and strerror texts.
struct Pycurl {
    version: String,
    constants: BTreeMap<String, i64>,
    libcurl: BTreeMap<String, String>,
    strerror: BTreeMap<(String, i64), String>,
}

fn pycurl(last: i64) -> Pycurl {
    assert!(std::path::Path::new(PYTHON).is_file(), "pycurl is not installed in {PYTHON}; `cargo xtask test` installs it with: {INSTALL}");
    let script = repo_root().join("tests/upstream-net/pycurl_codes.py");
    let output = stdout(Command::new(PYTHON).arg(&script).arg(last.to_string()));
    let mut out = Pycurl { version: String::new(), constants: BTreeMap::new(), libcurl: BTreeMap::new(), strerror: BTreeMap::new() };
    for line in output.lines() {
        let number = |text: &str| text.parse::<i64>().unwrap_or_else(|_| panic!("{}: `{line}`", script.display()));
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["pycurl", version] => out.version = (*version).to_owned(),
            ["constant", name, value] => assert!(out.constants.insert((*name).to_owned(), number(value)).is_none(), "{name} twice"),
            ["libcurl", which, version] => drop(out.libcurl.insert((*which).to_owned(), (*version).to_owned())),
            ["strerror", which, value, text] => drop(out.strerror.insert(((*which).to_owned(), number(value)), (*text).to_owned())),
            _ => panic!("unexpected line from {}: `{line}`", script.display()),
        }
    }
    out
}

#[test]
fn pycurl_constants_equal_data() {
    let model = model();
    let curl = system(&model, "curl");
    let found = pycurl(curl.max);
    let ecosystem = curl.ecosystems.iter().position(|e| e.id == "pycurl").expect("data/curl names pycurl");
    assert_eq!(found.version, curl.ecosystems[ecosystem].version, "the pycurl installed is not the one data/curl/system.toml names");

    // Every curl name, current or former, with its value.
    let mut names: BTreeMap<&str, i64> = curl.codes.iter().map(|c| (c.upstream_name.as_str(), c.value)).collect();
    names.extend(curl.former_names.iter().map(|f| (f.name.as_str(), f.value)));
    let ours: BTreeMap<&str, i64> =
        curl.symbols.iter().filter(|s| s.ecosystem == ecosystem).map(|s| (s.name.as_str(), s.value)).collect();

    let mut problems = Vec::new();
    for (name, value) in &found.constants {
        let curl_name = format!("CURLE_{}", &name[2..]);
        match names.get(curl_name.as_str()) {
            Some(ours_value) if ours_value != value => problems.push(format!("pycurl.{name} = {value}, data/curl has {curl_name} = {ours_value}")),
            Some(_) if ours.get(name.as_str()) != Some(value) => problems.push(format!("pycurl.{name} = {value} is missing from data/curl/symbols.csv")),
            Some(_) => {}
            None if pycurl_outsider(name) => {}
            None => problems.push(format!("pycurl.{name} = {value}: {curl_name} is no name of data/curl")),
        }
    }
    for (name, value) in &ours {
        if found.constants.get(*name) != Some(value) {
            problems.push(format!("data/curl/symbols.csv: pycurl.{name} = {value}, but pycurl has {:?}", found.constants.get(*name)));
        }
    }
    assert!(problems.is_empty(), "data/curl disagrees with pycurl {}:\n{}", found.version, problems.join("\n"));
    println!("compared {} pycurl {} constants with data/curl", found.constants.len(), found.version);
}

/// curl_easy_strerror() knows a number exactly when the libcurl in question
/// returns it: a current row whose name that release has, or a row whose
/// placeholder name came later (the number was still in use then).
#[test]
fn real_libcurls_know_exactly_the_codes_data_says_they_return() {
    let model = model();
    let curl = system(&model, "curl");
    // Numbers past the table too: a newer libcurl must not know more.
    let last = curl.max + 20;
    let found = pycurl(last);
    assert_eq!(found.libcurl.get("debian"), Some(&header_release()), "Debian's libcurl.so.4 and curl.h are different releases");
    let table: Vec<u32> = release(curl.version.trim_start_matches("curl "));
    let bundled = release(found.libcurl.get("bundled").expect("pycurl's libcurl"));
    assert!(bundled >= table, "pycurl's libcurl is older than the curl release data/curl follows");

    let mut problems = Vec::new();
    for (which, version) in &found.libcurl {
        let version = release(version);
        for value in 0..=last {
            let text = found.strerror.get(&(which.clone(), value)).unwrap_or_else(|| panic!("no strerror of {value} from {which}"));
            let known = text != "Unknown error";
            let expected = curl.primary(value).is_some_and(|code| {
                let current = model.vocabulary.statuses[code.status].id == "current";
                (since(code) <= version) == current
            });
            if known != expected {
                problems.push(format!("{which} libcurl: strerror({value}) is {text:?}, data/curl expects it {}", if expected { "known" } else { "unknown" }));
            }
        }
    }
    assert!(problems.is_empty(), "data/curl disagrees with real libcurls:\n{}", problems.join("\n"));
    println!("strerror of 0-{last} agrees with data/curl for libcurl {:?}", found.libcurl);
}
