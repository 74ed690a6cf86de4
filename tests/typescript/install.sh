# Installs what tests/typescript.rs runs the generated npm package through, as
# root: `bash tests/typescript/install.sh` (sourcing works too: everything
# runs in a subshell). Idempotent; prints one line naming what it installs
# (nothing when all is there), and a failing step's whole output.
#
#   /opt/netcodes-typescript/node_modules/.bin/tsc       TypeScript, pinned
#   /opt/netcodes-typescript/node_modules/.bin/esbuild   the bundler whose output size BENCHMARKS.md reports
#   /opt/netcodes-typescript/node_modules/{statuses,http-status-codes,http-status,chromium-net-errors}
#                                                       the npm packages netcodes is compared with
#   /opt/netcodes-typescript/node_modules/express       what the README's Express example runs on
#   chromium (Debian)                                   the browser check
#
# Node.js and npm come with the machine image (Debian's where none is). The
# pins here are the only place versions are set: tests/typescript.rs reads
# them from this file and checks the installed packages against them.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
prefix=/opt/netcodes-typescript
typescript_version=7.0.2
esbuild_version=0.28.2
statuses_version=2.0.2
http_status_codes_version=2.3.0
http_status_version=2.1.0
chromium_net_errors_version=13.0.0
express_version=5.3.0


apt_packages="chromium"
command -v npm >/dev/null || apt_packages="$apt_packages nodejs npm"
# shellcheck disable=SC2086  # one word per package
want_apt $apt_packages

specs="typescript@$typescript_version esbuild@$esbuild_version statuses@$statuses_version
  http-status-codes@$http_status_codes_version http-status@$http_status_version
  chromium-net-errors@$chromium_net_errors_version express@$express_version"
# shellcheck disable=SC2086  # one word per package
npm_missing=$(npm_missing "$prefix" $specs)
[ -z "$npm_missing" ] || want "npm packages $npm_missing (into $prefix)"

announce
# shellcheck disable=SC2086  # one word per package
apt_install $apt_missing
if [ -n "$npm_missing" ]; then
    mkdir -p "$prefix"
    # A package.json of the prefix's own keeps the set together: npm
    # installs every pin at once and removes what none of them needs.
    printf '{"private": true, "description": "tools for tests/typescript.rs; see tests/typescript/install.sh"}\n' \
        >"$prefix/package.json"
    # shellcheck disable=SC2086  # one word per package
    npm_install "$prefix" --save-exact --no-update-notifier $specs
fi
)
