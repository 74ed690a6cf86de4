# Installs what tests/failure_lab.rs needs beyond PyQt6 (tests/upstream/install.sh)
# and Chromium (tests/docs/install.sh), on a fresh Debian bookworm machine, as
# root: `bash tests/failure-lab/install.sh` (sourcing works too: everything
# runs in a subshell). Idempotent; prints one line naming what it installs
# (nothing when all is there), and a failing step's whole output.
#
# Debian's packages are pinned by the release itself; data/failure_lab/lab.toml
# names the client versions the reports were observed with, and the test
# compares them with what is installed.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"

# curl (a client) and its header (the CURLcode names); certutil, which makes
# Chromium trust the lab's test CA; Debian's python3 with cryptography, which
# makes the certificates; iproute2 (`ip`) and util-linux (`unshare`), which
# give the lab a network namespace with loopback only. Its servers and DNS
# responder are Python's standard library.
want_apt curl libcurl4-openssl-dev libnss3-tools python3 python3-cryptography iproute2 util-linux

announce
# shellcheck disable=SC2086  # one word per package
apt_install $apt_missing
)
