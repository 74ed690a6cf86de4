# Installs what tests/upstream_curl.rs, upstream_tls.rs and upstream_dns.rs
# compare data/curl, data/tls and data/dns against, as root: `bash
# tests/upstream-net/install.sh`. Idempotent; prints one line naming what it
# installs (nothing when all is there), and a failing step's whole output.
#
#   /usr/include/<arch>/curl/curl.h      Debian's libcurl4-openssl-dev (curl 7.88.1
#                                        on bookworm), and its libcurl.so.4
#   /opt/netcodes-upstream/net/bin/python  pycurl (with the newer libcurl its wheel
#                                        bundles) and dnspython, pinned; the venv's
#                                        python is the machine's, whose
#                                        ssl.AlertDescription the TLS test reads
#
# The pins here and the ecosystem versions in data/curl/system.toml and
# data/dns/system.toml must agree: the tests compare them.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
venv=/opt/netcodes-upstream/net
pycurl_version=7.49.0
dnspython_version=2.9.2

apt_packages="libcurl4-openssl-dev gcc pkg-config"
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || apt_packages="$apt_packages python3-venv"
# shellcheck disable=SC2086  # one word per package
apt_missing=$(apt_missing $apt_packages)
[ -z "$apt_missing" ] || want "Debian packages $apt_missing"

freeze=$("$venv/bin/python" -m pip freeze 2>/dev/null || true)
pip_missing=""
if ! printf '%s\n' "$freeze" | grep -qx "pycurl==$pycurl_version" \
    || ! printf '%s\n' "$freeze" | grep -qx "dnspython==$dnspython_version"; then
    pip_missing=yes
    want "pycurl $pycurl_version and dnspython $dnspython_version (pip, $venv)"
fi

announce
# shellcheck disable=SC2086
apt_install $apt_missing
if [ -n "$pip_missing" ]; then
    quietly python3 -m venv "$venv"
    # The pycurl wheel carries its own libcurl: nothing is compiled.
    quietly "$venv/bin/python" -m pip install --disable-pip-version-check --only-binary pycurl \
        "pycurl==$pycurl_version" "dnspython==$dnspython_version"
fi
)
