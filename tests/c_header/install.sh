# Installs what tests/c_header.rs and tests/cpp_header.rs build with, on a fresh Debian bookworm
# machine, as root: `bash tests/c_header/install.sh` (sourcing works too:
# everything runs in a subshell). Idempotent; prints one line naming what it
# installs (nothing when all is there), and a failing step's whole output.
#
# gcc/g++ and clang/clang++ for the compile matrix; libclang-rt-14-dev holds
# clang's sanitizer runtimes (gcc's come with gcc); cmake, make and
# qt6-base-dev build the Qt examples in tests/qt-example and tests/cpp; binutils
# gives nm for the symbol check; pkgconf (pkg-config) reads the installed
# netcodes.pc and Qt's flags; git serves FetchContent a git URL.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
apt_packages="gcc g++ clang libclang-rt-14-dev cmake make qt6-base-dev binutils pkgconf git"

# shellcheck disable=SC2086  # one word per package
want_apt $apt_packages

announce
# shellcheck disable=SC2086
apt_install $apt_missing
)
