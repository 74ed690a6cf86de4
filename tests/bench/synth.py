#!/usr/bin/env python3
"""Make a synthetic netcodes repository with ROWS extra code rows, for timing the generator.

    python3 tests/bench/synth.py ROWS OUT_DIR

OUT_DIR gets a copy of data/ (and nothing else: the generator writes
OUT_DIR/generated/ when run with NETCODES_ROOT=OUT_DIR). Into that copy go
ROWS valid rows, half in each of two systems so that both lookup paths of
the generated code are exercised at every size:

- Qt (`data/qt/codes.csv`): ROWS/2 codes with consecutive values from
  1000, a new `synthetic` group holding them. Values close together: the
  generated lookup is a dense index table.
- Chromium (`data/chromium/codes.csv`): ROWS/2 codes at every 16th value
  below -1000, a new `synthetic` group. Values spread out (a span 16 times the
  row count): the generated lookup is a binary search.

Every mapping marked `total` must cover every current code, so each new code
also gets an explicit row in each mapping from its system, as the real
Chromium and Qt codes have: Chromium -> HTTP, Chromium -> Qt (targets include
the synthetic Qt codes) and Qt -> HTTP. That is 1.5 mapping rows per code row.

Descriptions and notes are distinct sentences of realistic length (150 to 250
bytes), categories and retry classes cycle through the vocabulary, so string
tables are as large as real ones of the same size would be. Python standard
library only; the output depends only on ROWS.
"""

import re
import shutil
import sys
from pathlib import Path

CATEGORIES = [
    "dns", "connection", "timeout", "network", "tls", "certificate", "proxy", "auth",
    "client", "content", "rate_limit", "server", "protocol", "http", "cache", "policy",
    "cancelled", "local", "unknown",
]
RETRIES = ["never", "safe", "after_delay", "fresh_connection", "retry_after", "idempotent"]
HTTP_TARGETS = [500, 502, 503, 504, 403]
WORDS = (
    "request response connection server client proxy certificate resolver socket stream header "
    "body cache policy timeout handshake address tunnel redirect upload download session"
).split()

DENSE_FIRST = 1000  # first synthetic Qt value
SPARSE_FIRST = -1000  # first synthetic Chromium value
SPARSE_STEP = 16


def sentence(i: int, kind: str) -> str:
    """A distinct, deterministic description of 150 to 250 bytes."""
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(6 + i % 5)]
    return (
        f"Synthetic {kind} {i}: the {' '.join(words[:3])} failed while the {' '.join(words[3:])} "
        f"was being prepared. Check the configuration of item {i}, then send the request again "
        f"after a short delay."
    )


def csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def set_top_level(toml: str, key: str, value: int) -> str:
    """Replaces `key = ...` before the first [[group]] (the metadata's own key)."""
    head, sep, tail = toml.partition("[[group]]")
    head, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", head, count=1)
    assert n == 1, key
    return head + sep + tail


def add_group(system_toml: Path, key: str, lo: int, hi: int) -> None:
    """Widens the system's range (its `key`, min or max) to lo..hi, and adds
    a `synthetic` group of lo..hi."""
    toml = set_top_level(system_toml.read_text(encoding="utf-8"), key, lo if key == "min" else hi)
    toml = toml.rstrip("\n") + f'\n\n[[group]]\nid = "synthetic"\ntitle = "Synthetic (benchmark)"\nmin = {lo}\nmax = {hi}\n'
    system_toml.write_text(toml, encoding="utf-8")


def append(path: Path, lines: list[str]) -> None:
    with path.open("a", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")


def map_to_http(path: Path, names: list[str], note: str) -> None:
    """A row of the mapping table to HTTP for each name, with a distinct note."""
    append(path, [
        f"{name},{HTTP_TARGETS[i % len(HTTP_TARGETS)]},approximate,{csv_field(sentence(i, note))}"
        for i, name in enumerate(names)
    ])


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = int(sys.argv[1])
    out = Path(sys.argv[2])
    repo = Path(__file__).resolve().parents[2]
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(repo / "data", out / "data")
    data = out / "data"

    n_qt = rows // 2
    n_ch = rows - n_qt
    qt_names = [f"BenchCode{i}Error" for i in range(n_qt)]
    ch_names = [f"BENCH_CODE_{i}" for i in range(n_ch)]

    # Qt: dense values.
    if n_qt:
        add_group(data / "qt/system.toml", "max", DENSE_FIRST, DENSE_FIRST + n_qt - 1)
        append(data / "qt/codes.csv", [
            f"{name},{DENSE_FIRST + i},synthetic,current,,{CATEGORIES[i % len(CATEGORIES)]},"
            f"{RETRIES[i % len(RETRIES)]},{csv_field(sentence(i, 'Qt error'))}"
            for i, name in enumerate(qt_names)
        ])
        map_to_http(data / "map/qt_to_http.csv", qt_names, "gateway note")

    # Chromium: sparse values.
    if n_ch:
        lowest = SPARSE_FIRST - SPARSE_STEP * (n_ch - 1)
        add_group(data / "chromium/system.toml", "min", lowest, SPARSE_FIRST)
        append(data / "chromium/codes.csv", [
            f"{name},{SPARSE_FIRST - SPARSE_STEP * i},synthetic,current,{CATEGORIES[i % len(CATEGORIES)]},"
            f"{RETRIES[i % len(RETRIES)]},false,false,{csv_field(sentence(i, 'net error'))}"
            for i, name in enumerate(ch_names)
        ])
        map_to_http(data / "map/chromium_to_http.csv", ch_names, "status note")
        append(data / "map/chromium_to_qt.csv", [
            (f"{name},{qt_names[i % n_qt]},equivalent," if n_qt and i % 3 == 0
             else f"{name},UnknownNetworkError,approximate,{csv_field(sentence(i, 'Qt note'))}")
            for i, name in enumerate(ch_names)
        ])


if __name__ == "__main__":
    main()
