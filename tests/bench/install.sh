#!/usr/bin/env bash
# What tests/bench/run.sh needs beyond the Rust toolchain and Python 3
# (standard library only): hyperfine for wall times, a C compiler for the C
# timing program, binutils (size, nm) for the size report. Idempotent and
# quiet; criterion comes from crates.io through cargo (tests/Cargo.toml).
set -euo pipefail
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v cc >/dev/null || need+=(gcc)
command -v nm >/dev/null && command -v size >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${need[@]}" >/dev/null
  echo "tests/bench/install.sh: installed ${need[*]}"
fi
