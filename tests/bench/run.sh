#!/usr/bin/env bash
# Reproduces every number in BENCHMARKS.md, on a clean checkout whose
# generated/ is fresh (`cargo xtask generate --check` passes):
#
#     bash tests/bench/install.sh        # hyperfine, a C compiler, binutils (once)
#     bash tests/typescript/install.sh   # esbuild and the npm packages compared (once)
#     bash tests/bench/run.sh            # about 15 minutes on 2 cores
#
# Results go to target/bench/ (JSON and CSV from each tool); report.py then
# prints the tables of BENCHMARKS.md and chart.py redraws tests/bench/*.svg.
# Set QUICK=1 for a fast, noisier pass (fewer runs, shorter criterion runs).
# Benchmarks, not tests: nothing here fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/bench
mkdir -p "$OUT"
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=3; CRIT="--warm-up-time 1 --measurement-time 2"; ROUNDS=3; else RUNS=10; CRIT="--warm-up-time 2 --measurement-time 5"; ROUNDS=7; fi

echo "== machine" >&2
{ nproc; grep -m1 "model name" /proc/cpuinfo | cut -d: -f2; rustc --version; cc --version | head -1; python3 --version; hyperfine --version; echo "node $(node --version)"; } > "$OUT/machine.txt"

echo "== 1. generator on the real data" >&2
cargo build -q -p xtask
cargo build -q --release -p xtask
cargo xtask generate --check >/dev/null  # generated/ must be fresh: the runs below are no-ops
# What `cargo xtask generate` prints as its own time (debug build, as the alias runs it), and a release build.
for bin in debug release; do
  for _ in $(seq "$RUNS"); do "target/$bin/xtask" generate; done | sed -n 's/.*(\([0-9]*\) ms)$/\1/p' > "$OUT/generate-ms-$bin.txt"
done
# A no-op run writes nothing: every file under generated/ keeps its bytes and its mtime.
find generated -type f -printf '%p %T@ %s\n' | sort > "$OUT/noop-before.txt"
cargo xtask generate > "$OUT/noop-output.txt"
find generated -type f -printf '%p %T@ %s\n' | sort > "$OUT/noop-after.txt"
if cmp -s "$OUT/noop-before.txt" "$OUT/noop-after.txt"; then echo "unchanged" > "$OUT/noop-result.txt"; else echo "CHANGED" > "$OUT/noop-result.txt"; fi
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/generate-real.json" \
  -n 'cargo xtask generate' 'cargo xtask generate' \
  -n 'target/debug/xtask generate' 'target/debug/xtask generate' \
  -n 'target/release/xtask generate' 'target/release/xtask generate' >&2

echo "== 1. generator on synthetic tables" >&2
for rows in 1000 10000 40000 100000; do
  python3 tests/bench/synth.py "$rows" "$OUT/synth-$rows"
  runs=$RUNS; [ "$rows" = 100000 ] && runs=$((QUICK == 1 ? 1 : 3))
  # From scratch (every file written), with the debug build `cargo xtask` runs and a release build.
  hyperfine -N --runs "$runs" --export-json "$OUT/generate-synth-$rows.json" \
    --prepare "rm -rf $OUT/synth-$rows/generated" \
    -n "debug $rows" "env NETCODES_ROOT=$OUT/synth-$rows target/debug/xtask generate" \
    -n "release $rows" "env NETCODES_ROOT=$OUT/synth-$rows target/release/xtask generate" >&2
done
# The same with the real data from scratch, for the growth chart's first point.
rm -rf "$OUT/synth-0" && python3 tests/bench/synth.py 0 "$OUT/synth-0"
hyperfine -N --runs "$RUNS" --export-json "$OUT/generate-synth-0.json" --prepare "rm -rf $OUT/synth-0/generated" \
  -n "debug 0" "env NETCODES_ROOT=$OUT/synth-0 target/debug/xtask generate" \
  -n "release 0" "env NETCODES_ROOT=$OUT/synth-0 target/release/xtask generate" >&2

echo "== 1. clean build: the generated crate against the http crate" >&2
python3 tests/bench/projects.py "$OUT/projects" >/dev/null
for dep in netcodes http; do  # resolve and fetch once, outside the timing; the lock files are then complete
  cargo build -q --manifest-path "$OUT/projects/build-$dep/Cargo.toml" --target-dir "$OUT/build-target-$dep"
done
hyperfine --runs "$RUNS" --export-json "$OUT/build.json" \
  --prepare "rm -rf $OUT/build-target-netcodes $OUT/build-target-http" \
  -n netcodes "cargo build -q --locked --manifest-path $OUT/projects/build-netcodes/Cargo.toml --target-dir $OUT/build-target-netcodes" \
  -n http "cargo build -q --locked --manifest-path $OUT/projects/build-http/Cargo.toml --target-dir $OUT/build-target-http" >&2

echo "== 2. Rust lookups (criterion)" >&2
rm -rf target/criterion
# shellcheck disable=SC2086
cargo bench -q -p conformance --bench lookups -- $CRIT > "$OUT/criterion.txt"

echo "== 3. C lookups" >&2
cc -O2 -std=c99 -I generated/c tests/bench/c_lookups.c -o "$OUT/c_lookups"
"$OUT/c_lookups" "$ROUNDS" > "$OUT/c_lookups.csv"

echo "== 4. Python lookups" >&2
PYTHONPATH=generated/python python3 tests/bench/py_lookups.py "$ROUNDS" > "$OUT/py_lookups.csv"

echo "== 5. sizes" >&2
cargo build -q --release --manifest-path "$OUT/projects/size-rust/Cargo.toml" --target-dir "$OUT/size-target"
python3 tests/bench/sizes.py rust "$OUT/size-target/release/size-rust" > "$OUT/size-rust.json"
cc -O2 -std=c99 -I generated/c "$OUT/projects/size-c/main.c" -o "$OUT/size-c"
python3 tests/bench/sizes.py c "$OUT/size-c" > "$OUT/size-c.json"

echo "== 6. JavaScript: lookups and bundle sizes against the npm packages" >&2
JS_MODULES=/opt/netcodes-typescript/node_modules
if [ ! -d "$JS_MODULES/esbuild" ]; then echo "no $JS_MODULES/esbuild: run bash tests/typescript/install.sh" >&2; exit 1; fi
node tests/bench/js_lookups.mjs "$JS_MODULES" "$ROUNDS" > "$OUT/js_lookups.csv"
node tests/bench/js_sizes.mjs "$JS_MODULES" > "$OUT/js_sizes.csv"

echo "== report" >&2
python3 tests/bench/report.py > "$OUT/report.md"
python3 tests/bench/chart.py
cat "$OUT/report.md"
