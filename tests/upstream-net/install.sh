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
want_apt $apt_packages

pip_packages="pycurl==$pycurl_version dnspython==$dnspython_version"
# shellcheck disable=SC2086  # one word per package
pip_missing=$(pip_missing "$venv" $pip_packages)
[ -z "$pip_missing" ] || want "pycurl $pycurl_version and dnspython $dnspython_version (pip, $venv)"

announce
# shellcheck disable=SC2086
apt_install $apt_missing
# The pycurl wheel carries its own libcurl: nothing is compiled.
# shellcheck disable=SC2086  # one word per package
[ -z "$pip_missing" ] || pip_install "$venv" --only-binary pycurl $pip_packages
)
