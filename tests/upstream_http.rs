//! data/http against the libraries that name HTTP statuses: every row of
//! symbols.csv exists in its ecosystem with that code, and every status name
//! the ecosystem has is a row (both directions). system.toml's `version` is
//! the release the names were read from; the installed release must be that
//! one, so that an upgrade shows up here rather than as silently stale data.
//! Where an ecosystem lists several `versions` (Python, Rack, HttpComponents),
//! each is installed and checked as a release of its own: which names exist
//! there, which is primary, which are deprecated (symbols.csv's history).
//! Registry reason phrases are held against Python's and the `http` crate's,
//! nginx's own phrases against the nginx binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use conformance::{files_under, model, repo_root, require_tool, scratch_dir, stdout, system};

const INSTALL: &str = "bash tests/upstream/install.sh";
const NPM_PREFIX: &str = "/opt/netcodes-upstream/node_modules";

// ---------------------------------------------------------------------------
// data/http/symbols.*, reason_history.csv

/// A row of symbols.csv.
struct Symbol {
    code: i64,
    symbol: String,
    alias: bool,
    row: codegen::model::Symbol,
}

impl Symbol {
    /// Whether the name exists in `release`, and whether it is the primary
    /// one there; a release that is no number (`8.0-preview`) has every name.
    fn in_release(&self, release: &str) -> (bool, bool) {
        self.row.in_release(release).unwrap_or((true, self.row.primary))
    }
}

/// The rows of symbols.csv for one ecosystem.
fn symbols(ecosystem: &str) -> Vec<Symbol> {
    let model = model();
    let http = system(&model, "http");
    http.symbols
        .iter()
        .filter(|s| http.ecosystems[s.ecosystem].id == ecosystem)
        .map(|s| Symbol {
            code: s.value,
            symbol: s.name.clone(),
            alias: !s.primary,
            row: s.clone(),
        })
        .collect()
}

/// The ecosystem's table in data/http/system.toml.
fn ecosystem(id: &str) -> codegen::model::Ecosystem {
    let model = model();
    let http = system(&model, "http");
    http.ecosystems
        .iter()
        .find(|e| e.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("data/http/system.toml has no [[ecosystem]] {id}"))
}

/// `versions` of the ecosystem: every release checked.
fn data_versions(id: &str) -> Vec<String> {
    ecosystem(id).versions
}

/// `version` of the ecosystem.
fn data_version(id: &str) -> String {
    ecosystem(id).version
}

/// Earlier reason phrases, by code.
fn reason_history() -> BTreeMap<i64, Vec<String>> {
    let model = model();
    let mut history: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for former in &system(&model, "http").former_names {
        history.entry(former.value).or_default().push(former.name.clone());
    }
    history
}

/// "3.11.7" as [3, 11, 7], for ordering releases.
fn version_key(version: &str) -> Vec<u64> {
    version.split('.').map(|part| part.parse().unwrap_or_else(|_| panic!("version `{version}`"))).collect()
}

fn is_at_least(installed: &str, release: &str) -> bool {
    version_key(installed) >= version_key(release)
}

/// The release the test runs against must be the one system.toml names, or
/// a later one: Debian moves its packages on by point releases (OpenJDK 17.0.x),
/// and the names are compared with whatever is installed in any case.
fn assert_installed_version(ecosystem: &str, installed: &str) {
    let expected = data_version(ecosystem);
    let numeric = |v: &str| v.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let ok = if numeric(installed) && numeric(&expected) { is_at_least(installed, &expected) } else { installed == expected };
    assert!(
        ok,
        "{ecosystem}: the installed release {installed} is older than system.toml's version {expected}; \
         re-read its names and update data/http/system.toml and symbols.csv"
    );
    if installed != expected {
        println!("{ecosystem}: names read from {expected}, compared with the installed {installed}");
    }
}

/// A compiled probe's output, a `NAME\tcode` line per name it was given,
/// must equal those rows of symbols.csv; answers how many it printed.
fn assert_printed(output: &str, rows: &[Symbol], upstream: &str) -> usize {
    let printed: BTreeMap<String, i64> = output
        .lines()
        .map(|line| {
            let (name, code) = line.split_once('\t').expect("NAME\\tcode");
            (name.to_owned(), code.parse().expect("numeric code"))
        })
        .collect();
    let ours: BTreeMap<String, i64> = rows.iter().map(|row| (row.symbol.clone(), row.code)).collect();
    assert_eq!(ours, printed, "symbols.csv (left) and {upstream} (right) differ");
    printed.len()
}

/// Compares an ecosystem's names with symbols.csv in both directions, as of
/// the installed release: a row whose `since` is later must not exist yet, and
/// must exist once the release has it.
fn compare_names(ecosystem: &str, upstream: &str, installed: &str, theirs: &BTreeMap<String, i64>, min: usize) {
    let rows = symbols(ecosystem);
    let mut ours = BTreeMap::new();
    let mut later = BTreeMap::new();
    for row in &rows {
        let target = if row.in_release(installed).0 { &mut ours } else { &mut later };
        assert!(
            target.insert(row.symbol.clone(), row.code).is_none(),
            "{ecosystem} {} twice in symbols.csv",
            row.symbol
        );
    }

    let mut problems = Vec::new();
    for (name, code) in &ours {
        match theirs.get(name) {
            Some(value) if value == code => {}
            Some(value) => problems.push(format!("{name}: {value} in {upstream}, {code} in symbols.csv")),
            None => problems.push(format!("{name} ({code}): in symbols.csv, missing from {upstream}")),
        }
    }
    for (name, value) in theirs {
        if let Some(code) = later.get(name) {
            problems.push(format!(
                "{name} ({code}): symbols.csv says {installed} has no such name (since or removed_since), but {upstream} has it = {value}"
            ));
        } else if !ours.contains_key(name) {
            problems.push(format!("{name} = {value}: in {upstream}, missing from symbols.csv"));
        }
    }
    assert!(problems.is_empty(), "{ecosystem}: symbols.csv disagrees with {upstream}:\n{}", problems.join("\n"));
    assert!(theirs.len() >= min, "{ecosystem}: read only {} names from {upstream}", theirs.len());
    println!(
        "compared {} {ecosystem} names with {upstream}, both directions ({} names of other releases absent as expected)",
        theirs.len(),
        later.len()
    );
}

/// The names symbols.csv says are the ecosystem's primary ones in `release`
/// against the ecosystem's own (Python's canonical member names, Rack's
/// SYMBOL_TO_STATUS_CODE, HttpComponents' constants that are not deprecated).
fn compare_primary(ecosystem: &str, upstream: &str, release: &str, theirs: &BTreeSet<String>) {
    let ours: BTreeSet<String> = symbols(ecosystem)
        .into_iter()
        .filter(|row| row.in_release(release).1)
        .map(|row| row.symbol)
        .collect();
    let missing: Vec<&String> = ours.difference(theirs).collect();
    let extra: Vec<&String> = theirs.difference(&ours).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{ecosystem} {release}: primary names of symbols.csv disagree with {upstream}: \
         primary in symbols.csv only {missing:?}, primary in {upstream} only {extra:?}"
    );
    println!("{ecosystem} {release}: {} primary names agree with {upstream}", ours.len());
}

/// The names symbols.csv says `release` deprecates.
fn deprecated_in(ecosystem: &str, release: &str) -> BTreeSet<String> {
    let at = version_key(release);
    symbols(ecosystem)
        .into_iter()
        .filter(|row| row.in_release(release).0)
        .filter(|row| row.row.deprecated_since.as_deref().is_some_and(|since| version_key(since) <= at))
        .map(|row| row.symbol)
        .collect()
}

/// Names of symbols.csv that are aliases, for one ecosystem.
fn aliases(ecosystem: &str) -> BTreeSet<String> {
    symbols(ecosystem).into_iter().filter(|row| row.alias).map(|row| row.symbol).collect()
}

/// Tab-separated lines `tag\tfield\tfield...`, grouped by tag.
fn tagged_lines(output: &str) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut tagged: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for line in output.lines() {
        let mut fields = line.split('\t').map(str::to_owned);
        let tag = fields.next().unwrap_or_default();
        tagged.entry(tag).or_default().push(fields.collect());
    }
    tagged
}

fn name_values(rows: &[Vec<String>]) -> BTreeMap<String, i64> {
    let mut map = BTreeMap::new();
    for row in rows {
        let [name, value] = row.as_slice() else { panic!("expected name and value, got {row:?}") };
        let value = value.parse().unwrap_or_else(|_| panic!("`{value}` is not a number"));
        assert!(map.insert(name.clone(), value).is_none(), "{name} printed twice");
    }
    map
}

/// The upstream part of a Debian version: 5.4.53+dfsg-0+deb12u1 is 5.4.53.
fn debian_upstream_version(package: &str) -> String {
    let version = stdout(Command::new("dpkg-query").args(["-W", "-f=${Version}", package]));
    let version = version.split_once(':').map_or(version.as_str(), |(_, rest)| rest);
    version.split(['+', '-', '~']).next().unwrap_or_default().to_owned()
}

// ---------------------------------------------------------------------------
// Python

struct Python {
    version: String,
    members: BTreeMap<String, i64>,
    /// The name `HTTPStatus(value).name` gives, one per value.
    canonical: BTreeSet<String>,
    phrases: BTreeMap<i64, String>,
}

fn python_http_status(interpreter: &Path) -> Python {
    let script = repo_root().join("tests/upstream/python_http_status.py");
    let tagged = tagged_lines(&stdout(Command::new(interpreter).arg(script)));
    let phrases =
        tagged["phrase"].iter().map(|row| (row[0].parse().expect("numeric status"), row[1].clone())).collect();
    let canonical = tagged["canonical"].iter().map(|row| row[0].clone()).collect();
    Python { version: tagged["version"][0][0].clone(), members: name_values(&tagged["member"]), canonical, phrases }
}

/// The machine's pyenv interpreter of one Python release.
fn pyenv_python(version: &str) -> PathBuf {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| "/root".into())).join(".pyenv"));
    let python = root.join("versions").join(version).join("bin/python3");
    assert!(
        python.is_file(),
        "{} is missing: data/http/system.toml checks Python {version}, which this machine's pyenv provides",
        python.display()
    );
    python
}

/// Every Python release system.toml lists, through pyenv: each one's names,
/// its canonical names (what `HTTPStatus(413).name` says) and its aliases.
#[test]
fn python_http_status_members_equal_symbols_in_every_release() {
    let versions = data_versions("python");
    assert!(versions.len() >= 4, "python versions in system.toml: {versions:?}");
    for version in &versions {
        let python = python_http_status(&pyenv_python(version));
        assert_eq!(&python.version, version, "pyenv's {version} runs as Python {}", python.version);
        let label = format!("http.HTTPStatus of Python {version}");
        compare_names("python", &label, version, &python.members, 60);
        compare_primary("python", &label, version, &python.canonical);
    }
}

// ---------------------------------------------------------------------------
// Rust: the `http` crate

/// The crate's source directory, as cargo resolved it for the probe crate
/// at `manifest`, which has been built (so its lock file is complete and its
/// few packages are downloaded: `--locked` changes nothing and fetches no more).
fn http_crate_dir(manifest: &Path, version: &str) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let metadata = stdout(
        Command::new(cargo).args(["metadata", "--format-version", "1", "--locked", "--manifest-path"]).arg(manifest),
    );
    // Reading one field does not need a JSON parser: each package has a
    // "manifest_path", and registry sources live in directories named
    // <crate>-<version>.
    let suffix = format!("/http-{version}/Cargo.toml");
    metadata
        .split("\"manifest_path\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|path| path.ends_with(&suffix))
        .map(|manifest| Path::new(manifest).parent().expect("crate directory").to_path_buf())
        .unwrap_or_else(|| panic!("cargo metadata of {} lists no http {version}", manifest.display()))
}

/// `(code, NAME, "Reason");` rows of the crate's status_codes! table.
fn parse_status_rs(source: &str) -> BTreeMap<String, i64> {
    let start = source.find("status_codes! {").expect("status.rs has the status_codes! table");
    let mut consts = BTreeMap::new();
    for line in source[start..].lines().skip(1) {
        let line = line.trim();
        if line == "}" {
            break;
        }
        let Some(row) = line.strip_prefix('(').and_then(|row| row.strip_suffix(");")) else { continue };
        let mut fields = row.splitn(3, ',').map(str::trim);
        let (Some(code), Some(name)) = (fields.next(), fields.next()) else { panic!("status.rs row `{line}`") };
        consts.insert(name.to_owned(), code.parse().unwrap_or_else(|_| panic!("status.rs row `{line}`")));
    }
    consts
}

#[test]
fn http_crate_status_code_consts_equal_symbols() {
    let version = data_version("rust_http");
    let rows = symbols("rust_http");

    // Consts cannot be looked up by name at run time, so a probe program
    // names each row of symbols.csv; one that does not exist fails to compile.
    let probe = scratch_dir("upstream_http_rust_probe");
    std::fs::create_dir_all(probe.join("src")).expect("probe src dir");
    std::fs::write(
        probe.join("Cargo.toml"),
        format!(
            "[package]\nname = \"netcodes-http-probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nhttp = \"={version}\"\n\n# Not part of the netcodes workspace.\n[workspace]\n"
        ),
    )
    .expect("write probe Cargo.toml");
    // The workspace's lock file, so that the probe builds with the same
    // versions of http and its dependencies as the workspace (cargo only adds
    // the probe itself and drops what the probe does not use).
    std::fs::copy(repo_root().join("Cargo.lock"), probe.join("Cargo.lock")).expect("copy Cargo.lock");
    let lines: String = rows
        .iter()
        .map(|row| {
            format!("    println!(\"{{}}\\t{{}}\", {:?}, http::StatusCode::{}.as_u16());\n", row.symbol, row.symbol)
        })
        .collect();
    std::fs::write(probe.join("src/main.rs"), format!("fn main() {{\n{lines}}}\n")).expect("write probe main.rs");

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // Not the workspace's own target directory: the running `cargo test` may
    // still hold its lock. Kept between runs so that reruns are incremental.
    let output = stdout(
        Command::new(cargo)
            .args(["run", "--quiet", "--manifest-path"])
            .arg(probe.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", repo_root().join("target/upstream-probe/cargo")),
    );
    let printed = assert_printed(&output, &rows, &format!("http::StatusCode consts of http {version}"));

    // The other direction: every const the crate defines.
    let status_rs = http_crate_dir(&probe.join("Cargo.toml"), &version).join("src/status.rs");
    let consts = parse_status_rs(&std::fs::read_to_string(&status_rs).expect("read the http crate's status.rs"));
    compare_names("rust_http", &format!("http {version} ({})", status_rs.display()), &version, &consts, 60);
    println!("compiled {printed} http::StatusCode consts named by symbols.csv");
}

// ---------------------------------------------------------------------------
// Java: java.net.HttpURLConnection and HttpComponents' HttpStatus

struct JavaConstant {
    value: i64,
    deprecated: bool,
}

/// `public static final int` constants of a class, from `javap -v`.
fn javap_int_constants(classpath: Option<&str>, class: &str) -> BTreeMap<String, JavaConstant> {
    require_tool("javap", &format!("{INSTALL} (apt-get install openjdk-17-jdk-headless)"));
    let mut command = Command::new("javap");
    command.arg("-v");
    if let Some(classpath) = classpath {
        command.args(["-cp", classpath]);
    }
    let output = stdout(command.arg(class));

    let mut constants = BTreeMap::new();
    let mut current: Option<(String, JavaConstant)> = None;
    for line in output.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix("public static final int ").and_then(|rest| rest.strip_suffix(';')) {
            current = Some((name.to_owned(), JavaConstant { value: i64::MIN, deprecated: false }));
        } else if trimmed.is_empty() || trimmed.starts_with("public ") || trimmed.starts_with("private ") {
            if let Some((name, constant)) = current.take() {
                assert_ne!(constant.value, i64::MIN, "{class}.{name} has no ConstantValue");
                constants.insert(name, constant);
            }
        } else if let Some((_, constant)) = current.as_mut() {
            if let Some(value) = trimmed.strip_prefix("ConstantValue: int ") {
                constant.value = value.parse().expect("int constant");
            } else if trimmed == "Deprecated: true" {
                constant.deprecated = true;
            }
        }
    }
    constants
}

fn values(constants: &BTreeMap<String, JavaConstant>) -> BTreeMap<String, i64> {
    constants.iter().map(|(name, constant)| (name.clone(), constant.value)).collect()
}

#[test]
fn java_http_url_connection_constants_equal_symbols() {
    let version = stdout(Command::new("javap").arg("-version")).trim().to_owned();
    assert_installed_version("java", &version);
    let constants = javap_int_constants(None, "java.net.HttpURLConnection");
    let theirs: BTreeMap<String, i64> =
        values(&constants).into_iter().filter(|(name, _)| name.starts_with("HTTP_")).collect();
    compare_names("java", &format!("java.net.HttpURLConnection of JDK {version}"), &version, &theirs, 30);

    // The JDK marks its second name for 500 @Deprecated; symbols.csv calls that an alias.
    let deprecated: BTreeSet<String> =
        constants.iter().filter(|(_, constant)| constant.deprecated).map(|(name, _)| name.clone()).collect();
    assert_eq!(aliases("java"), deprecated, "java aliases in symbols.csv (left) vs @Deprecated constants (right)");
}

/// The Debian packages tests/upstream/install.sh unpacks under
/// /opt/netcodes-upstream/deb/<suite>/<package>: the root of each, by the
/// upstream version it holds.
fn unpacked_debs(package: &str) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    for suite in ["bookworm", "trixie", "sid"] {
        let root = Path::new("/opt/netcodes-upstream/deb").join(suite).join(package);
        let Ok(control) = std::fs::read_to_string(root.join("DEBIAN/control")) else { continue };
        let version = control.lines().find_map(|l| l.strip_prefix("Version: ")).expect("Version in DEBIAN/control");
        let version = version.split_once(':').map_or(version, |(_, rest)| rest);
        found.insert(version.split(['+', '-', '~']).next().unwrap_or_default().to_owned(), root);
    }
    found
}

/// Where each release system.toml lists for an ecosystem is installed: the
/// machine's own Debian package, or one unpacked by the install script.
fn release_roots(ecosystem: &str, package: &str) -> Vec<(String, PathBuf)> {
    require_tool("dpkg-query", "Debian's dpkg");
    let mut available = unpacked_debs(package);
    available.insert(debian_upstream_version(package), PathBuf::from("/"));
    data_versions(ecosystem)
        .into_iter()
        .map(|version| {
            let root = available.get(&version).cloned().unwrap_or_else(|| {
                panic!(
                    "{ecosystem} {version} (data/http/system.toml) is not installed; Debian has {:?} ({INSTALL}): \
                     check the names of the release Debian has now and update system.toml's versions",
                    available.keys().collect::<Vec<_>>()
                )
            });
            (version, root)
        })
        .collect()
}

/// Every HttpComponents release system.toml lists: its constants, and which
/// are @Deprecated (symbols.csv's deprecated_since), the others being primary.
#[test]
fn httpcomponents_http_status_constants_equal_symbols_in_every_release() {
    let releases = release_roots("httpcomponents", "libhttpcore5-java");
    assert!(releases.len() >= 2, "httpcomponents releases checked: {releases:?}");
    for (version, root) in releases {
        check_httpcomponents(&version, &root.join("usr/share/java/httpcore5.jar"));
    }
}

fn check_httpcomponents(version: &str, jar: &Path) {
    assert!(jar.is_file(), "{} is missing; `cargo xtask test` installs it with: {INSTALL}", jar.display());
    let constants = javap_int_constants(Some(&jar.to_string_lossy()), "org.apache.hc.core5.http.HttpStatus");

    // The first code of each class, as class markers rather than statuses.
    const CLASS_MARKERS: [&str; 5] =
        ["SC_INFORMATIONAL", "SC_SUCCESS", "SC_REDIRECTION", "SC_CLIENT_ERROR", "SC_SERVER_ERROR"];
    for marker in CLASS_MARKERS {
        assert!(constants.contains_key(marker), "HttpStatus.{marker} is gone; update CLASS_MARKERS");
    }
    let theirs: BTreeMap<String, i64> = values(&constants)
        .into_iter()
        .filter(|(name, _)| name.starts_with("SC_") && !CLASS_MARKERS.contains(&name.as_str()))
        .collect();
    let label = format!("HttpComponents Core {version} HttpStatus");
    compare_names("httpcomponents", &label, version, &theirs, 60);
    let deprecated: BTreeSet<String> =
        constants.iter().filter(|(_, c)| c.deprecated).map(|(name, _)| name.clone()).collect();
    assert_eq!(
        deprecated_in("httpcomponents", version),
        deprecated,
        "{label}: names symbols.csv deprecates by {version} (left) vs @Deprecated constants (right)"
    );
    let primary: BTreeSet<String> = theirs.keys().filter(|name| !deprecated.contains(*name)).cloned().collect();
    compare_primary("httpcomponents", &label, version, &primary);
}

// ---------------------------------------------------------------------------
// Go: net/http

#[test]
fn go_net_http_status_constants_equal_symbols() {
    require_tool("go", &format!("{INSTALL} (apt-get install golang-go)"));
    let probe = scratch_dir("upstream_http_go_probe");
    let cache = repo_root().join("target/upstream-probe/go");
    let go = |args: &[&str]| {
        let mut command = Command::new("go");
        command
            .args(args)
            .current_dir(&probe)
            // Standard library only, no module: keep the build cache in target/.
            .env("GOCACHE", cache.join("cache"))
            .env("GOPATH", cache.join("path"))
            .env("GOFLAGS", "")
            .env("GO111MODULE", "");
        command
    };
    let version = stdout(&mut go(&["env", "GOVERSION"])).trim().trim_start_matches("go").to_owned();
    assert_installed_version("go", &version);

    let rows = symbols("go");
    let prints: String = rows
        .iter()
        .map(|row| format!("\tfmt.Printf(\"%s\\t%d\\n\", {:?}, http.{})\n", row.symbol, row.symbol))
        .collect();
    std::fs::write(
        probe.join("main.go"),
        format!("// Generated by tests/upstream_http.rs.\npackage main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() {{\n{prints}}}\n"),
    )
    .expect("write main.go");
    assert_printed(&stdout(&mut go(&["run", "main.go"])), &rows, &format!("net/http of Go {version}"));

    // The other direction: every Status constant in the standard library source.
    let goroot = stdout(&mut go(&["env", "GOROOT"])).trim().to_owned();
    let status_go = Path::new(&goroot).join("src/net/http/status.go");
    let source = std::fs::read_to_string(&status_go).expect("read net/http/status.go");
    let mut consts = BTreeMap::new();
    for line in source.lines() {
        let Some((name, rest)) = line.trim().split_once('=') else { continue };
        let name = name.trim();
        let value = rest.split("//").next().unwrap_or_default().trim();
        if name.starts_with("Status") && !name.contains(' ') {
            if let Ok(value) = value.parse() {
                consts.insert(name.to_owned(), value);
            }
        }
    }
    compare_names("go", &format!("Go {version} {}", status_go.display()), &version, &consts, 60);
}

// ---------------------------------------------------------------------------
// Angular: HttpStatusCode

#[test]
fn angular_http_status_code_equals_symbols() {
    let package = Path::new(NPM_PREFIX).join("@angular/common");
    let manifest = std::fs::read_to_string(package.join("package.json")).unwrap_or_else(|_| {
        panic!("@angular/common is not installed in {NPM_PREFIX}; `cargo xtask test` installs it with: {INSTALL}")
    });
    let version = manifest
        .lines()
        .find_map(|line| line.trim().strip_prefix("\"version\": \""))
        .and_then(|rest| rest.split('"').next())
        .expect("version in @angular/common/package.json")
        .to_owned();
    assert_installed_version("angular", &version);

    // Which bundle declares the enum changes between releases; find it by content.
    let declarations: Vec<(PathBuf, String)> = files_under(&package)
        .into_iter()
        .filter(|path| path.to_string_lossy().ends_with(".d.ts"))
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let start = text.find("enum HttpStatusCode {")?;
            let body = &text[start + "enum HttpStatusCode {".len()..];
            Some((path, body[..body.find('}')?].to_owned()))
        })
        .collect();
    let [(path, body)] = declarations.as_slice() else {
        panic!("expected one .d.ts declaring enum HttpStatusCode, found {}", declarations.len())
    };

    let mut theirs = BTreeMap::new();
    for member in body.split(',').map(str::trim).filter(|member| !member.is_empty()) {
        let (name, value) = member.split_once('=').unwrap_or_else(|| panic!("HttpStatusCode member `{member}`"));
        theirs.insert(name.trim().to_owned(), value.trim().parse().unwrap_or_else(|_| panic!("`{member}`")));
    }
    compare_names("angular", &format!("@angular/common {version} {}", path.display()), &version, &theirs, 60);
}

// ---------------------------------------------------------------------------
// Symfony and Rails (Rack), from Debian

#[test]
fn symfony_response_constants_equal_symbols() {
    require_tool("php", &format!("{INSTALL} (apt-get install php-cli php-symfony-http-foundation)"));
    let version = debian_upstream_version("php-symfony-http-foundation");
    assert_installed_version("symfony", &version);
    let autoload = "/usr/share/php/Symfony/Component/HttpFoundation/autoload.php";
    let script = repo_root().join("tests/upstream/symfony_response.php");
    let output = stdout(Command::new("php").arg(script).arg(autoload));
    let rows: Vec<Vec<String>> = output.lines().map(|line| line.split('\t').map(str::to_owned).collect()).collect();
    compare_names("symfony", &format!("Symfony HttpFoundation {version} Response"), &version, &name_values(&rows), 60);
}

/// Every Rack release system.toml lists: SYMBOL_TO_STATUS_CODE holds the
/// primary names; `status_code` accepts every name the release has (older
/// ones through its fallback), and warns only for names symbols.csv says it
/// deprecates.
#[test]
fn rack_status_symbols_equal_symbols_in_every_release() {
    require_tool("ruby", &format!("{INSTALL} (apt-get install ruby ruby-rack)"));
    let releases = release_roots("rails", "ruby-rack");
    assert!(releases.len() >= 3, "Rack releases checked: {releases:?}");
    let names: Vec<String> = symbols("rails").into_iter().map(|row| row.symbol).collect();
    for (version, root) in releases {
        let lib = root.join(format!("usr/share/rubygems-integration/all/gems/rack-{version}/lib"));
        assert!(lib.is_dir(), "{} is missing; {INSTALL}", lib.display());
        let script = repo_root().join("tests/upstream/rack_status.rb");
        let tagged =
            tagged_lines(&stdout(Command::new("ruby").arg("-I").arg(&lib).arg(script).args(names.iter().map(|n| ruby_symbol_text(n)))));
        assert_eq!(tagged["version"][0][0], version, "{} is not Rack {version}", lib.display());
        let label = format!("Rack {version}");
        let table = name_values(&tagged["symbol"]);
        compare_primary("rails", &format!("{label} SYMBOL_TO_STATUS_CODE"), &version, &table.keys().cloned().collect());
        // What status_code() accepts: every name of the release.
        let accepted: BTreeMap<String, i64> = tagged["accepts"]
            .iter()
            .map(|row| (row[0].clone(), row[1].parse().expect("numeric status")))
            .chain(table.clone())
            .collect();
        compare_names("rails", &format!("{label} status_code()"), &version, &accepted, 60);
        let warned: BTreeSet<String> =
            tagged["accepts"].iter().filter(|row| row[2] == "warns").map(|row| row[0].clone()).collect();
        let deprecated = deprecated_in("rails", &version);
        let undeclared: Vec<&String> = warned.difference(&deprecated).collect();
        assert!(undeclared.is_empty(), "{label} warns about {undeclared:?}, which symbols.csv does not deprecate by then");
        println!("{label}: warns about {warned:?}; symbols.csv deprecates {deprecated:?}");
    }
}

/// `:"(unused)"` as the text of the symbol (`(unused)`), for the probe's arguments.
fn ruby_symbol_text(name: &str) -> String {
    let bare = name.strip_prefix(':').unwrap_or(name);
    bare.strip_prefix('"').and_then(|b| b.strip_suffix('"')).unwrap_or(bare).to_owned()
}

// ---------------------------------------------------------------------------
// Registry reason phrases

/// Registry rows of data/http: code to RFC 9110 reason phrase.
fn iana_reasons() -> BTreeMap<i64, String> {
    let model = model();
    let http = system(&model, "http");
    let iana = http.sources.iter().position(|source| source.id == "iana").expect("the iana source");
    let reasons: BTreeMap<i64, String> = http
        .codes
        .iter()
        .chain(&http.retired)
        .filter(|code| code.source == iana)
        .map(|code| (code.value, code.upstream_name.clone()))
        .collect();
    assert!(reasons.len() >= 60, "only {} registry rows in data/http", reasons.len());
    reasons
}

/// A library may still use an older phrase: ours or a reason_history one.
/// `own_spellings` are phrases no RFC ever used that the library is known to
/// have; each must still be there, so that the list shrinks when it is fixed.
fn check_phrases(library: &str, theirs: &BTreeMap<i64, String>, own_spellings: &[(i64, &str)]) -> usize {
    let ours = iana_reasons();
    let history = reason_history();
    let mut problems = Vec::new();
    let mut compared = 0;
    for (code, phrase) in theirs {
        let Some(reason) = ours.get(code) else {
            problems.push(format!("{code} {phrase:?}: {library} has it, data/http has no registry row"));
            continue;
        };
        compared += 1;
        let former = history.get(code).map(Vec::as_slice).unwrap_or_default();
        if own_spellings.contains(&(*code, phrase.as_str())) {
            println!("{code}: {library} spells it {phrase:?}, an RFC never did (data/http: {reason:?})");
        } else if phrase != reason && !former.contains(phrase) {
            problems.push(format!("{code}: {library} says {phrase:?}; data/http has {reason:?}, formerly {former:?}"));
        }
    }
    for (code, phrase) in own_spellings {
        assert_eq!(
            theirs.get(code).map(String::as_str),
            Some(*phrase),
            "{library} no longer says {phrase:?} for {code}: drop it from the test's list of its own spellings"
        );
    }
    let lacking: Vec<String> = ours
        .iter()
        .filter(|(code, _)| !theirs.contains_key(code))
        .map(|(code, reason)| format!("{code} {reason}"))
        .collect();
    assert!(problems.is_empty(), "reason phrases of {library} disagree with data/http:\n{}", problems.join("\n"));
    println!(
        "compared {compared} registry reason phrases with {library}; it lacks {} registry codes: {}",
        lacking.len(),
        lacking.join(", ")
    );
    compared
}

#[test]
fn registry_reason_phrases_agree_with_python() {
    require_tool("python3", "apt-get install python3");
    let python = python_http_status(Path::new("python3"));
    let compared = check_phrases(&format!("http.HTTPStatus of Python {}", python.version), &python.phrases, &[]);
    assert!(compared >= 60, "only {compared} phrases compared");
}

#[test]
fn registry_reason_phrases_agree_with_the_http_crate() {
    let phrases: BTreeMap<i64, String> = (100..=999u16)
        .filter_map(|code| {
            let reason = http::StatusCode::from_u16(code).ok()?.canonical_reason()?;
            Some((i64::from(code), reason.to_owned()))
        })
        .collect();
    // The crate drops the hyphen of RFC 9110's "Non-Authoritative Information".
    let own_spellings = [(203, "Non Authoritative Information")];
    let library = format!("http {} canonical_reason()", data_version("rust_http"));
    let compared = check_phrases(&library, &phrases, &own_spellings);
    assert!(compared >= 60, "only {compared} phrases compared");
}

// ---------------------------------------------------------------------------
// Vendors' own phrases

/// nginx's phrases for its own codes are the pages it sends with them
/// (`<center>Request Header Or Cookie Too Large</center>` under a 400), read
/// here from the nginx binary Debian ships. nginx has no page, and so no
/// phrase, for 444 and 499: those rows have none.
#[test]
fn nginx_phrases_are_the_pages_nginx_sends() {
    let binary = Path::new("/opt/netcodes-upstream/deb/bookworm/nginx/usr/sbin/nginx");
    let bytes = std::fs::read(binary).unwrap_or_else(|err| panic!("{}: {err}; {INSTALL}", binary.display()));
    let contains = |needle: &str| bytes.windows(needle.len()).any(|window| window == needle.as_bytes());
    let model = model();
    let http = system(&model, "http");
    let nginx = http.sources.iter().position(|s| s.id == "nginx").expect("the nginx source");
    let rows: Vec<_> = http.codes.iter().filter(|code| code.source == nginx).collect();
    assert!(rows.len() >= 6, "only {} nginx rows", rows.len());
    for row in rows {
        if row.upstream_name.is_empty() {
            assert!(
                !contains(&format!("<title>{} ", row.value)),
                "nginx has a page for {}: give the row its phrase",
                row.value
            );
        } else {
            // The four codes nginx logs but answers as 400 Bad Request.
            let page = format!("<title>400 {}</title>", row.upstream_name);
            let body = format!("<center>{}</center>", row.upstream_name);
            assert!(contains(&page) && contains(&body), "{} {:?} is not a page of {}", row.value, row.upstream_name, binary.display());
        }
        println!("nginx {}: {:?}", row.value, row.upstream_name);
    }
}
