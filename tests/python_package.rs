//! generated/python as a Python user meets it: `pip install`ed into a fresh
//! venv (offline, the build backend from the local wheelhouse) and imported
//! from there; stubs that stubtest finds exact; `mypy --strict` and pyright
//! (strict) clean on a hand-written usage file and on one generated from the
//! model that touches every system's API; ruff clean on the generated code.
//! Through the installed package: `from_name` for every name of every code,
//! every mapping function against `Mapping::rule_for`, HTTP members against
//! `http.HTTPStatus`, the `ValueError` for unknown values, HTTP meanings
//! and reason phrases, and every group's title, description and range.
//!
//! (tests/conformance.rs already reads every code's name, description,
//! category and retry, and one value per mapping rule, back through
//! `lookup`; these tests do not repeat it.)
//!
//! The tools live at fixed paths that tests/python/install.sh fills; a
//! missing tool or a version other than the script's pin fails the test
//! with the install command.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use codegen::escape::python_string;
use codegen::model::{Model, System};
use conformance::readback::{hex, probes};
use conformance::{assert_lines, model, repo_root, run, scratch_dir, snapshot, stdout, system};

const PREFIX: &str = "/opt/netcodes-python";
const INSTALL: &str = "bash tests/python/install.sh";

/// The tools tests/python/install.sh installs.
struct Tools {
    /// The tools venv's interpreter, with mypy (and its stubtest).
    python: PathBuf,
    ruff: PathBuf,
    pyright: PathBuf,
    wheelhouse: PathBuf,
}

/// A pin from tests/python/install.sh (`mypy_version=2.4.1`), the one place versions are set.
fn pin(tool: &str) -> String {
    let script = std::fs::read_to_string(repo_root().join("tests/python/install.sh")).expect("read install.sh");
    let key = format!("{tool}_version=");
    script
        .lines()
        .find_map(|line| line.trim().strip_prefix(key.as_str()))
        .unwrap_or_else(|| panic!("tests/python/install.sh pins no {key}"))
        .to_owned()
}

fn tools() -> Tools {
    let prefix = Path::new(PREFIX);
    let tools = Tools {
        python: prefix.join("tools/bin/python"),
        ruff: prefix.join("tools/bin/ruff"),
        pyright: prefix.join("node_modules/.bin/pyright"),
        wheelhouse: prefix.join("wheelhouse"),
    };
    for path in [&tools.python, &tools.ruff, &tools.pyright] {
        assert!(path.is_file(), "{} is missing; install the Python test tools with: {INSTALL}", path.display());
    }
    let versions = [
        ("mypy", stdout(Command::new(&tools.python).args(["-m", "mypy", "--version"]))),
        ("ruff", stdout(Command::new(&tools.ruff).arg("--version"))),
        ("pyright", stdout(Command::new(&tools.pyright).arg("--version"))),
    ];
    for (tool, version) in versions {
        let wanted = format!("{tool} {}", pin(tool));
        assert!(
            version.starts_with(&format!("{wanted} ")) || version.trim() == wanted,
            "{tool} is `{}`, install.sh pins {wanted}; update with: {INSTALL}",
            version.trim()
        );
    }
    let flit_core = format!("flit_core-{}-", pin("flit_core"));
    let in_wheelhouse = std::fs::read_dir(&tools.wheelhouse)
        .map(|dir| dir.flatten().any(|e| e.file_name().to_string_lossy().starts_with(&flit_core)))
        .unwrap_or(false);
    assert!(in_wheelhouse, "{}: no {flit_core}*.whl; fill the wheelhouse with: {INSTALL}", tools.wheelhouse.display());
    tools
}

fn package_dir() -> PathBuf {
    repo_root().join("generated/python")
}

/// `3.11` from `requires-python = ">=3.11"`: the oldest Python the package
/// claims, which is the one the tests run and type-check with.
fn python_floor() -> String {
    let text = std::fs::read_to_string(package_dir().join("pyproject.toml")).expect("read pyproject.toml");
    let pyproject: toml::Table = text.parse().expect("pyproject.toml is TOML");
    let requires = pyproject["project"]["requires-python"].as_str().expect("requires-python is a string");
    requires.strip_prefix(">=").unwrap_or_else(|| panic!("requires-python {requires:?} is not a `>=` floor")).to_owned()
}

/// The project's SPDX license expression, from the workspace's Cargo.toml.
fn workspace_license() -> String {
    let text = std::fs::read_to_string(repo_root().join("Cargo.toml")).expect("read Cargo.toml");
    let cargo: toml::Table = text.parse().expect("Cargo.toml is TOML");
    cargo["workspace"]["package"]["license"].as_str().expect("workspace.package.license").to_owned()
}

/// A fresh venv with the package pip-installed from generated/python, shared by every test here.
struct Venv {
    dir: PathBuf,
    python: PathBuf,
}

fn venv() -> &'static Venv {
    static VENV: OnceLock<Venv> = OnceLock::new();
    VENV.get_or_init(|| {
        let tools = tools();
        let dir = scratch_dir("python-package");
        let venv = dir.join("venv");
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
        let python = venv.join("bin/python");
        let before = snapshot(&package_dir());
        run(Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-cache-dir", "--disable-pip-version-check"])
            .arg("--find-links")
            .arg(&tools.wheelhouse)
            .arg(package_dir())
            .current_dir(&dir)
            // Only the command line counts: no machine-wide index or find-links.
            .env("PIP_CONFIG_FILE", "/dev/null"));
        let after = snapshot(&package_dir());
        let changed: Vec<_> = after.keys().filter(|path| before.get(*path) != after.get(*path)).collect();
        assert!(changed.is_empty() && before.len() == after.len(), "pip install changed generated/python: {changed:?}");
        Venv { dir, python }
    })
}

/// Runs `script` with the venv's interpreter, away from the source tree, and returns what it printed.
fn run_in_venv(name: &str, script: &str) -> String {
    let venv = venv();
    let path = venv.dir.join(format!("{name}.py"));
    std::fs::write(&path, script).expect("write script");
    stdout(
        Command::new(&venv.python)
            .arg(&path)
            .current_dir(&venv.dir)
            .env_remove("PYTHONPATH")
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    )
}

fn fields(line: &str) -> Vec<&str> {
    line.split('\t').collect()
}

/// Python that prints text byte for byte: hex, or `-` for None.
const HEX: &str = "def hex_(s):\n    return '-' if s is None else s.encode('utf-8').hex()\n\n\n";

fn hex_or_dash(text: &str) -> String {
    if text.is_empty() { "-".to_owned() } else { hex(text) }
}

#[test]
fn pip_installs_the_package_into_a_fresh_venv_with_the_standard_library_only() {
    let model = codegen::load(&repo_root().join("data")).expect("data/ validates");
    let output = run_in_venv(
        "installed",
        "import importlib.metadata\nimport pathlib\nimport sys\n\n\
         before = set(sys.modules)\nimport netcodes  # noqa: E402\n\n\
         loaded = {name.split('.')[0] for name in set(sys.modules) - before}\n\
         meta = importlib.metadata.metadata('netcodes')\n\
         print('python', '%d.%d' % sys.version_info[:2], sep='\\t')\n\
         print('in venv', pathlib.Path(netcodes.__file__).resolve().is_relative_to(pathlib.Path(sys.prefix).resolve()), sep='\\t')\n\
         print('non-stdlib imports', ' '.join(sorted(loaded - set(sys.stdlib_module_names) - {'netcodes'})) or '-', sep='\\t')\n\
         print('Version', meta['Version'], sep='\\t')\n\
         print('__version__', netcodes.__version__, sep='\\t')\n\
         print('Requires-Python', meta['Requires-Python'], sep='\\t')\n\
         print('License-Expression', meta['License-Expression'], sep='\\t')\n\
         print('Requires-Dist', meta.get_all('Requires-Dist') or '-', sep='\\t')\n\
         license = importlib.metadata.distribution('netcodes').read_text('licenses/LICENSE')\n\
         print('license file', '-' if license is None else license.encode().hex(), sep='\\t')\n\
         for file in importlib.metadata.files('netcodes') or []:\n    \
             if file.parts[0] == 'netcodes' and '__pycache__' not in file.parts:\n        \
                 print('file', file.as_posix(), sep='\\t')\n",
    );
    let mut facts: BTreeMap<&str, &str> = BTreeMap::new();
    let mut installed: Vec<String> = Vec::new();
    for line in output.lines() {
        match fields(line)[..] {
            ["file", path] => installed.push(path.to_owned()),
            [key, value] => {
                facts.insert(key, value);
            }
            _ => panic!("unexpected line {line:?}"),
        }
    }
    let floor = python_floor();
    assert_eq!(
        facts["python"], floor,
        "the package claims requires-python >={floor}, so the tests must run that Python, not {}",
        facts["python"]
    );
    assert_eq!(facts["in venv"], "True", "netcodes was imported from outside the venv");
    assert_eq!(facts["non-stdlib imports"], "-", "`import netcodes` needs more than the standard library");
    assert_eq!(facts["Version"], model.version);
    assert_eq!(facts["__version__"], model.version);
    assert_eq!(facts["Requires-Python"], format!(">={floor}"));
    assert_eq!(facts["License-Expression"], workspace_license(), "the wheel's license differs from Cargo.toml's");
    assert_eq!(facts["Requires-Dist"], "-");
    // generated/python/LICENSE, which holds the repository's LICENSE.
    let license = std::fs::read_to_string(repo_root().join("LICENSE")).expect("read LICENSE");
    let packaged = std::fs::read_to_string(package_dir().join("LICENSE")).expect("read generated/python/LICENSE");
    assert!(packaged.contains(&license), "generated/python/LICENSE does not hold the repository's LICENSE");
    assert_eq!(facts["license file"], hex(&packaged), "the wheel does not carry generated/python/LICENSE");

    // The wheel holds every module, stub and py.typed that the generator writes, and nothing else.
    let mut generated: Vec<String> = codegen::generate(&model)
        .into_iter()
        .filter_map(|f| f.path.strip_prefix("generated/python/").map(str::to_owned))
        .filter(|path| path.starts_with("netcodes/"))
        .collect();
    generated.sort();
    installed.sort();
    assert_eq!(installed, generated, "the installed package differs from generated/python/netcodes");
    assert!(installed.iter().any(|p| p == "netcodes/py.typed"));
    println!(
        "pip install: Python {floor}, netcodes {} with {} files, License-Expression {}, standard library only",
        model.version,
        installed.len(),
        facts["License-Expression"]
    );
}

/// The sdist, the other half of a release: built by the pinned flit_core,
/// it holds the whole of generated/python and installs on its own.
#[test]
fn the_sdist_holds_the_package_and_installs() {
    let tools = tools();
    let model = codegen::load(&repo_root().join("data")).expect("data/ validates");
    let work = scratch_dir("python-sdist");
    let venv = work.join("venv");
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    let python = venv.join("bin/python");
    let pip = |args: &[&str]| {
        run(Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-cache-dir", "--disable-pip-version-check"])
            .arg("--find-links")
            .arg(&tools.wheelhouse)
            .args(args)
            .current_dir(&work)
            .env("PIP_CONFIG_FILE", "/dev/null"));
    };
    pip(&[&format!("flit_core=={}", pin("flit_core"))]);
    let before = snapshot(&package_dir());
    let dist = work.join("dist");
    let sdist = stdout(
        Command::new(&python)
            .args(["-c", "import sys\nfrom flit_core import buildapi\nprint(buildapi.build_sdist(sys.argv[1]))"])
            .arg(&dist)
            .current_dir(package_dir())
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    );
    assert_eq!(before, snapshot(&package_dir()), "building the sdist changed generated/python");
    let sdist = dist.join(sdist.trim());
    let listing = stdout(
        Command::new(&python)
            .args(["-c", "import sys, tarfile\nfor name in sorted(tarfile.open(sys.argv[1]).getnames()): print(name)"])
            .arg(&sdist),
    );
    let root = format!("netcodes-{}/", model.version);
    let mut members: Vec<&str> = listing.lines().filter_map(|name| name.strip_prefix(root.as_str())).collect();
    members.retain(|name| *name != "PKG-INFO");
    let mut generated: Vec<String> = codegen::generate(&model)
        .into_iter()
        .filter_map(|f| f.path.strip_prefix("generated/python/").map(str::to_owned))
        .collect();
    generated.sort();
    members.sort_unstable();
    assert_eq!(members, generated, "the sdist differs from generated/python");
    pip(&[sdist.to_str().expect("a UTF-8 path")]);
    let imported =
        stdout(Command::new(&python).args(["-c", "import netcodes\nprint(netcodes.__version__)"]).current_dir(&work));
    assert_eq!(imported.trim(), model.version);
    println!(
        "sdist: {} with {} files installs and imports",
        sdist.file_name().unwrap_or_default().to_string_lossy(),
        members.len()
    );
}

/// pip installs the `netcodes` console script, which is `python -m netcodes`
/// (tests/cli.rs holds that command to the Rust binary's answers).
#[test]
fn the_console_script_is_python_dash_m_netcodes() {
    let venv = venv();
    let script = venv.python.with_file_name("netcodes");
    for args in [&["499"][..], &["net::ERR_NAME_NOT_RESOLVED", "--json"], &["no-such-code"]] {
        let by_script = Command::new(&script).args(args).current_dir(&venv.dir).output().expect("run the console script");
        let by_module =
            Command::new(&venv.python).args(["-m", "netcodes"]).args(args).current_dir(&venv.dir).output().expect("run python -m netcodes");
        assert_eq!(by_script, by_module, "{args:?}");
    }
    let answer = stdout(Command::new(&script).arg("499"));
    assert!(answer.starts_with("http 499 "), "{answer}");
}

/// The README's example is what PyPI shows first: it must run.
#[test]
fn the_readme_example_runs() {
    let readme = std::fs::read_to_string(package_dir().join("README.md")).expect("read README.md");
    let start = readme.find("```python\n").expect("README has a Python example") + "```python\n".len();
    let end = start + readme[start..].find("```").expect("the example ends");
    let output = run_in_venv("readme", &readme[start..end]);
    assert!(!output.trim().is_empty(), "the README example prints what it shows");
    println!("README example:\n{output}");
}

#[test]
fn stubtest_finds_the_stubs_exact() {
    let tools = tools();
    let work = scratch_dir("python-stubtest");
    let model = model();
    let output = stdout(
        Command::new(&tools.python)
            .args(["-m", "mypy.stubtest", "netcodes"])
            .current_dir(&work)
            .env("MYPYPATH", package_dir())
            .env("PYTHONPATH", package_dir())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("MYPY_CACHE_DIR", work.join(".mypy_cache")),
    );
    // The package, mapping, vocabulary, cli, __main__, the systems' shared
    // _core (checked as its own stub) and one module per system.
    let modules = model.systems.len() + 6;
    assert_eq!(output.trim(), format!("Success: no issues found in {modules} modules"));
    println!("stubtest (mypy {}): {}", pin("mypy"), output.trim());
}

#[test]
fn mypy_strict_and_pyright_accept_code_that_uses_the_whole_api() {
    let tools = tools();
    let venv = venv();
    let model = model();
    let work = scratch_dir("python-typecheck");
    let every_system = work.join("every_system.py");
    std::fs::write(&every_system, every_system_usage(&model)).expect("write every_system.py");
    let usage = repo_root().join("tests/python/usage.py");
    let floor = python_floor();

    let mypy = stdout(
        Command::new(&tools.python)
            .args(["-m", "mypy", "--strict", "--python-version", &floor, "--python-executable"])
            .arg(&venv.python)
            .arg("--cache-dir")
            .arg(work.join(".mypy_cache"))
            .arg(&usage)
            .arg(&every_system)
            .current_dir(&work),
    );
    assert_eq!(mypy.trim(), "Success: no issues found in 2 source files");
    println!("mypy {} --strict: {}", pin("mypy"), mypy.trim());

    // Both files ask for strict mode (`# pyright: strict`); warnings fail too.
    let pyright = stdout(
        Command::new(&tools.pyright)
            .args(["--warnings", "--pythonversion", &floor, "--pythonpath"])
            .arg(&venv.python)
            .arg(&usage)
            .arg(&every_system)
            .current_dir(&work),
    );
    let summary = pyright.lines().last().unwrap_or_default();
    assert_eq!(summary.trim(), "0 errors, 0 warnings, 0 informations", "pyright:\n{pyright}");
    println!("pyright {}: {}", pin("pyright"), summary.trim());

    // What the checkers accepted also runs.
    for file in [&usage, &every_system] {
        let source = std::fs::read_to_string(file).expect("read usage file");
        let name = file.file_stem().expect("a file name").to_string_lossy();
        let output = run_in_venv(&format!("run_{name}"), &source);
        assert_eq!(output.trim(), format!("{name}.py: ok"));
    }
}

/// The modules themselves, without their stubs, are strict-clean too: the
/// annotations the stubs repeat hold for the code behind them.
#[test]
fn the_modules_behind_the_stubs_type_check_strictly() {
    let tools = tools();
    let work = scratch_dir("python-runtime-typecheck");
    let copy = work.join("netcodes");
    std::fs::create_dir_all(&copy).expect("create copy");
    let mut modules = 0;
    for entry in std::fs::read_dir(package_dir().join("netcodes")).expect("read package").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".py") || name == "py.typed" {
            std::fs::copy(entry.path(), copy.join(&name)).expect("copy module");
            modules += usize::from(name.ends_with(".py"));
        }
    }
    let floor = python_floor();
    let mypy = stdout(
        Command::new(&tools.python)
            .args([
                "-m",
                "mypy",
                "--strict",
                "--python-version",
                &floor,
                "--cache-dir",
                ".mypy_cache",
                "-p",
                "netcodes",
            ])
            .current_dir(&work),
    );
    assert_eq!(mypy.trim(), format!("Success: no issues found in {modules} source files"));
    std::fs::write(
        work.join("pyrightconfig.json"),
        format!("{{\"typeCheckingMode\": \"strict\", \"pythonVersion\": \"{floor}\"}}\n"),
    )
    .expect("write pyrightconfig.json");
    let pyright = stdout(Command::new(&tools.pyright).args(["--warnings", "netcodes"]).current_dir(&work));
    let summary = pyright.lines().last().unwrap_or_default().trim();
    assert_eq!(summary, "0 errors, 0 warnings, 0 informations", "pyright:\n{pyright}");
    println!("modules without stubs: mypy --strict: {}; pyright strict: {summary}", mypy.trim());
}

/// A strict, runnable file that touches every system's module: lookups,
/// names, every property, flags, groups, retired numbers, HTTP meanings and
/// every mapping function, each result pinned with `assert_type`.
fn every_system_usage(model: &Model) -> String {
    let mut out = String::from(
        "# pyright: strict\n\"\"\"Generated by tests/python_package.rs: every system's API, type by type.\"\"\"\n\n\
         from __future__ import annotations\n\nfrom typing import assert_type\n\n\
         import netcodes\nfrom netcodes import Category, MappingKind, Retry, Rule\n",
    );
    for system in &model.systems {
        let (id, ty) = (&system.id, &system.type_name);
        let code = &system.codes[0];
        let group = &system.groups[code.group];
        let _ = write!(
            out,
            "\n\ndef check_{id}() -> None:\n    \
             member = netcodes.{id}.{ty}({value})\n    \
             assert_type(member, netcodes.{id}.{ty})\n    \
             assert_type(netcodes.{id}.lookup({value}), netcodes.{id}.{ty} | None)\n    \
             assert netcodes.{id}.lookup({value}) is member\n    \
             assert_type(netcodes.{id}.from_name({ident}), netcodes.{id}.{ty} | None)\n    \
             assert netcodes.{id}.from_name({ident}) is member\n    \
             assert_type(member.upstream_name, {name_type})\n    \
             assert_type(member.description, str)\n    \
             assert_type(member.category, Category)\n    \
             assert_type(member.retry, Retry)\n    \
             assert_type(member.group, netcodes.{id}.Group)\n    \
             assert member.group is netcodes.{id}.Group.{group}\n    \
             assert_type(member.group.title, str)\n    \
             assert_type(member.group.description, str | None)\n    \
             assert_type(member.group.range, tuple[int, int])\n    \
             assert_type(netcodes.{id}.Group.of({value}), netcodes.{id}.Group | None)\n    \
             assert netcodes.{id}.Group.of({value}) is member.group\n",
            value = code.value,
            ident = python_string(&code.ident),
            name_type = if system.primary_codes().any(|c| c.name.is_empty()) { "str | None" } else { "str" },
            group = group.upper,
        );
        for flag in &system.flags {
            let _ = writeln!(out, "    assert_type(member.{}, bool)", flag.method);
        }
        out.push_str("    assert_type(member.since, str | None)\n    assert_type(member.reference, str | None)\n    assert_type(member.status, str)\n");
        if let Some(retired) = system.retired.first() {
            let _ = write!(
                out,
                "    assert_type(netcodes.{id}.is_retired({v}), bool)\n    assert netcodes.{id}.is_retired({v})\n",
                v = retired.value
            );
        }
        let _ = write!(
            out,
            "    meanings = netcodes.{id}.meanings({value})\n    \
             assert_type(meanings, tuple[netcodes.{id}.Meaning, ...])\n    \
             assert meanings[0].code == {value}\n    \
             assert_type(meanings[0].phrase, str | None)\n    \
             assert_type(meanings[0].category, Category)\n    \
             assert_type(netcodes.{id}.is_retired({value}), bool)\n",
            value = code.value
        );
        if let Some(property) = &system.python_name_property {
            let _ = writeln!(out, "    assert_type(member.{property}, str | None)");
        }
        if let Some(alias) = &system.name_alias {
            let _ = writeln!(out, "    assert_type(netcodes.{id}.from_{alias}(\"x\"), netcodes.{id}.{ty} | None)");
        }
        for mapping in model.mappings.iter().filter(|m| model.systems[m.to].id == *id) {
            let function = &mapping.function;
            let Some(value) = mapping.rules.first().map(|r| r.lo) else { continue };
            let _ = write!(
                out,
                "    assert_type(netcodes.{id}.{function}({value}), netcodes.{id}.{ty} | None)\n    \
                 rule_{function} = netcodes.{id}.{function}_rule({value})\n    \
                 assert_type(rule_{function}, Rule[netcodes.{id}.{ty}] | None)\n    \
                 assert rule_{function} is not None\n    \
                 assert_type(rule_{function}.to, netcodes.{id}.{ty})\n    \
                 assert_type(rule_{function}.kind, MappingKind)\n    \
                 assert_type(rule_{function}.note, str | None)\n    \
                 assert netcodes.{id}.{function}({value}) is rule_{function}.to\n"
            );
        }
        let _ = writeln!(out, "\n\ncheck_{id}()");
    }
    out.push_str("print(\"every_system.py: ok\")\n");
    out
}

#[test]
fn ruff_accepts_the_generated_code() {
    let tools = tools();
    let output = stdout(
        Command::new(&tools.ruff)
            .args(["check", "--no-cache", "generated/python", "tests/python"])
            .current_dir(repo_root()),
    );
    assert_eq!(output.trim(), "All checks passed!");
    println!("ruff {} check generated/python tests/python: {}", pin("ruff"), output.trim());
}

/// Every name of every code, as written and as people paste it (other
/// case, white space around it, behind the system's prefixes), and names
/// that are none.
fn name_queries(system: &System) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for code in &system.codes {
        for name in [&code.ident, &code.upstream_name, &code.name].into_iter().filter(|n| !n.is_empty()) {
            names.extend([name.clone(), name.to_ascii_lowercase(), format!("  {name}\n")]);
            names.extend(system.lookup_prefixes.iter().map(|p| format!("{}{name}", p.to_ascii_uppercase())));
        }
    }
    names.extend(system.former_names.iter().map(|f| f.name.clone()));
    names.extend([String::new(), "NO SUCH CODE".to_owned()]);
    names.sort();
    names.dedup();
    names
}

/// `from_name` forgives what people paste and `from_exact_name` does not;
/// both answer what the model's indexes say.
#[test]
fn name_lookups_find_every_name_of_every_code() {
    let model = model();
    let mut script = format!("import importlib\n\n\n{HEX}");
    script.push_str(
        "def check(system, type_name, names):\n    \
             module = importlib.import_module('netcodes.' + system)\n    \
             enum = getattr(module, type_name)\n    \
             for function in ('from_name', 'from_exact_name'):\n        \
                 for name in names:\n            \
                     member = getattr(module, function)(bytes.fromhex(name).decode())\n            \
                     if member is None:\n                \
                         print(system, function, name, '-', sep='\\t')\n            \
                     else:\n                \
                         print(system, function, name, int(member), type(member) is enum and module.lookup(int(member)) is member, sep='\\t')\n\n\n",
    );
    let mut expected = Vec::new();
    for system in &model.systems {
        let names = name_queries(system);
        let list: Vec<String> = names.iter().map(|n| format!("'{}'", hex(n))).collect();
        let _ = writeln!(script, "check('{}', '{}', [{}])", system.id, system.type_name, list.join(", "));
        let forgiving: fn(&System, &str) -> Option<i64> = conformance::by_forgiving_name;
        let exact: fn(&System, &str) -> Option<i64> = conformance::by_name;
        for (function, answer) in [("from_name", forgiving), ("from_exact_name", exact)] {
            for name in &names {
                expected.push(match answer(system, name) {
                    Some(value) => format!("{}\t{function}\t{}\t{value}\tTrue", system.id, hex(name)),
                    None => format!("{}\t{function}\t{}\t-", system.id, hex(name)),
                });
            }
        }
    }
    let output = run_in_venv("from_name", &script);
    assert_lines("from_name and from_exact_name (system, function, name hex, value, is that member)", &output, &expected);
    println!("name lookups: {} answers across {} systems", expected.len(), model.systems.len());
}

#[test]
fn mapping_functions_agree_with_the_tables_for_every_code() {
    let model = model();
    let mut script = format!("import importlib\n\nimport netcodes\n\n\n{HEX}");
    script.push_str(
        "def check(mapping, system, function, type_name, values):\n    \
             module = importlib.import_module('netcodes.' + system)\n    \
             enum = getattr(module, type_name)\n    \
             answer_for = getattr(module, function)\n    \
             rule_for = getattr(module, function + '_rule')\n    \
             for value in values:\n        \
                 rule = rule_for(value)\n        \
                 answer = answer_for(value)\n        \
                 if rule is None:\n            \
                     print(mapping, value, '-', '-', '-', answer is None, sep='\\t')\n        \
                 else:\n            \
                     well_typed = type(rule) is netcodes.Rule and type(rule.to) is enum and type(rule.kind) is netcodes.MappingKind\n            \
                     print(mapping, value, int(rule.to), rule.kind.value, hex_(rule.note), answer is rule.to and well_typed, sep='\\t')\n\n\n",
    );
    let mut expected = Vec::new();
    for mapping in &model.mappings {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        // Every code and retired number of the source, values no system
        // uses, and both sides of every rule's bounds.
        let mut values = probes(from);
        for rule in &mapping.rules {
            values.extend([rule.lo - 1, rule.lo, rule.hi, rule.hi + 1]);
        }
        values.sort_unstable();
        values.dedup();
        let list: Vec<String> = values.iter().map(i64::to_string).collect();
        let _ = writeln!(
            script,
            "check('{}', '{}', '{}', '{}', [{}])",
            mapping.id,
            to.id,
            mapping.function,
            to.type_name,
            list.join(", ")
        );
        for value in values {
            expected.push(match mapping.rule_for(value) {
                Some(rule) => {
                    format!(
                        "{}\t{value}\t{}\t{}\t{}\tTrue",
                        mapping.id,
                        rule.to,
                        model.vocabulary.mapping_kinds[rule.kind].id,
                        hex_or_dash(&rule.note)
                    )
                }
                None => format!("{}\t{value}\t-\t-\t-\tTrue", mapping.id),
            });
        }
        let uncovered = from.codes.iter().filter(|c| mapping.rule_for(c.value).is_none()).count();
        assert!(!mapping.total || uncovered == 0, "{} claims totality", mapping.id);
    }
    let output = run_in_venv("mappings", &script);
    assert_lines("(mapping, value, to, kind, note hex, function agrees with its _rule)", &output, &expected);
    println!(
        "mapping functions: {} values across {} mappings agree with Mapping::rule_for",
        expected.len(),
        model.mappings.len()
    );
}

#[test]
fn http_members_equal_http_status_members() {
    let model = model();
    let http = system(&model, "http");
    let output = run_in_venv(
        "http_status",
        "import http\n\nimport netcodes\n\n\
         for status in http.HTTPStatus:\n    \
             member = netcodes.http.lookup(status.value)\n    \
             if member is None:\n        \
                 print(status.value, '-', sep='\\t')\n        \
                 continue\n    \
             checks = [member == status, status == member, hash(member) == hash(status), {status: 1}.get(member) == 1,\n              \
                       {member: 1}.get(status) == 1, netcodes.http.Status(status) is member]\n    \
             print(status.value, ' '.join(str(c) for c in checks), sep='\\t')\n",
    );
    let mut shared = 0;
    for line in output.lines() {
        let f = fields(line);
        let value: i64 = f[0].parse().expect("a status value");
        let known = http.primary_codes().any(|c| c.value == value);
        if known {
            // ==, reflected ==, hash, dict lookup both ways, construction from the HTTPStatus.
            assert_eq!(f[1], ["True"; 6].join(" "), "HTTPStatus({value}) against netcodes.http.Status");
            shared += 1;
        } else {
            assert_eq!(f[1], "-", "netcodes.http.lookup({value}) answers, but data/ has no such code");
        }
    }
    let total = output.lines().count();
    assert!(shared > 0 && total > 0);
    println!("http.HTTPStatus: {shared} of its {total} values are netcodes.http members that compare and hash equal");
}

#[test]
fn constructing_an_unknown_value_raises_value_error_naming_it() {
    let model = model();
    let mut script = format!("import importlib\n\n\n{HEX}");
    script.push_str(
        "def check(system, type_name, values):\n    \
             module = importlib.import_module('netcodes.' + system)\n    \
             enum = getattr(module, type_name)\n    \
             for value in values:\n        \
                 try:\n            \
                     enum(value)\n        \
                 except ValueError as error:\n            \
                     print(system, value, hex_(str(error)), module.lookup(value) is None, sep='\\t')\n        \
                 else:\n            \
                     print(system, value, 'no error', sep='\\t')\n\n\n",
    );
    let mut expected = Vec::new();
    for system in &model.systems {
        let known = |v: i64| system.codes.iter().any(|c| c.value == v);
        let values: Vec<i64> = probes(system).into_iter().filter(|&v| !known(v)).collect();
        assert!(!values.is_empty());
        let list: Vec<String> = values.iter().map(i64::to_string).collect();
        let _ = writeln!(script, "check('{}', '{}', [{}])", system.id, system.type_name, list.join(", "));
        for value in values {
            let message = format!("{value} is not a valid {}", system.type_name);
            expected.push(format!("{}\t{value}\t{}\tTrue", system.id, hex(&message)));
        }
    }
    let output = run_in_venv("value_error", &script);
    assert_lines("(system, value, ValueError message hex, lookup is None)", &output, &expected);
    println!("ValueError: {} unknown or retired values, each named in the message", expected.len());
}

/// Every group of every system, rows or none (WebSocket's private use):
/// id, title, description (None where data/ has none) and range.
#[test]
fn groups_agree_with_data() {
    let model = model();
    let mut script = format!("import netcodes\n\n\n{HEX}");
    let mut expected = Vec::new();
    for system in &model.systems {
        let _ = write!(
            script,
            "for group in netcodes.{id}.Group:\n    \
                 print('{id}', group.name, group.value, hex_(group.title), hex_(group.description), *group.range, sep='\\t')\n",
            id = system.id,
        );
        for g in &system.groups {
            expected.push(format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                system.id,
                g.upper,
                g.id,
                hex(&g.title),
                hex_or_dash(&g.description),
                g.min,
                g.max
            ));
        }
    }
    let output = run_in_venv("groups", &script);
    assert_lines("(system, member, id, title hex, description hex, min, max)", &output, &expected);
    let described = model.systems.iter().flat_map(|s| &s.groups).filter(|g| !g.description.is_empty()).count();
    println!("python: {} groups agree with data/, {described} of them with a description", expected.len());
}

#[test]
fn meanings_and_case_blind_names_agree_with_data() {
    let model = model();
    let mut script = format!("import netcodes\n\n\n{HEX}");
    let mut expected = Vec::new();
    for system in &model.systems {
        // meanings(): every row of every value, in precedence order; nothing for unknown values.
        let values = probes(system);
        let list: Vec<String> = values.iter().map(i64::to_string).collect();
        let _ = write!(
            script,
            "for value in [{list}]:\n    \
                 for m in netcodes.{id}.meanings(value):\n        \
                     print('{id}', value, m.code, m.source, m.identifier, hex_(m.phrase), hex_(m.description), m.category.value, m.retry.value, m.status, sep='\\t')\n",
            list = list.join(", "),
            id = system.id,
        );
        for &value in &values {
            for code in system.meanings(value) {
                expected.push(format!(
                    "{}\t{value}\t{value}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    system.id,
                    system.sources[code.source].id,
                    code.ident,
                    hex_or_dash(&code.name),
                    hex(&code.description),
                    model.vocabulary.categories[code.category].id,
                    model.vocabulary.retries[code.retry].id,
                    model.vocabulary.statuses[code.status].id
                ));
            }
        }
        // from_<alias>(): every name, former names too, in three cases,
        // answering what the model's case-blind index says.
        let Some(alias) = &system.name_alias else { continue };
        let mut asked: Vec<String> = Vec::new();
        for name in system.codes.iter().map(|c| c.name.as_str()).chain(system.former_names.iter().map(|f| f.name.as_str())) {
            asked.extend([name.to_owned(), name.to_ascii_uppercase(), name.to_ascii_lowercase()]);
        }
        asked.extend(["No Such Phrase".to_owned(), "NOT_FOUND".to_owned()]);
        asked.sort();
        asked.dedup();
        let list: Vec<String> = asked.iter().map(|p| format!("'{}'", hex(p))).collect();
        let _ = write!(
            script,
            "for text in [{list}]:\n    \
                 member = netcodes.{id}.from_{alias}(bytes.fromhex(text).decode())\n    \
                 print('{id} from_{alias}', text, '-' if member is None else int(member), sep='\\t')\n",
            list = list.join(", "),
            id = system.id,
        );
        for text in &asked {
            let value = conformance::by_folded_name(system, text);
            expected.push(format!("{} from_{alias}\t{}\t{}", system.id, hex(text), value.map_or("-".to_owned(), |v| v.to_string())));
        }
    }
    let output = run_in_venv("meanings", &script);
    assert_lines("meanings() and the case-blind lookups", &output, &expected);
    println!("python: {} meanings and case-blind lookups agree with data/", expected.len());
}
