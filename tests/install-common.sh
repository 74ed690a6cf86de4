# Shared by the tests/*/install.sh scripts (each sources it inside its own
# subshell): run quietly, and install the Debian packages that are missing.

# Runs a command, printing nothing unless it fails; then its whole output,
# under the name of the script that ran it.
quietly() {
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        echo "$0: failed: $*" >&2
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

# Installs whichever of the named Debian packages are not installed yet.
apt_install() {
    missing=""
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' \
            || missing="$missing $package"
    done
    if [ -n "$missing" ]; then
        export DEBIAN_FRONTEND=noninteractive
        quietly apt-get update -q
        # shellcheck disable=SC2086  # one word per package
        quietly apt-get install -y -q --no-install-recommends $missing
    fi
}
