#!/usr/bin/env python3
"""Sizes of the description text and of the lookup tables in a built binary.

    python3 tests/bench/sizes.py rust target/bench/projects/size-rust/target/release/size-rust
    python3 tests/bench/sizes.py c    target/bench/size-c

Reads the descriptions and mapping notes from data/, then, in the binary:

- counts how often each distinct string's UTF-8 bytes occur (each should
  occur exactly once: strings shared, not duplicated; a string that is a
  suffix of a longer one may share its bytes, which counts as one);
- sums the bytes of the distinct descriptions and of the other text;
- lists the lookup tables from `nm -S --size-sort -C` (Rust: the statics
  ENTRIES, BY_NAME, INDEX, REASONS, *_RULES, *_EXACT, *_RANGES; C: the
  function-local statics netcodes_rows, netcodes_index, netcodes_names,
  netcodes_rules, ...) with their sizes;
- gives the file size and the size of each allocated section from `size -A`.

Prints one JSON object. Python standard library, `nm` and `size` (binutils).
"""

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

TABLE_NAMES = re.compile(
    r"(ENTRIES|BY_NAME|INDEX|REASONS|_RULES|_EXACT|_RANGES|netcodes_rows|netcodes_index|netcodes_names|"
    r"netcodes_rules|netcodes_reasons|netcodes_exact|netcodes_ranges|netcodes_meanings)"
)


def texts() -> tuple[set[str], set[str]]:
    """Distinct descriptions of offered codes, and distinct mapping notes.

    Names and reason phrases are left out of the duplicate check: short ones
    ("OK", "Not Found") also occur inside longer strings by nature.
    """
    descriptions: set[str] = set()
    for path in ("qt/network_error.csv", "chromium/net_error.csv", "http/status.csv", "http/warning.csv"):
        with (REPO / "data" / path).open(encoding="utf-8", newline="") as f:
            descriptions.update(row["description"] for row in csv.DictReader(f) if row.get("status") not in ("removed", "sentinel"))
    notes: set[str] = set()
    for path in sorted((REPO / "data/map").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            notes.update(row["note"] for row in csv.DictReader(f) if row["note"])
    return descriptions, notes - descriptions


def sections(binary: Path) -> dict[str, int]:
    out = subprocess.run(["size", "-A", str(binary)], check=True, capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0].startswith(".") and parts[1].isdigit():
            result[parts[0]] = int(parts[1])
    return result


def tables(binary: Path) -> list[dict[str, object]]:
    out = subprocess.run(["nm", "-S", "--size-sort", "-C", str(binary)], check=True, capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) == 4 and TABLE_NAMES.search(parts[3]):
            name = re.sub(r"::h[0-9a-f]{16}$", "", parts[3])
            found.append({"symbol": name, "section": parts[2], "bytes": int(parts[1], 16)})
    found.sort(key=lambda t: (-int(t["bytes"]), str(t["symbol"])))
    return found


def occurrences(blob: bytes, text: str) -> int:
    needle = text.encode("utf-8")
    count, start = 0, 0
    while (at := blob.find(needle, start)) != -1:
        count += 1
        start = at + 1
    return count


def main() -> None:
    kind, binary = sys.argv[1], Path(sys.argv[2])
    blob = binary.read_bytes()
    descriptions, other = texts()
    counts = {text: occurrences(blob, text) for text in descriptions | other}
    duplicated = sorted((t for t, n in counts.items() if n > 1), key=len, reverse=True)
    missing = sorted(t for t, n in counts.items() if n == 0)
    table_list = tables(binary)
    report = {
        "kind": kind,
        "binary": str(binary.relative_to(REPO)) if binary.is_relative_to(REPO) else str(binary),
        "file_bytes": len(blob),
        "sections": sections(binary),
        "description_strings": len(descriptions),
        "description_bytes": sum(len(t.encode()) for t in descriptions),
        "note_strings": len(other),
        "note_bytes": sum(len(t.encode()) for t in other),
        "text_found_once": sum(1 for n in counts.values() if n == 1),
        "text_duplicated": len(duplicated),
        "duplicated_examples": [t[:60] for t in duplicated[:5]],
        "text_not_found": len(missing),
        "not_found_examples": [t[:60] for t in missing[:5]],
        "table_bytes": sum(int(t["bytes"]) for t in table_list),
        "tables": table_list,
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
