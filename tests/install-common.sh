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
