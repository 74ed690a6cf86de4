# Installs what tests/docs_site.rs needs, on a fresh Debian bookworm machine
# with Rust, as root: `bash tests/docs/install.sh` (sourcing works too:
# everything runs in a subshell). Idempotent; prints one line naming what it
# installs (nothing when all is there), and a failing step's whole output.
#
# mdBook is pinned: its HTML (heading ids, warnings) is what the tests read,
# and `cargo xtask docs` builds with no other (xtask/src/docs.rs, MDBOOK_VERSION).
# Chromium comes from Debian, pinned by the release itself.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
mdbook_version=0.5.4


# cargo install puts mdbook in ~/.cargo/bin, which may not be on PATH yet here.
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
installed=$(PATH="$cargo_bin:$PATH" mdbook --version 2>/dev/null || true)
[ "$installed" = "mdbook v$mdbook_version" ] || want "mdBook $mdbook_version (cargo install, $cargo_bin)"

# Headless Chromium loads the built site (--dump-dom needs no fonts).
want_apt chromium

announce
if [ "$installed" != "mdbook v$mdbook_version" ]; then
    quietly cargo install mdbook --version "$mdbook_version" --locked
fi
# shellcheck disable=SC2086  # one word per package
apt_install $apt_missing
)
