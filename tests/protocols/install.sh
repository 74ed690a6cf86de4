# Installs what tests/upstream_protocols.rs and tests/grpc_live.rs compare
# data/grpc, data/websocket, data/http2, data/http3 and their mappings
# against, on a fresh Debian bookworm machine, as root:
# `bash tests/protocols/install.sh`. Idempotent; prints one line naming what
# it installs (nothing when all is there), and a failing step's whole output.
#
# Every version is pinned: the tests compare data/ with exactly these releases.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
prefix=/opt/netcodes-upstream/protocols

# grpcio (grpc.StatusCode, and the client of the live test), websockets
# (CloseCode), h2 (ErrorCodes, and the server of the live test), aioquic
# (HTTP/3 and QPACK ErrorCode), googleapis-common-protos (google/rpc/code.proto,
# whose comments pair each gRPC status with an HTTP status).
pip_packages="grpcio==1.85.3 websockets==17.4 h2==4.4.1 aioquic==1.7.2 googleapis-common-protos==1.76.0"
# shellcheck disable=SC2086  # one word per package
pip_missing=$(pip_missing "$prefix/venv" $pip_packages)
[ -z "$pip_missing" ] || want "$pip_packages (pip, $prefix/venv)"
# Debian's python3 makes virtual environments only with python3-venv.
venv_missing=""
python3 -c 'import ensurepip' 2>/dev/null || venv_missing=python3-venv

# @grpc/grpc-js: its `status` enum, read with the machine's Node.js.
npm_packages="@grpc/grpc-js@1.14.7"
# shellcheck disable=SC2086  # one word per package
npm_missing=$(npm_missing "$prefix" $npm_packages)
apt_wanted="$venv_missing"
command -v npm >/dev/null || apt_wanted="$apt_wanted nodejs npm"
# shellcheck disable=SC2086  # one word per package
[ -z "${apt_wanted# }" ] || want "Debian packages ${apt_wanted# }"
[ -z "$npm_missing" ] || want "npm $npm_packages ($prefix)"

announce
# shellcheck disable=SC2086
apt_install $apt_wanted
# shellcheck disable=SC2086  # one word per package
[ -z "$pip_missing" ] || pip_install "$prefix/venv" $pip_packages
# shellcheck disable=SC2086
[ -z "$npm_missing" ] || npm_install "$prefix" --no-save --ignore-scripts $npm_packages
)
