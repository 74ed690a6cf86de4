#!/usr/bin/env bash
# Where one warm `generate` on the real data spends its time, stage by stage,
# in the dev build (what `cargo xtask generate` runs) and in a release build:
# BENCHMARKS.md, "The 100 ms target".
#
#     bash tests/bench/generate_stages.sh        # 7 runs of each build
#     RUNS=15 bash tests/bench/generate_stages.sh
#     CONFIG=profile.dev.package.prettyplease.opt-level=3 bash tests/bench/generate_stages.sh
#
# CONFIG, if set, holds profile settings to try without editing Cargo.toml,
# separated by spaces; each goes to both builds as `cargo build --config`.
#
# The generator has no timers of its own, so this script adds them to a
# scratch copy of HEAD (a git worktree under target/, removed afterwards; commit
# first: uncommitted changes are not measured) and runs every stage alone: the
# renderers one after another, and the per-system work inside loading and the
# Rust renderer on one thread. Each figure is then that stage's own time on
# one core, and the stages add up to the whole run's CPU time. The copy reads
# this checkout's data/ and generated/ (NETCODES_ROOT), so generated/ must be
# fresh: every run is a no-op.
#
# Prints one Markdown table (median milliseconds per stage over the runs) and
# what the 2 cores could at best make of each total. Needs git and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-7}
COPY=$ROOT/target/generate-stages/tree
export CARGO_TARGET_DIR=$ROOT/target/generate-stages/target

cargo xtask generate --check >/dev/null
git worktree remove --force "$COPY" 2>/dev/null || rm -rf "$COPY"
git worktree add --quiet --detach "$COPY" HEAD
trap 'git worktree remove --force "$COPY"' EXIT

# The timers. Each edit names the text it expects, so a renamed function fails
# here rather than measuring nothing.
python3 - "$COPY" <<'EOF'
import sys
from pathlib import Path
root = Path(sys.argv[1])

def edit(path, anchor, replacement):
    file = root / path
    text = file.read_text(encoding="utf-8")
    if text.count(anchor) != 1:
        sys.exit(f"generate_stages.sh: {path} no longer has exactly one {anchor.strip()!r}; update the script")
    file.write_text(text.replace(anchor, replacement), encoding="utf-8")

def timer(name, since):
    """A line printing how long the stage `name` has run since the Instant `since`."""
    return f'eprintln!("STAGE {{}} {{}}", {name}, {since}.elapsed().as_secs_f64() * 1e3);'

edit("codegen/src/lib.rs", "    let work = &work;\n",
     "    let work = &work;\n    if true { return items.iter().map(work).collect(); }\n")
edit("codegen/src/render/mod.rs", "        let mut files = render(model);\n",
     "        let begun = std::time::Instant::now();\n        let mut files = render(model);\n"
     "        " + timer("stage_name(&files)", "begun") + "\n")
# C, C++ and CMake all write to generated/c: tell them apart by the first file.
with open(root / "codegen/src/render/mod.rs", "a", encoding="utf-8") as file:
    file.write("""
fn stage_name(files: &[GeneratedFile]) -> String {
    let path = &files[0].path;
    let output = match path.rsplit('.').next() {
        Some("hpp") => "cpp",
        Some("txt" | "in") => "cmake",
        _ => path.split('/').nth(1).unwrap_or("?"),
    };
    format!("render:{output}")
}
""")
edit("codegen/src/render/rust/mod.rs", "        out.push_str(&space_members(&prettyplease::unparse(&single)));\n",
     "        let begun = std::time::Instant::now();\n        let printed = prettyplease::unparse(&single);\n"
     "        " + timer('"rust:prettyplease"', "begun") + "\n"
     "        out.push_str(&space_members(&printed));\n")
edit("xtask/src/main.rs", "    let files = codegen::generate(&model);\n",
     "    " + timer('"load"', "started") + "\n    let files = codegen::generate(&model);\n"
     "    let planning = Instant::now();\n")
edit("xtask/src/main.rs", "    if check {\n        if plan.is_clean() {\n",
     "    " + timer('"compare"', "planning") + "\n    if check {\n        if plan.is_clean() {\n")
EOF

config=()
for setting in ${CONFIG:-}; do config+=(--config "$setting"); done
(cd "$COPY" && cargo build -q "${config[@]}" -p xtask && cargo build -q "${config[@]}" --release -p xtask)

python3 - "$CARGO_TARGET_DIR" "$RUNS" "$ROOT" <<'EOF'
import collections, os, statistics, subprocess, sys
target, runs, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
results = {}
for build in ("debug", "release"):
    stages, totals = collections.defaultdict(list), []
    for _ in range(runs):
        run = subprocess.run([f"{target}/{build}/xtask", "generate"], capture_output=True, text=True,
                             env=dict(os.environ, NETCODES_ROOT=root), check=True)
        sums = collections.Counter()
        for line in run.stderr.splitlines():
            if line.startswith("STAGE "):
                _, name, ms = line.split()
                sums[name] += float(ms)
        for name, ms in sums.items():
            stages[name].append(ms)
        totals.append(sum(ms for name, ms in sums.items() if name != "rust:prettyplease"))
    results[build] = ({name: statistics.median(v) for name, v in stages.items()}, statistics.median(totals))

names = sorted(results["debug"][0], key=lambda n: -results["debug"][0][n])
print(f"| stage (one core, median of {runs} runs) | dev build | release build |")
print("|---|---|---|")
for name in names:
    label = "  of which prettyplease printing" if name == "rust:prettyplease" else name
    print(f"| {label} | {results['debug'][0][name]:.1f} ms | {results['release'][0].get(name, 0):.1f} ms |")
for build in ("debug", "release"):
    times, total = results[build]
    without_rust = total - times["render:rust"]
    print(f"{build}: {total:.0f} ms of work in all, so at best {total / 2:.0f} ms on 2 cores; "
          f"without the Rust renderer {without_rust:.0f} ms ({without_rust / 2:.0f} ms on 2 cores); "
          f"with only its prettyplease calls {without_rust + times['rust:prettyplease']:.0f} ms "
          f"({(without_rust + times['rust:prettyplease']) / 2:.0f} ms on 2 cores)")
EOF
