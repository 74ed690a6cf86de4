# Installs what tests/python_package.rs runs the generated Python package
# through, as root: `bash tests/python/install.sh`. Idempotent; prints one line
# naming what it installs (nothing when all is there), and a failing step's
# whole output.
#
#   /opt/netcodes-python/tools/bin/{mypy,ruff,python}   mypy (stubtest) and ruff, pinned
#   /opt/netcodes-python/node_modules/.bin/pyright      pyright from npm, pinned
#   /opt/netcodes-python/wheelhouse/                    the build backend, so the
#                                                       test's `pip install` needs no network
#
# The pins here and in tests/python_package.rs must agree: the test checks
# the installed versions and names this script when they differ.
(
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../install-common.sh"
prefix=/opt/netcodes-python
python=${NETCODES_PYTHON:-python3}
mypy_version=2.4.1
ruff_version=0.17.6
pyright_version=1.1.414
flit_core_version=4.2.0


# Debian's python3 needs python3-venv for `python -m venv`; other Pythons
# (pyenv, the official images) bring it along.
apt_missing=""
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    want_apt python3-venv
fi

tools="$prefix/tools"
tools_missing=$(pip_missing "$tools" "mypy==$mypy_version" "ruff==$ruff_version")
[ -z "$tools_missing" ] || want "mypy $mypy_version and ruff $ruff_version (pip, $tools)"

pyright_missing=$(npm_missing "$prefix" "pyright@$pyright_version")
[ -z "$pyright_missing" ] || want "pyright $pyright_version (npm, $prefix)"

wheelhouse="$prefix/wheelhouse"
wheel_missing=""
if ! ls "$wheelhouse"/flit_core-"$flit_core_version"-*.whl >/dev/null 2>&1; then
    wheel_missing=yes
    want "the flit_core $flit_core_version wheel ($wheelhouse)"
fi

announce
apt_install $apt_missing
if [ -n "$tools_missing" ]; then
    quietly "$python" -m venv --clear "$tools"
    quietly "$tools/bin/python" -m pip install --disable-pip-version-check \
        "mypy==$mypy_version" "ruff==$ruff_version"
fi
[ -z "$pyright_missing" ] || npm_install "$prefix" --no-save "pyright@$pyright_version"
if [ -n "$wheel_missing" ]; then
    mkdir -p "$wheelhouse"
    quietly "$python" -m pip download --disable-pip-version-check --no-deps --only-binary :all: \
        -d "$wheelhouse" "flit_core==$flit_core_version"
fi
)
