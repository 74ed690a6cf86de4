# Installs what tests/c_header.rs builds with, on a fresh Debian bookworm
# machine, as root: `bash tests/c_header/install.sh` (sourcing works too:
# everything runs in a subshell). Idempotent; prints nothing unless a step
# fails, and then that step's whole output.
#
# gcc/g++ and clang/clang++ for the compile matrix; libclang-rt-14-dev holds
# clang's sanitizer runtimes (gcc's come with gcc); cmake, make and
# qt6-base-dev build the Qt example in tests/qt-example; binutils gives nm for
# the symbol check.
(
set -eu
apt_packages="gcc g++ clang libclang-rt-14-dev cmake make qt6-base-dev binutils"
missing=""
for package in $apt_packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' \
        || missing="$missing $package"
done
if [ -n "$missing" ]; then
    log=$(mktemp)
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -q && apt-get install -y -q --no-install-recommends $missing; } >"$log" 2>&1; then
        echo "tests/c_header/install.sh: failed to install:$missing" >&2
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
fi
)
