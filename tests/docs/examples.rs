//! Running the introduction's examples against the generated outputs.

use std::path::Path;
use std::process::Command;

use conformance::{repo_root, require_tool, run};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::escaping::mdbook_options;

/// Every fenced code block: its language and its code.
pub fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, mdbook_options()) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let language = info.split([',', ' ']).next().unwrap_or_default().to_owned();
                current = Some((language, String::new()));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                panic!("introduction.md has an indented code block")
            }
            Event::Text(text) => {
                if let Some((_, code)) = &mut current {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// A binary crate depending on `generated/rust` by path (no features, so
/// nothing comes from a registry), built into a directory of the workspace's
/// target directory. Statements are wrapped in `main`, as rustdoc does.
pub fn run_rust(dir: &Path, code: &str) {
    let crate_dir = repo_root().join("generated/rust");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"docs-example\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nnetcodes = {{ path = {:?} }}\n\n# Not a member of the netcodes workspace.\n[workspace]\n",
            crate_dir.display().to_string()
        ),
    )
    .expect("write Cargo.toml");
    std::fs::create_dir_all(dir.join("src")).expect("src dir");
    let main = if code.contains("fn main(") { code.to_owned() } else { format!("fn main() {{\n{code}}}\n") };
    std::fs::write(dir.join("src/main.rs"), main).expect("write main.rs");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    run(Command::new(cargo)
        .args(["run", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo_root().join("target/docs-examples"))
        .env("RUSTFLAGS", "-D warnings"));
}

/// Compiled with warnings as errors, once as C99 and once as C++11, and run.
pub fn run_c(dir: &Path, code: &str) {
    require_tool("gcc", "apt-get install gcc");
    require_tool("g++", "apt-get install g++");
    let source = dir.join("example.c");
    std::fs::write(&source, code).expect("write example.c");
    let include = repo_root().join("generated/c");
    for (compiler, standard, language) in [("gcc", "-std=c99", "c"), ("g++", "-std=c++11", "c++")] {
        let binary = dir.join(format!("example-{compiler}"));
        run(Command::new(compiler)
            .args([standard, "-Wall", "-Wextra", "-pedantic", "-Werror", "-x", language])
            .arg(&source)
            .arg("-I")
            .arg(&include)
            .arg("-o")
            .arg(&binary));
        run(&mut Command::new(&binary));
    }
}

/// Run with the package on the path, not installed.
pub fn run_python(dir: &Path, code: &str) {
    require_tool("python3", "apt-get install python3");
    let script = dir.join("example.py");
    std::fs::write(&script, code).expect("write example.py");
    run(Command::new("python3")
        .arg("-X")
        .arg("dev")
        .arg("-W")
        .arg("error")
        .arg(&script)
        .env("PYTHONPATH", repo_root().join("generated/python")));
}

/// Run by Node as an ES module, with `netcodes` resolving to
/// generated/typescript; a failed `console.assert` fails it.
pub fn run_javascript(dir: &Path, code: &str) {
    require_tool("node", "apt-get install nodejs");
    let modules = dir.join("node_modules");
    std::fs::create_dir_all(&modules).expect("node_modules");
    let link = modules.join("netcodes");
    if !link.exists() {
        std::os::unix::fs::symlink(repo_root().join("generated/typescript"), &link).expect("link netcodes");
    }
    let script = dir.join("example.mjs");
    std::fs::write(&script, code).expect("write example.mjs");
    let output = run(Command::new("node").arg(&script).current_dir(dir));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("Assertion failed"), "the JavaScript example asserts something false:\n{stderr}");
}
