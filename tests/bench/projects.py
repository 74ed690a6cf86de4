#!/usr/bin/env python3
"""Writes the tiny projects the benchmarks build, under OUT (default target/bench/projects).

    python3 tests/bench/projects.py [OUT]

- build-netcodes/: a binary depending on the generated crate (generated/rust),
  no features: what `cargo build` of a user of netcodes compiles.
- build-http/: the same binary depending on the `http` crate (the version in
  the workspace's Cargo.lock, whose copy also pins http's dependencies), for
  the clean-build comparison.
- size-rust/: a release binary that calls every lookup of the crate (code ->
  name/description for every system, name -> code, every mapping) on values
  read from the command line, so nothing is constant-folded away; its
  sections and symbols are what tests/bench/sizes.py measures.
- size-c/main.c: the same for netcodes.h.

Each Cargo project has an empty [workspace] so that it builds on its own.
Python standard library only.
"""

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def http_version() -> str:
    lock = (REPO / "Cargo.lock").read_text(encoding="utf-8")
    match = re.search(r'\[\[package\]\]\nname = "http"\nversion = "([^"]+)"', lock)
    return match.group(1) if match else "1"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def cargo_toml(name: str, dependency: str) -> str:
    return (
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[dependencies]\n{dependency}\n\n[workspace]\n\n"
        "[profile.release]\npanic = \"abort\"\n"
    )


RUST_SIZE_MAIN = """\
use netcodes::{chromium::NetError, http::Status, qt::NetworkError, warning::Warning};

fn main() {
    // Every lookup, on values only known at run time.
    for arg in std::env::args().skip(1) {
        let n: i64 = arg.parse().unwrap_or(0);
        let (i, u) = (n as i32, n as u16);
        let q = NetworkError::new(i);
        let c = NetError::new(i);
        let h = Status::new(u);
        let w = Warning::new(u);
        println!("{:?} {:?} {:?} {:?}", q.name(), q.description(), q.category(), q.retry());
        println!("{:?} {:?} {:?} {:?}", c.name(), c.description(), c.category(), c.retry());
        println!("{:?} {:?} {:?} {:?}", h.name(), h.description(), h.category(), h.retry());
        println!("{:?} {:?} {:?} {:?}", w.name(), w.description(), w.category(), w.retry());
        println!("{:?} {:?}", c.to_http_rule().map(|m| (m.to.code(), m.note)), c.to_qt_rule().map(|m| (m.to.code(), m.note)));
        println!("{:?} {:?}", h.to_qt_rule().map(|m| (m.to.code(), m.note)), q.to_http_rule().map(|m| (m.to.code(), m.note)));
        println!(
            "{:?} {:?} {:?} {:?} {:?}",
            NetworkError::from_name(&arg),
            NetError::from_name(&arg),
            Status::from_name(&arg),
            Status::from_reason(&arg),
            Warning::from_name(&arg)
        );
    }
}
"""

C_SIZE_MAIN = """\
/* Calls every lookup of netcodes.h on values read from the command line. */
#include <stdio.h>
#include <stdlib.h>

#include "netcodes.h"

static const char *s(const char *p) { return p != NULL ? p : "-"; }

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        int n = atoi(argv[i]), code = 0;
        printf("%s %s %d %d\\n", s(netcodes_qt_name(n)), s(netcodes_qt_description(n)), netcodes_qt_category(n), netcodes_qt_retry(n));
        printf("%s %s %d %d\\n", s(netcodes_chromium_name(n)), s(netcodes_chromium_description(n)), netcodes_chromium_category(n), netcodes_chromium_retry(n));
        printf("%s %s %d %d\\n", s(netcodes_http_name(n)), s(netcodes_http_description(n)), netcodes_http_category(n), netcodes_http_retry(n));
        printf("%s %s %d %d\\n", s(netcodes_warning_name(n)), s(netcodes_warning_description(n)), netcodes_warning_category(n), netcodes_warning_retry(n));
        const netcodes_rule *rules[4] = {netcodes_http_from_chromium_rule(n), netcodes_qt_from_chromium_rule(n),
                                            netcodes_qt_from_http_status_rule(n), netcodes_http_from_qt_rule(n)};
        for (int k = 0; k < 4; k++) {
            if (rules[k] != NULL) {
                printf("%d %s\\n", rules[k]->to, s(rules[k]->note));
            }
        }
        printf("%d %d %d\\n", netcodes_qt_from_name(argv[i], &code), netcodes_chromium_from_name(argv[i], &code), code);
        printf("%d %d %d %d\\n", netcodes_http_from_name(argv[i], &code), netcodes_http_from_reason(argv[i], &code),
               netcodes_warning_from_name(argv[i], &code), code);
    }
    return 0;
}
"""


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "target/bench/projects"
    crate = (REPO / "generated/rust").as_posix()
    tiny = 'fn main() {\n    println!("{}", DEP);\n}\n'
    write(out / "build-netcodes/Cargo.toml", cargo_toml("build-netcodes", f'netcodes = {{ path = "{crate}" }}'))
    write(out / "build-netcodes/src/main.rs",
          "const DEP: &str = \"netcodes\";\n" + tiny.replace('"{}", DEP', '"{} {:?}", DEP, netcodes::http::Status::new(404).name()'))
    write(out / "build-http/Cargo.toml", cargo_toml("build-http", f'http = "={http_version()}"'))
    # The workspace's lock file: http's own dependencies at the workspace's
    # versions too (cargo drops the packages this project does not use).
    write(out / "build-http/Cargo.lock", (REPO / "Cargo.lock").read_text(encoding="utf-8"))
    write(out / "build-http/src/main.rs",
          "const DEP: &str = \"http\";\n" + tiny.replace('"{}", DEP', '"{} {:?}", DEP, http::StatusCode::NOT_FOUND.canonical_reason()'))
    write(out / "size-rust/Cargo.toml", cargo_toml("size-rust", f'netcodes = {{ path = "{crate}" }}'))
    write(out / "size-rust/src/main.rs", RUST_SIZE_MAIN)
    write(out / "size-c/main.c", C_SIZE_MAIN)
    print(out)


if __name__ == "__main__":
    main()
