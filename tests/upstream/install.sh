# Installs what tests/upstream_*.rs compare data/ against, on a fresh Debian
# bookworm machine, as root: `bash tests/upstream/install.sh` (sourcing works
# too: everything runs in a subshell). Idempotent; prints one line naming
# what it installs (nothing when all is there), and a failing step's whole output.
#
# Versions are pinned where data/ names one (symbols.toml, network_error.toml).
# Debian's packages are pinned by the release itself; the tests compare the
# installed versions with data/, so a point release shows up as a failure.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
prefix=/opt/netcodes-upstream


# Qt 6 headers; the toolchains whose standard libraries name HTTP statuses;
# the PHP, Ruby and Java libraries that do the same; the shared libraries the
# PyQt6 wheels load (QtCore pulls in GLib, D-Bus, fontconfig...).
apt_packages="qt6-base-dev g++ pkg-config golang-go openjdk-17-jdk-headless
  php-cli php-symfony-http-foundation ruby ruby-rack libhttpcore5-java
  python3-venv libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3"
# The machine image brings its own Node.js and npm; Debian's only where none is.
command -v npm >/dev/null || apt_packages="$apt_packages nodejs npm"
# shellcheck disable=SC2086  # one word per package
apt_missing=$(apt_missing $apt_packages)
[ -z "$apt_missing" ] || want "Debian packages $apt_missing"

# PyQt6 in a virtual environment of its own, so that the machine's python3,
# whose http.HTTPStatus is compared as it is, stays as the image has it.
pyqt6="$prefix/pyqt6"
freeze=$("$pyqt6/bin/python" -m pip freeze 2>/dev/null || true)
pyqt6_missing=""
if ! printf '%s\n' "$freeze" | grep -qx 'PyQt6==6.11.0' \
    || ! printf '%s\n' "$freeze" | grep -qx 'PyQt6-Qt6==6.11.2'; then
    pyqt6_missing=yes
    want "PyQt6 6.11.0 (pip, $pyqt6)"
fi

# PySide6 on the same Qt release, in a venv of its own (the two bindings ship
# their own Qt libraries and are not meant to share a process).
pyside6="$prefix/pyside6"
freeze=$("$pyside6/bin/python" -m pip freeze 2>/dev/null || true)
pyside6_missing=""
if ! printf '%s\n' "$freeze" | grep -qx 'PySide6_Essentials==6.11.2'; then
    pyside6_missing=yes
    want "PySide6 6.11.2 (pip, $pyside6)"
fi

# npm packages, read as plain files under one prefix. Only Angular's .d.ts
# files are read, so its peers (@angular/core, rxjs) are left out, and its
# Node engine range (newer than the machine's Node 20) does not matter.
npm_packages="@angular/common@22.2.6 chromium-net-errors@13.0.0"
npm_missing=""
for spec in $npm_packages; do
    name="${spec%@*}"
    version="${spec##*@}"
    grep -qs "\"version\": \"$version\"" "$prefix/node_modules/$name/package.json" || npm_missing=yes
done
[ -z "$npm_missing" ] || want "npm $npm_packages ($prefix)"

announce
# shellcheck disable=SC2086
apt_install $apt_missing
if [ -n "$pyqt6_missing" ]; then
    quietly python3 -m venv "$pyqt6"
    quietly "$pyqt6/bin/python" -m pip install --disable-pip-version-check \
        PyQt6==6.11.0 PyQt6-Qt6==6.11.2
fi
if [ -n "$pyside6_missing" ]; then
    quietly python3 -m venv "$pyside6"
    quietly "$pyside6/bin/python" -m pip install --disable-pip-version-check PySide6-Essentials==6.11.2
fi
if [ -n "$npm_missing" ]; then
    mkdir -p "$prefix"
    # shellcheck disable=SC2086
    quietly npm install --prefix "$prefix" --no-save --legacy-peer-deps --ignore-scripts \
        --no-audit --no-fund $npm_packages
fi
)
