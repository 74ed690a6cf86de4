#!/usr/bin/env python3
"""Import times of the generated Python package, next to the standard library's `http`.

    python3 tests/bench/py_import.py [RUNS]

Each module is imported in a fresh interpreter with `-X importtime`, its
bytecode compiled beforehand (as pip does on install), RUNS times (default
30); the table gives the fastest run's cumulative microseconds, the figure
least disturbed by whatever else the machine is doing. Prints Markdown rows.
"""

import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generated" / "python"


def modules() -> list[str]:
    names = sorted(p.stem for p in (PACKAGE / "netcodes").glob("*.py") if p.stem not in ("__init__", "__main__", "cli"))
    return ["netcodes"] + [f"netcodes.{name}" for name in names]


def import_time(module: str, env: dict[str, str]) -> int:
    """Cumulative microseconds of `import module`, from -X importtime."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=env, capture_output=True, text=True, check=True,
    )
    for line in result.stderr.splitlines():
        fields = [f.strip() for f in line.split("|")]
        if len(fields) == 3 and fields[2] == module:
            return int(fields[1])
    raise SystemExit(f"no importtime line for {module}:\n{result.stderr}")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(PACKAGE)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE / "netcodes")], env=env, check=True)
    print("| module | import (ms, fastest of %d) |" % runs)
    print("|---|---|")
    for module in ["http"] + modules():
        best = min(import_time(module, env) for _ in range(runs))
        print(f"| `{module}` | {best / 1000:.2f} |")


if __name__ == "__main__":
    main()
