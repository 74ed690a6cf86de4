//! generated/typescript as a JavaScript and TypeScript user meets it.
//!
//! - `node --test` (tests/typescript/package.test.mjs) checks every meaning of
//!   every code, every name of the name indexes, every pasted spelling
//!   `fromName` must accept, every mapping rule and every retry decision
//!   against expectations written here from the model; once on
//!   generated/typescript and once on the package npm installed.
//! - `npm pack`, then `npm install` of the tarball into a fresh project: the
//!   tarball holds exactly the package's files, installs with no dependency,
//!   runs by its entry points and refuses its internal module.
//! - `tsc --strict` (pinned) accepts tests/typescript/usage.ts against the
//!   installed package and rejects tests/typescript/misuse.ts with exactly the
//!   errors its comments name, under Node's and bundlers' module resolution.
//! - Headless Chromium imports the ESM build from a local HTTP server and
//!   reads every code and mapping rule back, as tests/conformance.rs does in
//!   Node.
//! - esbuild keeps one system of a program that imports one, no mapping table
//!   it does not call, and no vocabulary text it does not read.
//! - The npm packages people use today (statuses, http-status-codes,
//!   http-status, chromium-net-errors) agree with data/ on shared codes, but
//!   for the disagreements pinned in tests/typescript/incumbents.txt.
//! - The README's Electron and Express examples and the docs introduction's
//!   example run.
//!
//! The tools live at fixed paths that tests/typescript/install.sh fills; a
//! missing tool or a version other than the script's pin fails the test
//! with the install command.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use codegen::model::{DecisionRule, Model, System};
use conformance::readback::{self, file_url, probes};
use conformance::server::Server;
use conformance::{by_folded_name, by_name, copy_dir, install_pin, model, repo_root, require_tool, run, scratch_dir, snapshot, stdout, system};
use serde_json::{Value, json};

const PREFIX: &str = "/opt/netcodes-typescript";
const INSTALL: &str = "bash tests/typescript/install.sh";

fn fixtures() -> PathBuf {
    repo_root().join("tests/typescript")
}

fn package_dir() -> PathBuf {
    repo_root().join("generated/typescript")
}

/// A pin from tests/typescript/install.sh (`typescript_version=7.0.2`), the one place versions are set.
fn pin(key: &str) -> String {
    install_pin("typescript", key)
}

/// The installed version of an npm package under the prefix.
fn installed_version(package: &str) -> Option<String> {
    let text = std::fs::read_to_string(Path::new(PREFIX).join("node_modules").join(package).join("package.json")).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    json["version"].as_str().map(str::to_owned)
}

/// The npm packages install.sh pins, each installed at its pin; answers the prefix's node_modules.
fn node_modules() -> PathBuf {
    static CHECKED: OnceLock<PathBuf> = OnceLock::new();
    CHECKED
        .get_or_init(|| {
            require_tool("node", "apt-get install nodejs npm");
            require_tool("npm", "apt-get install npm");
            for (package, key) in [
                ("typescript", "typescript"),
                ("esbuild", "esbuild"),
                ("statuses", "statuses"),
                ("http-status-codes", "http_status_codes"),
                ("http-status", "http_status"),
                ("chromium-net-errors", "chromium_net_errors"),
                ("express", "express"),
            ] {
                let wanted = pin(key);
                let found = installed_version(package);
                assert_eq!(
                    found.as_deref(),
                    Some(wanted.as_str()),
                    "{package} {wanted} is not installed under {PREFIX}; install it with: {INSTALL}"
                );
            }
            Path::new(PREFIX).join("node_modules")
        })
        .clone()
}

fn tool(name: &str) -> PathBuf {
    node_modules().join(".bin").join(name)
}

// ---------------------------------------------------------------------------
// What the model says: the expectations package.test.mjs checks.

/// What the forgiving name lookup answers, by the steps of the API vocabulary
/// (trim ASCII whitespace; the exact index; strip one lookup prefix, ignoring
/// ASCII case; the ASCII-folded index), over the model's own indexes.
fn forgiving(system: &System, text: &str) -> Option<i64> {
    let trimmed = text.trim_matches([' ', '\t', '\r', '\n']);
    if let Some(value) = by_name(system, trimmed) {
        return Some(value);
    }
    let mut rest = trimmed;
    for prefix in &system.lookup_prefixes {
        if rest.len() >= prefix.len()
            && rest.is_char_boundary(prefix.len())
            && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            rest = &rest[prefix.len()..];
            break;
        }
    }
    by_folded_name(system, rest)
}

/// The properties of a code object, in order: the API's contract.
fn properties(system: &System) -> Vec<String> {
    let mut names: Vec<String> = ["value", "ident", "name"].map(str::to_owned).to_vec();
    names.extend(system.js_name_alias.iter().cloned());
    names.extend(
        ["description", "category", "retry", "status", "group", "source", "primary", "since", "reference"].map(str::to_owned),
    );
    names.extend(system.flags.iter().map(|f| f.js_property.clone()));
    names.push("meanings".to_owned());
    names
}

/// The texts people paste that `fromName` is asked about: every name of both
/// indexes as it is, in either ASCII case, padded with whitespace, behind each
/// prefix; and near misses.
fn pasted_names(system: &System) -> Vec<String> {
    let mut texts: BTreeSet<String> = BTreeSet::new();
    for (name, _) in system.names.iter().chain(&system.folded) {
        texts.insert(name.clone());
        texts.insert(name.to_ascii_uppercase());
        texts.insert(name.to_ascii_lowercase());
        texts.insert(format!(" \t{name}\r\n"));
        texts.insert(format!("{name}x"));
        texts.insert(format!("\u{a0}{name}"));
        for prefix in &system.lookup_prefixes {
            texts.insert(format!("{prefix}{name}"));
            texts.insert(format!(" {}{}\n", prefix.to_ascii_uppercase(), name.to_ascii_lowercase()));
            texts.insert(format!("{prefix}{prefix}{name}"));
        }
    }
    for odd in ["", " ", "\t\r\n", "x", "not a name"] {
        texts.insert(odd.to_owned());
    }
    for prefix in &system.lookup_prefixes {
        texts.insert(prefix.clone());
    }
    texts.into_iter().collect()
}

/// What `retryDecision(retry, options)` answers, by the API vocabulary's formula:
/// retry per the class's rule, after = max(delay, Retry-After) when retrying,
/// a new connection when retrying and the class says so.
fn decision(model: &Model, retry: &str, idempotent: Option<bool>, retry_after: Option<f64>) -> Value {
    let term = model.vocabulary.retries.iter().find(|t| t.id == retry).expect("a retry class");
    let decision = term.decision.expect("every retry class decides");
    let present = retry_after.filter(|s| *s >= 0.0);
    let retry = match decision.rule {
        DecisionRule::No => false,
        DecisionRule::Yes => true,
        DecisionRule::IfIdempotent => idempotent == Some(true),
        DecisionRule::IfRetryAfter => present.is_some(),
    };
    let after = if retry { f64::from(decision.delay).max(present.unwrap_or(0.0)) } else { 0.0 };
    // Whole seconds as JSON integers, as JavaScript prints them.
    let after = if after.fract() == 0.0 { json!(after as i64) } else { json!(after) };
    json!({"retry": retry, "after": after, "newConnection": retry && decision.new_connection})
}

fn expectations(model: &Model) -> Value {
    let vocab = &model.vocabulary;
    let terms = |terms: &[codegen::model::Term]| -> Vec<Value> {
        terms.iter().map(|t| json!({"id": t.id, "title": t.title, "description": t.description})).collect()
    };
    let retries: Vec<Value> = vocab
        .retries
        .iter()
        .map(|t| {
            let d = t.decision.expect("every retry class decides");
            json!({"id": t.id, "title": t.title, "description": t.description, "decision": d.rule.id(),
                   "delay": d.delay, "newConnection": d.new_connection})
        })
        .collect();
    let systems: Vec<Value> = model.systems.iter().map(|s| system_expectations(model, s)).collect();
    let mappings: Vec<Value> = model
        .mappings
        .iter()
        .map(|mapping| {
            let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
            let mut values: BTreeSet<i64> = probes(from).into_iter().collect();
            values.extend(readback::mapping_probes(model).iter().filter(|(m, _)| m.id == mapping.id).map(|(_, v)| *v));
            values.extend(mapping.rules.iter().flat_map(|r| [r.lo, r.hi, r.lo - 1, r.hi + 1]));
            // A JavaScript number holds integers exactly up to 2^53 - 1; a
            // range may end beyond (HTTP/3 codes reach 2^62 - 1).
            const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;
            values.retain(|v| v.abs() <= MAX_SAFE_INTEGER);
            let probes: Vec<Value> = values
                .iter()
                .map(|&value| match mapping.rule_for(value) {
                    Some(rule) => json!([value, to.codes[rule.to_row].ident, vocab.mapping_kinds[rule.kind].id,
                                         (!rule.note.is_empty()).then_some(&rule.note)]),
                    None => json!([value, null, null, null]),
                })
                .collect();
            json!({"id": mapping.id, "to": to.id, "function": mapping.js_function, "rules": mapping.rules.len(), "probes": probes})
        })
        .collect();
    let mut retry = Vec::new();
    for term in &vocab.retries {
        for idempotent in [None, Some(false), Some(true)] {
            for retry_after in [None, Some(0.0), Some(5.0), Some(3600.0), Some(-1.0)] {
                let mut options = serde_json::Map::new();
                if let Some(i) = idempotent {
                    options.insert("idempotent".into(), json!(i));
                }
                if let Some(s) = retry_after {
                    options.insert("retryAfter".into(), json!(s));
                }
                retry.push(json!([term.id, options, decision(model, &term.id, idempotent, retry_after)]));
            }
        }
    }
    json!({
        "version": model.version,
        "vocabulary": {"categories": terms(&vocab.categories), "retries": retries,
                       "statuses": terms(&vocab.statuses), "mappingKinds": terms(&vocab.mapping_kinds)},
        "systems": systems,
        "mappings": mappings,
        "retry": retry,
    })
}

fn system_expectations(model: &Model, system: &System) -> Value {
    let vocab = &model.vocabulary;
    let optional = |text: Option<&str>| text.filter(|t| !t.is_empty()).map(str::to_owned);
    let codes: Vec<Value> = system
        .codes
        .iter()
        .map(|code| {
            let flags: serde_json::Map<String, Value> =
                system.flags.iter().zip(&code.flags).map(|(f, on)| (f.js_property.clone(), json!(on))).collect();
            let name = optional(Some(&code.name));
            json!({
                "value": code.value,
                "ident": code.ident,
                "name": name,
                "alias": if system.js_name_alias.is_some() { json!(name) } else { Value::Null },
                "description": code.description,
                "category": vocab.categories[code.category].id,
                "retry": vocab.retries[code.retry].id,
                "status": vocab.statuses[code.status].id,
                "group": system.groups[code.group].id,
                "source": system.sources[code.source].id,
                "primary": code.primary,
                "since": optional(code.since.as_deref()),
                "reference": optional(code.reference.as_deref()),
                "flags": flags,
                "meanings": system.meanings(code.value).iter().map(|m| m.ident.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let probes: Vec<Value> = probes(system)
        .into_iter()
        .map(|value| {
            let meanings: Vec<&str> = system.meanings(value).iter().map(|m| m.ident.as_str()).collect();
            json!([value, system.primary(value).map(|c| &c.ident), meanings, system.retired_code(value).is_some()])
        })
        .collect();
    let mut exact: Vec<Value> = system.names.iter().map(|(name, _)| json!([name, by_name(system, name)])).collect();
    for (name, _) in system.folded.iter().take(50) {
        let padded = format!(" {name}");
        exact.push(json!([padded, by_name(system, &padded)]));
        exact.push(json!([name.to_ascii_uppercase(), by_name(system, &name.to_ascii_uppercase())]));
    }
    let forgiving: Vec<Value> = pasted_names(system).iter().map(|text| json!([text, forgiving(system, text)])).collect();
    json!({
        "id": system.id,
        "type_name": system.type_name,
        "alias": system.js_name_alias,
        "flags": system.flags.iter().map(|f| f.js_property.as_str()).collect::<Vec<_>>(),
        "properties": properties(system),
        "system": {"id": system.id, "title": system.title, "upstream": system.upstream, "version": system.version, "url": system.url},
        "groups": system.groups.iter().map(|g| json!({"id": g.id, "title": g.title, "description": (!g.description.is_empty()).then_some(&g.description), "min": g.min, "max": g.max})).collect::<Vec<_>>(),
        "codes": codes,
        "probes": probes,
        "exact": exact,
        "forgiving": forgiving,
    })
}

/// Runs package.test.mjs (copied to `dir`, so that `netcodes` resolves from
/// there) with the TAP reporter; answers its diagnostics after checking that
/// every test passed.
fn node_test(dir: &Path, package: Option<&Path>) -> Vec<String> {
    let model = model();
    let expected = dir.join("expected.json");
    std::fs::write(&expected, serde_json::to_string(&expectations(&model)).expect("JSON")).expect("write expectations");
    let test_file = dir.join("package.test.mjs");
    std::fs::copy(fixtures().join("package.test.mjs"), &test_file).expect("copy package.test.mjs");
    let mut command = Command::new("node");
    command.args(["--test", "--test-reporter=tap"]).arg(&test_file).current_dir(dir).env("NETCODES_EXPECTED", &expected);
    if let Some(package) = package {
        command.env("NETCODES_PACKAGE", format!("{}/", file_url(package)));
    }
    let output = command.output().expect("run node --test");
    let tap = String::from_utf8_lossy(&output.stdout).into_owned();
    let count = |key: &str| -> usize {
        tap.lines().find_map(|l| l.strip_prefix(&format!("# {key} "))).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
    };
    assert!(
        output.status.success() && count("fail") == 0 && count("pass") > 0,
        "node --test failed ({}):\n{tap}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let expected_tests = 5 * model.systems.len() + model.mappings.len() + 2;
    assert_eq!(count("tests"), expected_tests, "node --test ran another number of tests:\n{tap}");
    tap.lines()
        .filter_map(|l| l.trim_start().strip_prefix("# "))
        .filter(|l| l.contains(':') && !l.starts_with("Subtest"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn node_test_checks_every_fact_against_the_model() {
    let dir = scratch_dir("typescript-node-test");
    let diagnostics = node_test(&dir, Some(&package_dir()));
    println!("node --test on generated/typescript:\n  {}", diagnostics.join("\n  "));
}

// ---------------------------------------------------------------------------
// The package as npm packs and installs it.

struct Project {
    dir: PathBuf,
    files: Vec<String>,
}

/// `npm pack` of generated/typescript, installed into a fresh project.
fn project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        node_modules();
        let scratch = scratch_dir("typescript-package");
        let before = snapshot(&package_dir());
        let packed = stdout(
            Command::new("npm")
                .args(["pack", "--json", "--no-update-notifier", "--pack-destination"])
                .arg(&scratch)
                .current_dir(package_dir()),
        );
        assert_eq!(snapshot(&package_dir()), before, "npm pack changed generated/typescript");
        let packed: Value = serde_json::from_str(&packed).expect("npm pack --json");
        let tarball = scratch.join(packed[0]["filename"].as_str().expect("a filename"));
        let mut files: Vec<String> =
            packed[0]["files"].as_array().expect("files").iter().map(|f| f["path"].as_str().expect("path").to_owned()).collect();
        files.sort();

        let dir = scratch.join("project");
        std::fs::create_dir_all(&dir).expect("project dir");
        std::fs::write(dir.join("package.json"), "{\"name\": \"uses-netcodes\", \"private\": true, \"type\": \"module\"}\n")
            .expect("write package.json");
        run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--no-update-notifier"])
            .arg(&tarball)
            .current_dir(&dir));
        // The package has no dependency: npm installed it and nothing else.
        let mut installed: Vec<String> = std::fs::read_dir(dir.join("node_modules"))
            .expect("node_modules")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        installed.sort();
        assert_eq!(installed, ["netcodes"], "installing the packed tarball brought in other packages");
        Project { dir, files }
    })
}

#[test]
fn npm_pack_installs_into_a_fresh_project_with_no_dependency_and_runs() {
    let model = model();
    let project = project();
    let mut wanted: Vec<String> = ["package.json", "README.md", "LICENSE", "_core.js", "index.js", "index.d.ts"]
        .map(str::to_owned)
        .to_vec();
    for system in &model.systems {
        wanted.push(format!("{}.js", system.id));
        wanted.push(format!("{}.d.ts", system.id));
    }
    wanted.sort();
    assert_eq!(project.files, wanted, "the tarball holds other files than the package's");

    // Nothing but netcodes was installed: it has no dependency.
    let installed: Vec<String> = std::fs::read_dir(project.dir.join("node_modules"))
        .expect("node_modules")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(installed, ["netcodes"], "npm installed more than netcodes");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(project.dir.join("node_modules/netcodes/package.json")).expect("installed package.json"),
    )
    .expect("JSON");
    assert_eq!(manifest["version"], json!(model.version));
    assert_eq!(manifest["dependencies"], json!({}));
    assert_eq!(manifest["type"], json!("module"));

    // By its entry points, as a program imports it; the internal module is not one.
    let chromium = system(&model, "chromium");
    let example = &chromium.codes[chromium.example];
    let script = format!(
        "import {{ version, retryDecision }} from \"netcodes\";\n\
         import {{ lookup, fromName }} from \"netcodes/{id}\";\n\
         const code = lookup({value});\n\
         console.log([version, code.name, code.description, fromName(\" net::{lower} \")?.value, retryDecision(code).retry].join(\"\\t\"));\n\
         try {{ await import(\"netcodes/_core.js\"); console.log(\"internal module imported\"); }}\n\
         catch (error) {{ console.log(error.code); }}\n",
        id = chromium.id,
        value = example.value,
        lower = example.name.to_ascii_lowercase(),
    );
    std::fs::write(project.dir.join("run.mjs"), script).expect("write run.mjs");
    let output = stdout(Command::new("node").arg("run.mjs").current_dir(&project.dir));
    let retry = decision(&model, &model.vocabulary.retries[example.retry].id, None, None)["retry"].to_string();
    let expected = format!(
        "{}\t{}\t{}\t{}\t{retry}\nERR_PACKAGE_PATH_NOT_EXPORTED\n",
        model.version, example.name, example.description, example.value
    );
    assert_eq!(output, expected);

    // And every fact again, through the installed package.
    let diagnostics = node_test(&project.dir, None);
    println!("npm pack: {} files; node --test on the installed package:\n  {}", project.files.len(), diagnostics.join("\n  "));
}

/// tsc's errors as (file, line, code), from `--pretty false` output.
fn tsc_errors(output: &str) -> BTreeSet<(String, usize, String)> {
    output
        .lines()
        .filter_map(|line| {
            let (location, rest) = line.split_once("): error ")?;
            let (file, position) = location.split_once('(')?;
            let row = position.split(',').next()?.parse().ok()?;
            let code = rest.split(':').next()?.to_owned();
            Some((file.to_owned(), row, code))
        })
        .collect()
}

/// The errors misuse.ts marks with `// error TSxxxx`.
fn marked_errors(file: &str, text: &str) -> BTreeSet<(String, usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let code = line.split("// error ").nth(1)?.trim();
            let numbered = code.strip_prefix("TS").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            numbered.then(|| (file.to_owned(), i + 1, code.to_owned()))
        })
        .collect()
}

#[test]
fn tsc_strict_accepts_the_usage_file_and_rejects_each_misuse() {
    let project = project();
    let tsc = tool("tsc");
    let version = stdout(Command::new(&tsc).arg("--version"));
    assert_eq!(version.trim(), format!("Version {}", pin("typescript")), "tsc is not the pinned version; {INSTALL}");
    for file in ["usage.ts", "misuse.ts"] {
        std::fs::copy(fixtures().join(file), project.dir.join(file)).expect("copy a TypeScript file");
    }
    let misuse = std::fs::read_to_string(fixtures().join("misuse.ts")).expect("read misuse.ts");
    let marked = marked_errors("misuse.ts", &misuse);
    assert!(marked.len() >= 10, "misuse.ts marks only {} errors", marked.len());
    // Node's resolution (package.json "exports" with types) and a bundler's.
    for (mode, options) in [
        ("nodenext", r#""module": "nodenext", "moduleResolution": "nodenext""#),
        ("bundler", r#""module": "esnext", "moduleResolution": "bundler""#),
    ] {
        for (file, must_pass) in [("usage.ts", true), ("misuse.ts", false)] {
            let config = format!("tsconfig.{mode}.{file}.json");
            std::fs::write(
                project.dir.join(&config),
                format!(
                    "{{\"compilerOptions\": {{\"strict\": true, \"noEmit\": true, \"target\": \"es2022\", {options}, \
                     \"types\": [], \"skipLibCheck\": false, \"noUnusedLocals\": false}}, \"files\": [\"{file}\"]}}\n"
                ),
            )
            .expect("write tsconfig");
            let output = Command::new(&tsc)
                .args(["--pretty", "false", "-p"])
                .arg(&config)
                .current_dir(&project.dir)
                .output()
                .expect("run tsc");
            let text = String::from_utf8_lossy(&output.stdout).into_owned();
            if must_pass {
                assert!(output.status.success(), "tsc --strict ({mode}) rejects {file}:\n{text}");
            } else {
                assert!(!output.status.success(), "tsc --strict ({mode}) accepts {file}");
                assert_eq!(tsc_errors(&text), marked, "tsc ({mode}) reports other errors than misuse.ts marks:\n{text}");
            }
        }
    }
    println!("tsc {} --strict: usage.ts compiles, misuse.ts fails with its {} marked errors (nodenext and bundler resolution)",
        pin("typescript"), marked.len());
}

// ---------------------------------------------------------------------------
// Headless Chromium.

/// The text of the element with `id` in a dumped DOM (its children are text only).
fn element_text(dom: &str, id: &str) -> Option<String> {
    let open = dom.find(&format!("id=\"{id}\""))?;
    let start = open + dom[open..].find('>')? + 1;
    let end = start + dom[start..].find("</")?;
    Some(dom[start..end].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"))
}

#[test]
fn headless_chromium_imports_the_esm_build_and_reads_every_code_back() {
    require_tool("chromium", "bash tests/typescript/install.sh (apt-get install chromium)");
    let model = model();
    let dir = scratch_dir("typescript-browser");
    let site = dir.join("site");
    std::fs::create_dir_all(&site).expect("site dir");
    std::fs::write(
        site.join("reader.mjs"),
        readback::typescript_reader(&model, "/netcodes/", "(text) => { document.getElementById(\"rows\").textContent = text; }"),
    )
    .expect("write reader.mjs");
    let chromium = system(&model, "chromium");
    let example = &chromium.codes[chromium.example];
    std::fs::write(
        site.join("answers.mjs"),
        format!(
            "import {{ retryDecision, version }} from \"/netcodes/index.js\";\n\
             import {{ fromName }} from \"/netcodes/{id}.js\";\n\
             const code = fromName(\"net::{name}\");\n\
             document.getElementById(\"answers\").textContent = [version, code?.value, JSON.stringify(retryDecision(code, {{ idempotent: true }}))].join(\" \");\n",
            id = chromium.id,
            name = example.name,
        ),
    )
    .expect("write answers.mjs");
    std::fs::write(
        site.join("index.html"),
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>netcodes in a browser</title></head>\n\
         <body><pre id=\"rows\">the module did not run</pre><pre id=\"answers\">the module did not run</pre>\n\
         <script type=\"module\" src=\"reader.mjs\"></script><script type=\"module\" src=\"answers.mjs\"></script></body></html>\n",
    )
    .expect("write index.html");
    let server = Server::folders(vec![("/".to_owned(), site), ("/netcodes/".to_owned(), package_dir())]);
    let url = format!("{}index.html", server.base);
    let dom = conformance::dump_dom(&url, &dir.join("profile")).unwrap_or_else(|problem| panic!("{problem}"));

    let rows = element_text(&dom, "rows").unwrap_or_else(|| panic!("no #rows in the DOM:\n{dom}"));
    let got = parse_rows(&rows);
    let expected = readback::expected(&model);
    let differences = readback::differences(&got, &expected);
    assert!(differences.is_empty(), "Chromium reads other rows than data/ says:\n{}", differences.join("\n"));
    let answers = element_text(&dom, "answers").expect("#answers");
    let fields: Vec<&str> = answers.splitn(3, ' ').collect();
    let want = decision(&model, &model.vocabulary.retries[example.retry].id, Some(true), None);
    assert_eq!(fields[..2], [model.version.as_str(), &example.value.to_string()], "answers: {answers}");
    assert_eq!(serde_json::from_str::<Value>(fields[2]).expect("JSON"), want, "answers: {answers}");
    println!("headless Chromium: {} rows read back from the ESM build over HTTP; answers: {answers}", got.len());
}

/// The reader's lines, as readback parses them (it keeps its parser private).
fn parse_rows(text: &str) -> Vec<readback::Row> {
    let unhex = |field: &str| -> Option<String> {
        (field != "-").then(|| {
            let bytes: Vec<u8> =
                (0..field.len()).step_by(2).map(|i| u8::from_str_radix(&field[i..i + 2], 16).expect("hex")).collect();
            String::from_utf8(bytes).expect("UTF-8")
        })
    };
    let mut rows: Vec<readback::Row> = text
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "reader line has six fields: {line:?}");
            readback::Row {
                system: f[0].to_owned(),
                value: f[1].parse().expect("value"),
                name: unhex(f[2]),
                description: unhex(f[3]),
                category: (f[4] != "-").then(|| f[4].to_owned()),
                retry: (f[5] != "-").then(|| f[5].to_owned()),
            }
        })
        .collect();
    rows.sort();
    rows
}

// ---------------------------------------------------------------------------
// Bundling.

/// esbuild --bundle --minify of `source` in the fresh project: the bundle.
fn bundle(project: &Path, name: &str, source: &str) -> String {
    let entry = project.join(format!("{name}.mjs"));
    std::fs::write(&entry, source).expect("write entry");
    let out = project.join(format!("{name}.bundle.js"));
    run(Command::new(tool("esbuild"))
        .arg(&entry)
        .args(["--bundle", "--minify", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", out.display()))
        .current_dir(project));
    std::fs::read_to_string(&out).expect("read bundle")
}

/// The text a bundle holds for a string literal (esbuild may pick other quotes).
fn holds(bundle: &str, text: &str) -> bool {
    let plain: String = text.chars().take(40).collect();
    bundle.contains(&plain)
}

#[test]
fn a_bundler_keeps_only_the_imported_system() {
    let model = model();
    let project = project();
    for system in &model.systems {
        let code = &system.codes[system.example];
        let source = format!(
            "import {{ lookup }} from \"netcodes/{}\";\nconsole.log(lookup({}).description);\n",
            system.id, code.value
        );
        let bundle = bundle(&project.dir, &format!("only-{}", system.id), &source);
        assert!(holds(&bundle, &code.description), "the {} bundle lacks its own description", system.id);
        for other in model.systems.iter().filter(|o| o.id != system.id) {
            let theirs = &other.codes[other.example];
            assert!(!holds(&bundle, &theirs.description), "importing {} also bundled {}", system.id, other.id);
        }
        // A program that never maps keeps no mapping table.
        for mapping in model.mappings.iter().filter(|m| m.to == model.systems.iter().position(|s| s.id == system.id).unwrap_or(usize::MAX)) {
            let note = mapping.rules.iter().map(|r| r.note.as_str()).find(|n| n.len() > 30 && !holds(&code.description, n));
            if let Some(note) = note {
                assert!(!holds(&bundle, note), "{}: lookup() alone bundled the {} table", system.id, mapping.id);
            }
        }
        // Nor the vocabulary's texts, which live in the root module.
        let category = &model.vocabulary.categories[code.category];
        assert!(!holds(&bundle, &category.description), "{}: lookup() alone bundled the vocabulary", system.id);
        println!("esbuild --bundle --minify, lookup() of netcodes/{}: {} bytes", system.id, bundle.len());
    }
    // The retry decision alone keeps no code and no other vocabulary text.
    let bundle = bundle(&project.dir, "only-retry", "import { retryDecision } from \"netcodes\";\nconsole.log(retryDecision(\"safe\"));\n");
    let category = &model.vocabulary.categories[0];
    assert!(!holds(&bundle, &category.description), "retryDecision() alone bundled the categories");
    for system in &model.systems {
        assert!(!holds(&bundle, &system.codes[system.example].description), "retryDecision() alone bundled {}", system.id);
    }
    println!("esbuild --bundle --minify, retryDecision() of netcodes: {} bytes", bundle.len());
}

// ---------------------------------------------------------------------------
// The npm packages netcodes is compared with.

/// One line per disagreement between a package and data/, sorted; and how
/// many facts agreed.
fn incumbent_disagreements(model: &Model) -> (Vec<String>, BTreeMap<String, usize>) {
    let output = stdout(Command::new("node").arg(fixtures().join("incumbents.mjs")).arg(node_modules()));
    let http = system(model, "http");
    let chromium = system(model, "chromium");
    let mut lines = BTreeSet::new();
    let mut agreed: BTreeMap<String, usize> = BTreeMap::new();
    let mut chromium_seen = BTreeSet::new();
    let unhex = |field: &str| -> String {
        let bytes: Vec<u8> = (0..field.len()).step_by(2).map(|i| u8::from_str_radix(&field[i..i + 2], 16).expect("hex")).collect();
        String::from_utf8(bytes).expect("UTF-8")
    };
    for line in output.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[..] {
            ["version", package, version] => {
                let key = package.replace('-', "_");
                assert_eq!(version, pin(&key), "{package} is not the pinned version; {INSTALL}");
            }
            ["phrase", source, code, phrase] => {
                let code: i64 = code.parse().expect("a code");
                let phrase = unhex(phrase);
                let vendor = source.strip_prefix("http-status extra.");
                let meanings = http.meanings(code);
                let Some(primary) = meanings.first() else {
                    lines.insert(format!("{source} {code}: no such status in netcodes; they call it {phrase:?}"));
                    continue;
                };
                // A vendor table is compared with that vendor's meaning, if netcodes has one.
                let ours = vendor
                    .and_then(|v| meanings.iter().find(|m| http.sources[m.source].id == v))
                    .unwrap_or(primary);
                if ours.name == phrase || (vendor == Some("unofficial") && meanings.iter().any(|m| m.name == phrase)) {
                    *agreed.entry(format!("{source} phrases")).or_default() += 1;
                } else if let Some(other) = meanings.iter().find(|m| m.name == phrase) {
                    lines.insert(format!(
                        "{source} {code}: they give {}'s meaning {phrase:?}; netcodes answers {:?} ({})",
                        http.sources[other.source].title, ours.name, http.sources[ours.source].title
                    ));
                } else if let Some(former) = http.former_names_of(code).iter().find(|f| f.name == phrase) {
                    lines.insert(format!(
                        "{source} {code}: they keep the former phrase {phrase:?} ({}); now {:?}",
                        former.reference, ours.name
                    ));
                } else if ours.name.eq_ignore_ascii_case(&phrase) {
                    lines.insert(format!("{source} {code}: they write {phrase:?}, netcodes {:?} (letter case)", ours.name));
                } else {
                    lines.insert(format!(
                        "{source} {code}: they say {phrase:?}, netcodes {:?} ({})",
                        ours.name, http.sources[ours.source].title
                    ));
                }
            }
            ["name", "chromium-net-errors", code, name] => {
                let code: i64 = code.parse().expect("a code");
                chromium_seen.insert(code);
                if chromium.primary(code).is_some_and(|c| c.name == name) {
                    *agreed.entry("chromium-net-errors names".to_owned()).or_default() += 1;
                } else if let Some(moved) = chromium.retired.iter().find(|c| c.name == name && c.value != code) {
                    let ours = chromium.primary(code).map_or("no code", |c| c.name.as_str());
                    lines.insert(format!(
                        "chromium-net-errors {code}: they offer {name}, a {} of Chromium's that is at {} now, not an error; {code} is {ours}",
                        model.vocabulary.statuses[moved.status].id, moved.value
                    ));
                } else if let Some(retired) = chromium.retired_code(code) {
                    let ours = if retired.name.is_empty() { "unnamed".to_owned() } else { retired.name.clone() };
                    lines.insert(format!(
                        "chromium-net-errors {code}: they offer {name}, which Chromium has since removed ({ours}, {})",
                        model.vocabulary.statuses[retired.status].id
                    ));
                } else {
                    let ours = chromium.primary(code).map_or("no such code".to_owned(), |c| c.name.clone());
                    lines.insert(format!("chromium-net-errors {code}: they call it {name}, netcodes {ours}"));
                }
            }
            ["name", source, code, name] => {
                let code: i64 = code.parse().expect("a code");
                let vendor = source.strip_prefix("http-status extra.");
                // Another source's meaning: netcodes puts the source before its identifier.
                let meaning = http.meanings(code).iter().find(|m| m.ident.strip_suffix(name).is_some_and(|p| p.ends_with('_')));
                match by_name(http, name) {
                    Some(value) if value == code => *agreed.entry(format!("{source} names")).or_default() += 1,
                    Some(value) => {
                        lines.insert(format!("{source} {code}: they name it {name}, which netcodes finds as {value}"));
                    }
                    None if meaning.is_some_and(|m| vendor == Some("unofficial") || vendor == Some(http.sources[m.source].id.as_str())) => {
                        *agreed.entry(format!("{source} names")).or_default() += 1;
                    }
                    None if meaning.is_some() => {
                        let m = meaning.expect("checked");
                        lines.insert(format!(
                            "{source} {code}: they name it {name}, {}'s meaning ({}); netcodes answers {}",
                            http.sources[m.source].title, m.ident, http.meanings(code)[0].ident
                        ));
                    }
                    None if forgiving(http, name) == Some(code) => {
                        *agreed.entry(format!("{source} names")).or_default() += 1;
                    }
                    None => {
                        let ours = http.primary(code).map_or("no such status".to_owned(), |c| c.ident.clone());
                        lines.insert(format!("{source} {code}: they name it {name}, a name netcodes does not know (netcodes: {ours})"));
                    }
                }
            }
            _ => panic!("unexpected line from incumbents.mjs: {line:?}"),
        }
    }
    let newer = chromium.primary_codes().filter(|c| !chromium_seen.contains(&c.value)).count();
    agreed.insert("chromium codes newer than chromium-net-errors".to_owned(), newer);
    (lines.into_iter().collect(), agreed)
}

#[test]
fn the_npm_incumbents_agree_but_for_the_pinned_disagreements() {
    let model = model();
    let (found, agreed) = incumbent_disagreements(&model);
    let pinned_path = fixtures().join("incumbents.txt");
    let pinned_text = std::fs::read_to_string(&pinned_path).unwrap_or_default();
    let pinned: Vec<&str> = pinned_text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    println!("agreements: {agreed:?}");
    println!("{} disagreements", found.len());
    assert!(
        pinned == found,
        "the npm packages now disagree with data/ otherwise than tests/typescript/incumbents.txt pins; \
         decide who is right (README.md, \"netcodes and the npm packages\"), then pin this list:\n{}",
        found.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Examples in the README and the docs.

/// The fenced ```js blocks of a Markdown file.
fn js_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start() == "```js" => current = Some(String::new()),
            Some(block) if line.trim_start() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// Writes the README's ```js block that starts with `marker` into `dir` as `file`.
fn write_readme_block(marker: &str, dir: &Path, file: &str) {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("read README.md");
    let block = js_blocks(&readme)
        .into_iter()
        .find(|block| block.starts_with(marker))
        .unwrap_or_else(|| panic!("README.md has no ```js block starting with {marker:?}"));
    std::fs::write(dir.join(file), block).expect("write the example");
}

#[test]
fn the_readme_electron_example_runs_against_a_stand_in_for_electron() {
    let model = model();
    let project = project();
    write_readme_block("// main.js of an Electron app", &project.dir, "electron-main.mjs");
    // A stand-in for the electron package: one window, whose loads fail with
    // the codes of NETCODES_FAIL in turn, recording what the example does.
    copy_dir(&fixtures().join("fake-electron"), &project.dir.join("node_modules/electron"));
    let chromium = system(&model, "chromium");
    for name in ["ERR_NAME_NOT_RESOLVED", "ERR_CERT_DATE_INVALID", "ERR_CONNECTION_RESET"] {
        let code = chromium.codes.iter().find(|c| c.name == name).expect("a Chromium code of the example");
        let output = Command::new("node")
            .arg("electron-main.mjs")
            .current_dir(&project.dir)
            .env("NETCODES_FAIL", code.value.to_string())
            .output()
            .expect("run the Electron example");
        let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "the Electron example failed:\n{out}\n{err}");
        assert!(err.contains(&format!("https://example.com/: {name} ({})", code.value)), "{name}: stderr is\n{err}");
        assert!(err.contains(&code.description), "{name}: the description is not logged:\n{err}");
        let d = decision(&model, &model.vocabulary.retries[code.retry].id, Some(true), None);
        let retried = out.lines().filter(|l| l.starts_with("loadURL")).count() > 1;
        assert_eq!(retried, d["retry"] == json!(true), "{name}: retried {retried}, the decision is {d}:\n{out}");
        assert!(out.lines().any(|l| l.starts_with("loadFile offline.html")), "{name}: the offline page was not shown:\n{out}");
    }
}

#[test]
fn the_readme_express_example_runs_on_express() {
    let model = model();
    let project = project();
    write_readme_block("// server.js: an Express gateway", &project.dir, "express-server.mjs");
    let express_dir = project.dir.join("node_modules/express");
    if !express_dir.exists() {
        std::os::unix::fs::symlink(node_modules().join("express"), &express_dir).expect("link express");
    }
    std::fs::copy(fixtures().join("express-harness.mjs"), project.dir.join("express-harness.mjs")).expect("copy harness");
    let output = stdout(Command::new("node").arg("express-harness.mjs").current_dir(&project.dir));
    let http = system(&model, "http");
    let mut checked = 0;
    for line in output.lines() {
        let (status, body) = line.split_once('\t').expect("status<TAB>body");
        let status: i64 = status.parse().expect("a status");
        let body: Value = serde_json::from_str(body).expect("a JSON body");
        let code = http.primary(status).expect("the harness answers known statuses");
        // The example's fallback where the vendor has no phrase (nginx 499).
        let reason = if code.name.is_empty() { "Unknown status" } else { code.name.as_str() };
        assert_eq!(body["reason"], json!(reason), "{status}: {body}");
        assert_eq!(body["description"], json!(code.description), "{status}: {body}");
        let retry_after = (status == 503).then_some(7.0);
        let d = decision(&model, &model.vocabulary.retries[code.retry].id, Some(true), retry_after);
        assert_eq!(body["retry"], d["retry"], "{status}: {body}");
        checked += 1;
    }
    assert!(checked >= 3, "the harness checked {checked} statuses:\n{output}");
}

#[test]
fn the_docs_introduction_and_package_readme_examples_run() {
    let project = project();
    let intro = std::fs::read_to_string(repo_root().join("generated/docs/src/introduction.md")).expect("introduction");
    let blocks = js_blocks(&intro);
    assert!(!blocks.is_empty(), "the introduction has no ```js example");
    let readme = std::fs::read_to_string(package_dir().join("README.md")).expect("package README");
    let readme_blocks = js_blocks(&readme);
    assert!(!readme_blocks.is_empty(), "the package README has no ```js example");
    for (i, block) in blocks.iter().chain(&readme_blocks).enumerate() {
        let path = project.dir.join(format!("example-{i}.mjs"));
        std::fs::write(&path, block).expect("write the example");
        let output = run(Command::new("node").arg(&path).current_dir(&project.dir));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(!err.contains("Assertion failed"), "an example asserts something false:\n{block}\n{err}");
    }
}
