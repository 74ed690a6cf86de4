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
want_apt $apt_packages
# The JDK whose HttpURLConnection names data/ records (the `java` ecosystem's
# version in data/http/system.toml) or a later one: a machine image may carry
# an older point release, which apt then upgrades.
java_release=$(python3 -c 'import sys, tomllib
print(next(e["version"] for e in tomllib.load(open(sys.argv[1], "rb"))["ecosystem"] if e["id"] == "java"))' \
    "$(dirname "${BASH_SOURCE[0]}")/../../data/http/system.toml")
jdk=$(dpkg-query -W -f='${Version}' openjdk-17-jdk-headless 2>/dev/null || true)
if [ -n "$jdk" ] && dpkg --compare-versions "${jdk%%+*}" lt "$java_release"; then
    apt_missing="${apt_missing:+$apt_missing }openjdk-17-jdk-headless"
    want "OpenJDK $java_release (Debian openjdk-17-jdk-headless, now ${jdk%%+*})"
fi

# PyQt6 in a virtual environment of its own, so that the machine's python3,
# whose http.HTTPStatus is compared as it is, stays as the image has it.
pyqt6="$prefix/pyqt6"
pyqt6_packages="PyQt6==6.11.0 PyQt6-Qt6==6.11.2"
# shellcheck disable=SC2086  # one word per package
pyqt6_missing=$(pip_missing "$pyqt6" $pyqt6_packages)
[ -z "$pyqt6_missing" ] || want "PyQt6 6.11.0 (pip, $pyqt6)"

# PySide6 on the same Qt release, in a venv of its own (the two bindings ship
# their own Qt libraries and are not meant to share a process).
pyside6="$prefix/pyside6"
pyside6_missing=$(pip_missing "$pyside6" PySide6_Essentials==6.11.2)
[ -z "$pyside6_missing" ] || want "PySide6 6.11.2 (pip, $pyside6)"

# npm packages, read as plain files under one prefix. Only Angular's .d.ts
# files are read, so its peers (@angular/core, rxjs) are left out, and its
# Node engine range (newer than the machine's Node 20) does not matter.
npm_packages="@angular/common@22.2.6 chromium-net-errors@13.0.0"
# shellcheck disable=SC2086  # one word per package
npm_missing=$(npm_missing "$prefix" $npm_packages)
[ -z "$npm_missing" ] || want "npm $npm_packages ($prefix)"

# Later releases of the libraries whose names have a history (symbols.csv's
# alias_since, deprecated_since, removed_since), nginx, whose binary holds
# its own reason phrases, and Qt 5's headers (NetworkAccessibility, gone in Qt 6): Debian's packages, unpacked under $prefix/deb/<suite>
# and never installed, so the machine's own Rack and HttpComponents stay as
# they are. Each suite's current version is taken; the tests compare it with
# the releases data/http/system.toml lists, so a new Debian upload shows up
# there as a failure. bookworm is this machine's own release.
debs="bookworm:nginx bookworm:qtbase5-dev trixie:ruby-rack sid:ruby-rack sid:libhttpcore5-java"
deb_missing=""
for spec in $debs; do
    [ -e "$prefix/deb/${spec%%:*}/${spec#*:}/DEBIAN/control" ] || deb_missing=yes
done
[ -z "$deb_missing" ] || want "Debian $debs, unpacked ($prefix/deb)"

announce
# shellcheck disable=SC2086
apt_install $apt_missing
if [ -n "$deb_missing" ]; then
    apt_dir="$prefix/apt"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
    # The machine's own Debian mirrors, as apt is set up to use them.
    archive=$(apt-cache policy | awk '$3 == "bookworm/main" {print $2; exit}')
    security=$(apt-cache policy | awk '$3 == "bookworm-security/main" {print $2; exit}')
    [ -n "$archive" ] || { printf '%s: apt has no bookworm/main source\n' "$script" >&2; exit 1; }
    for suite in bookworm trixie sid; do
        printf 'deb %s %s main\n' "$archive" "$suite"
    done >"$apt_dir/sources.list"
    [ -z "$security" ] || printf 'deb %s bookworm-security main\n' "$security" >>"$apt_dir/sources.list"
    apt_options="-o Dir::Etc::SourceList=$apt_dir/sources.list -o Dir::Etc::SourceParts=/dev/null \
        -o Dir::State::Lists=$apt_dir/lists -o Dir::Cache::Archives=$apt_dir/archives \
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
    # shellcheck disable=SC2086
    quietly apt-get $apt_options update
    for spec in $debs; do
        suite=${spec%%:*}
        package=${spec#*:}
        target="$prefix/deb/$suite/$package"
        [ ! -e "$target/DEBIAN/control" ] || continue
        work=$(mktemp -d)
        # The suite's version of the package; bookworm's from bookworm-security where newer.
        version=$(apt-cache $apt_options madison "$package" \
            | awk -F'|' -v suite="$suite" '$3 ~ "debian(-security)? "suite"[-/]" {gsub(/ /, "", $2); print $2; exit}')
        [ -n "$version" ] || { printf '%s: no %s in Debian %s\n' "$script" "$package" "$suite" >&2; exit 1; }
        # shellcheck disable=SC2086
        (cd "$work" && quietly apt-get $apt_options download "$package=$version")
        rm -rf "$target"
        mkdir -p "$target"
        quietly dpkg-deb -R "$work"/*.deb "$target"
        rm -rf "$work"
    done
fi
# shellcheck disable=SC2086  # one word per package
[ -z "$pyqt6_missing" ] || pip_install "$pyqt6" $pyqt6_packages
[ -z "$pyside6_missing" ] || pip_install "$pyside6" PySide6_Essentials==6.11.2
# shellcheck disable=SC2086
[ -z "$npm_missing" ] || npm_install "$prefix" --no-save --legacy-peer-deps --ignore-scripts $npm_packages
)
