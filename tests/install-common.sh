# Shared by the tests/*/install.sh scripts (each sources it inside its own
# subshell). Each script checks first, gathering with `want` what is missing;
# then `announce` says it in one line (nothing when all is there); then it
# installs quietly. `cargo xtask test` runs them all (xtask/src/test.rs).

# The script being run, for its one line and its failures.
script=${BASH_SOURCE[${#BASH_SOURCE[@]}-1]}

# What this script is about to install, gathered before anything is installed.
wanted=""
want() {
    wanted="${wanted:+$wanted; }$*"
}

# The one line: what is missing and about to be installed, or nothing.
announce() {
    if [ -n "$wanted" ]; then
        echo "$script: installing $wanted"
    fi
}

# Runs a command, printing nothing unless it fails; then its whole output,
# under the name of the script that ran it.
quietly() {
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        echo "$script: failed: $*" >&2
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

# Prints whichever of the named Debian packages are not installed yet, on one line.
apt_missing() {
    missing=""
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' \
            || missing="${missing:+$missing }$package"
    done
    printf '%s' "$missing"
}

# Installs the named Debian packages (none: does nothing).
apt_install() {
    if [ $# -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        quietly apt-get update -q
        quietly apt-get install -y -q --no-install-recommends "$@"
    fi
}

# Wants whichever of the named Debian packages are not installed yet, and
# leaves them in $apt_missing for apt_install.
want_apt() {
    apt_missing=$(apt_missing "$@")
    [ -z "$apt_missing" ] || want "Debian packages $apt_missing"
}

# Prints whichever of the pinned Python packages (NAME==VERSION, as
# `pip freeze` spells them) after the first argument the virtual environment
# it names lacks, on one line: all of them where there is no such environment.
pip_missing() {
    freeze=$("$1/bin/python" -m pip freeze 2>/dev/null || true)
    shift
    missing=""
    for spec in "$@"; do
        printf '%s\n' "$freeze" | grep -qix "$spec" || missing="${missing:+$missing }$spec"
    done
    printf '%s' "$missing"
}

# Installs the Python packages after the first argument (pip arguments) into
# the virtual environment it names, making the environment first if needed.
pip_install() {
    pip_venv=$1
    shift
    [ -x "$pip_venv/bin/python" ] || quietly python3 -m venv "$pip_venv"
    quietly "$pip_venv/bin/python" -m pip install --disable-pip-version-check "$@"
}

# Prints whichever of the npm packages (NAME@VERSION) after the first argument
# are not installed at that version under the prefix it names, on one line.
npm_missing() {
    npm_prefix=$1
    shift
    missing=""
    for spec in "$@"; do
        grep -qs "\"version\": \"${spec##*@}\"" "$npm_prefix/node_modules/${spec%@*}/package.json" \
            || missing="${missing:+$missing }$spec"
    done
    printf '%s' "$missing"
}

# Installs npm packages (the arguments after the first: options and NAME@VERSION)
# under the prefix the first names.
npm_install() {
    npm_prefix=$1
    shift
    mkdir -p "$npm_prefix"
    quietly npm install --prefix "$npm_prefix" --no-audit --no-fund "$@"
}
