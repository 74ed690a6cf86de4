#!/usr/bin/env bash
# The first `cargo xtask generate` from a clean clone, under several dev-profile
# settings: one Markdown table row per setting (BENCHMARKS.md, "From a clean
# clone"), so the choice of profile can be re-checked whenever the generator or
# its dependencies change.
#
#     bash tests/bench/first_build.sh              # every variant below
#     bash tests/bench/first_build.sh none hot3    # only these
#     bash tests/bench/first_build.sh opt:codegen-text=3,prettyplease=3
#
# Each variant gets a fresh `git clone` of this repository's HEAD (commit
# first: uncommitted changes are not measured), its [profile.*] sections
# replaced by the variant's, an empty target directory and an empty
# CARGO_HOME (so crates.io downloads are part of the figure, as on a fresh
# machine; set FIRST_BUILD_CARGO_HOME=DIR to share one, already filled, and
# time compilation alone). The toolchain is rustup's, found on PATH as usual.
#
# Columns: wall and CPU (user + sys) seconds of the first `cargo xtask
# generate` (build and run), the milliseconds that run printed, and for 5 more
# runs of the built binary (real data, nothing to write) the median of the
# milliseconds each printed and of the CPU time each used. On a busy machine
# compare the CPU columns: wall times there measure the other work too. With TIMINGS=1 the first run also writes cargo's
# --timings report and the 8 slowest units go to stderr.
#
# Needs git, python3 and /usr/bin/time (Debian package `time`). Scratch
# space: target/first-build/ (each clone is removed after its row, set
# KEEP=1 to keep them).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${FIRST_BUILD_WORK:-$ROOT/target/first-build}
mkdir -p "$WORK"

# The settings compared. `before` is the profile before issue 15 (every
# dependency at opt-level 3, with full debug info); the others optimise only
# what runs when the generator runs: codegen itself, and (hotN) the crates
# whose code it calls at run time, $HOT, at opt-level N. The proc macros
# (serde_derive, askama's) stay at the default opt-level 0, except where they
# share a crate with the run-time side (syn, proc-macro2: a named package's
# setting applies to its build-time copy too).
profile() {
  case "$1" in
    before) cat <<'EOF'
[profile.dev.package.codegen]
opt-level = 3

[profile.dev.package."*"]
opt-level = 3
EOF
    ;;
    none) ;;
    # No debug info anywhere (backtraces keep function names, lose lines):
    # since issues 18-25 tripled codegen, its debug info is a third of the build.
    nodebug) cat <<'EOF'
[profile.dev]
debug = false
EOF
    ;;
    nodebug-deps) cat <<'EOF'
[profile.dev.package."*"]
debug = false
EOF
    ;;
    codegen1|codegen2|codegen3) cat <<EOF
[profile.dev.package.codegen]
opt-level = ${1#codegen}
EOF
    ;;
    codegen3-nodebug) cat <<'EOF'
[profile.dev.package.codegen]
opt-level = 3

[profile.dev.package."*"]
debug = false
EOF
    ;;
    hot1|hot2|hot3) level=${1#hot}; cat <<EOF
[profile.dev.package.codegen]
opt-level = ${CODEGEN_OPT:-3}

[profile.dev.package."*"]
debug = "line-tables-only"

$(for crate in $HOT; do
    printf '[profile.dev.package.%s]\nopt-level = %s\n\n' "$crate" "$level"
  done)
EOF
    ;;
    # The parsers only (csv, toml and what they use, no syn), codegen at N (0: default).
    codegen[0-3]-parse[1-3]) level=${1#*-parse} cg=${1%%-*}; cat <<EOF
[profile.dev.package.codegen]
opt-level = ${cg#codegen}

$(for crate in $PARSERS; do
    printf '[profile.dev.package.%s]\nopt-level = %s\n\n' "$crate" "$level"
  done)
EOF
    ;;
    # No debug info (the dev profile on main) and the named crates at the
    # given opt-levels: `opt:codegen-text=3,prettyplease=3`.
    opt:*) printf '[profile.dev]\ndebug = false\n\n'
      for setting in $(echo "${1#opt:}" | tr ',' ' '); do
        printf '[profile.dev.package.%s]\nopt-level = %s\n\n' "${setting%%=*}" "${setting#*=}"
      done
    ;;
    *) echo "first_build.sh: unknown variant $1" >&2; return 1 ;;
  esac
}
# The crates whose code `generate` runs, besides codegen (cargo tree -p xtask -e normal);
# hotN sets them to opt-level N and codegen to CODEGEN_OPT (default 3).
HOT=${HOT:-csv csv-core memchr toml toml_parser winnow serde_core syn prettyplease proc-macro2}
PARSERS=${PARSERS:-csv csv-core memchr toml toml_parser winnow serde_core}
all_variants="before none nodebug nodebug-deps codegen1 codegen3 codegen3-nodebug hot1 hot3 codegen0-parse3 codegen1-parse3 codegen3-parse3"
# shellcheck disable=SC2206  # variants are single words
variants=(${*:-$all_variants})

# The workspace Cargo.toml without its [profile.*] sections (and their comments).
strip_profiles() {
  python3 - "$1" <<'EOF'
import sys
path = sys.argv[1]
out, comments, skipping = [], [], False
for line in open(path, encoding="utf-8").read().splitlines():
    if line.startswith("#"):
        comments.append(line)  # belongs to what follows
        continue
    if line.startswith("["):
        skipping = line.startswith("[profile.")
    if not skipping:
        out += comments + [line]
    comments = []
open(path, "w", encoding="utf-8").write("\n".join(out + comments).rstrip("\n") + "\n")
EOF
}

echo "| variant | first \`cargo xtask generate\`: wall | CPU (user + sys) | it printed | warm \`generate\`: printed | CPU |"
echo "|---|---|---|---|---|---|"
# One first build of a variant, from nothing; fails if the build or the run does.
first_build() {
  variant=$1 clone=$2 home=$3 dir=$4
  rm -rf "$clone"
  git clone -q "$ROOT" "$clone"
  strip_profiles "$clone/Cargo.toml"
  { echo; profile "$variant"; } >> "$clone/Cargo.toml"
  [ -n "${FIRST_BUILD_CARGO_HOME:-}" ] || rm -rf "$home"
  mkdir -p "$home"
  timings=()
  [ "${TIMINGS:-0}" = 1 ] && timings=(--timings)
  (
    cd "$clone"
    export CARGO_HOME=$home CARGO_TARGET_DIR=$clone/target
    /usr/bin/time -f '%e %U %S' -o "$WORK/$dir.time" \
      cargo run --quiet "${timings[@]}" --package xtask -- generate > "$WORK/$dir.out"
  )
}

for variant in "${variants[@]}"; do
  # A variant's name as a folder name (`opt:` variants hold `:`, `=` and `,`).
  dir=$(echo "$variant" | tr ':=,' '_-_')
  clone="$WORK/$dir"
  home=${FIRST_BUILD_CARGO_HOME:-$WORK/cargo-home-$dir}
  # A build killed from outside (a shared machine) is started again, once.
  if ! first_build "$variant" "$clone" "$home" "$dir"; then
    echo "first_build.sh: $variant failed; once more from nothing" >&2
    if ! first_build "$variant" "$clone" "$home" "$dir"; then
      echo "| $variant | failed twice | | | | |"
      continue
    fi
  fi
  read -r wall user sys < "$WORK/$dir.time"
  printed=$(sed -n 's/.*(\([0-9]*\) ms)$/\1/p' "$WORK/$dir.out")
  # The 5 warm runs: the median of the milliseconds each printed, and of the
  # CPU time each used (less sensitive to other work on the machine).
  read -r warm warm_cpu < <(python3 - "$clone/target/debug/xtask" <<'EOF'
import re, resource, statistics, subprocess, sys
printed, cpu = [], []
for _ in range(5):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.argv[1], "generate"], check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    printed.append(int(re.search(r"\((\d+) ms\)$", out.strip()).group(1)))
    cpu.append(1000 * (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
print(statistics.median(printed), round(statistics.median(cpu)))
EOF
)
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  echo "| $variant | ${wall} s | ${cpu} s | ${printed} ms | ${warm} ms | ${warm_cpu} ms |"
  if [ "${TIMINGS:-0}" = 1 ]; then
    python3 - "$clone/target/cargo-timings/cargo-timing.html" "$variant" >&2 <<'EOF'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
units = json.loads(re.search(r"UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
units.sort(key=lambda u: -u["duration"])
print(f"{sys.argv[2]}: slowest units: " + ", ".join(
    f"{u['name']} {u['version']}{' (' + u['mode'] + ')' if u['mode'] != 'todo' else ''} {u['duration']:.1f}s" for u in units[:8]))
EOF
  fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$clone" "$WORK/cargo-home-$dir"
done
