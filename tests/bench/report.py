#!/usr/bin/env python3
"""Turns the results tests/bench/run.sh leaves in target/bench/ into the
Markdown tables of BENCHMARKS.md (printed), and target/bench/results.json
(read by chart.py). Python standard library only.
"""

import csv
import json
import statistics
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "target/bench"


def hyperfine(name: str) -> dict[str, dict[str, float]]:
    data = json.loads((OUT / name).read_text())
    return {r["command"]: {"mean_ms": r["mean"] * 1e3, "stddev_ms": (r["stddev"] or 0) * 1e3,
                           "min_ms": r["min"] * 1e3, "max_ms": r["max"] * 1e3} for r in data["results"]}


def criterion() -> dict[str, dict[str, float]]:
    """Per benchmark: ns per lookup (criterion's mean / inputs), with its 95% interval."""
    results = {}
    for bench in sorted((REPO / "target/criterion").glob("*/*/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        n = (meta.get("throughput") or {}).get("Elements", 1)
        mean = estimates["mean"]
        results[meta["full_id"]] = {
            "ns": mean["point_estimate"] / n,
            "lo": mean["confidence_interval"]["lower_bound"] / n,
            "hi": mean["confidence_interval"]["upper_bound"] / n,
            "inputs": n,
        }
    return results


def read_csv(name: str) -> list[dict[str, str]]:
    with (OUT / name).open() as f:
        return [row for row in csv.DictReader(line for line in f if not line.startswith("#"))]


def heading(title: str, columns: list[str]) -> str:
    """A section's heading and the header of its table."""
    return f"### {title}\n\n| {' | '.join(columns)} |\n|{'---|' * len(columns)}"


def js_tables(results: dict[str, object]) -> str:
    """The JavaScript lookups and bundle sizes, side by side with the npm packages."""
    lines: list[str] = []
    say = lines.append
    rows = read_csv("js_lookups.csv")
    results["js_lookups"] = rows
    packages: list[str] = []
    for r in rows:
        if r["package"] not in packages:
            packages.append(r["package"])
    # netcodes' own two columns first, then the packages in the order they came.
    order = list(packages)
    packages.sort(key=lambda p: (not p.startswith("netcodes"), order.index(p)))
    say("\n" + heading("JavaScript lookups (Node, ns of CPU time per call, best of the rounds)", ["operation", "inputs", *packages]))
    table: dict[tuple[str, str], dict[str, str]] = {}
    for r in rows:
        table.setdefault((r["operation"], f"{r['inputs']} ({r['calls']})"), {})[r["package"]] = r["ns"]
    for (operation, inputs), cells in table.items():
        shown = [cells.get(p, "") for p in packages]
        say(f"| {operation} | {inputs} | " + " | ".join(c if c else " " for c in shown) + " |")
    sizes = read_csv("js_sizes.csv")
    results["js_sizes"] = sizes
    say("\n" + heading("What esbuild keeps (`--bundle --minify`, bytes)", ["case", "package", "program", "minified", "gzip -9"]))
    for r in sizes:
        say(f"| {r['case']} | {r['package']} | `{r['program']}` | {int(r['bytes']):,} | {int(r['gzip']):,} |")
    return "\n".join(lines)


def main() -> None:
    results: dict[str, object] = {}
    lines: list[str] = []
    say = lines.append

    # 1. Generator
    ms = {b: [int(x) for x in (OUT / f"generate-ms-{b}.txt").read_text().split()] for b in ("debug", "release")}
    real = hyperfine("generate-real.json")
    results["generate_printed_ms"] = {b: statistics.median(v) for b, v in ms.items()}
    results["generate_real"] = real
    say(heading("Generator, real data (no-op run)", ["command", "wall time (hyperfine mean ± σ)", "printed by the command (median)"]))
    for cmd, r in real.items():
        printed = ms["release"] if "release" in cmd else ms["debug"]
        say(f"| `{cmd}` | {r['mean_ms']:.1f} ± {r['stddev_ms']:.1f} ms | {statistics.median(printed):.0f} ms |")
    say(f"\nNo-op run: generated/ {(OUT / 'noop-result.txt').read_text().strip()}; the command said "
        f"`{(OUT / 'noop-output.txt').read_text().strip()}`.\n")

    synth = {}
    for rows in (0, 1000, 10000, 40000, 100000):
        path = OUT / f"generate-synth-{rows}.json"
        if path.exists():
            data = hyperfine(path.name)
            synth[rows] = {k.split()[0]: v for k, v in data.items()}
    results["generate_synth"] = synth
    say(heading("Generator, synthetic tables (every file written from scratch)", ["extra code rows", "+ mapping rows", "debug build (`cargo xtask`)", "release build", "release ms per 1,000 rows"]))
    base = synth.get(0, {}).get("release", {}).get("mean_ms", 0.0)
    for rows, r in synth.items():
        per = f"{(r['release']['mean_ms'] - base) / rows * 1000:.0f}" if rows else "-"
        say(f"| {rows:,} | {rows * 3 // 2:,} | {r['debug']['mean_ms']:.0f} ± {r['debug']['stddev_ms']:.0f} ms | "
            f"{r['release']['mean_ms']:.0f} ± {r['release']['stddev_ms']:.0f} ms | {per} |")

    build = hyperfine("build.json")
    results["build"] = build
    say("\n" + heading("Clean build of a tiny binary depending on each crate", ["dependency", "wall time (mean ± σ)"]))
    for cmd, r in build.items():
        say(f"| {cmd} | {r['mean_ms'] / 1000:.2f} ± {r['stddev_ms'] / 1000:.2f} s |")
    say(f"\nRatio netcodes / http: {build['netcodes']['mean_ms'] / build['http']['mean_ms']:.2f}\n")

    # 2. Rust
    crit = criterion()
    results["criterion"] = crit
    say(heading("Rust lookups (criterion, ns per lookup)", ["operation", "inputs", "netcodes", "http", "http / netcodes"]))
    for op in ("reason_from_u16", "from_u16", "canonical_reason"):
        for inputs in ("known", "sweep"):
            ours = crit.get(f"http_vs_netcodes/{op}.netcodes.{inputs}")
            theirs = crit.get(f"http_vs_netcodes/{op}.http.{inputs}")
            if ours and theirs:
                say(f"| {op} | {inputs} ({ours['inputs']}) | {ours['ns']:.2f} | {theirs['ns']:.2f} | {theirs['ns'] / ours['ns']:.2f} |")
    say("\n| code -> description | inputs | netcodes | array index | difference |\n|---|---|---|---|---|")
    for inputs in ("known", "sweep"):
        ours = crit[f"http_vs_netcodes/description.netcodes.{inputs}"]
        base = crit[f"http_vs_netcodes/description.array_index.{inputs}"]
        say(f"| http | {inputs} ({ours['inputs']}) | {ours['ns']:.2f} | {base['ns']:.2f} | {ours['ns'] - base['ns']:+.2f} ns |")
    say("\n| system | operation | known | unknown |\n|---|---|---|---|")
    for system in ("qt", "chromium", "http", "warning"):
        for op in ("name", "description", "from_name"):
            k, u = crit.get(f"netcodes/{system}.{op}.known"), crit.get(f"netcodes/{system}.{op}.unknown")
            if k and u:
                say(f"| {system} | {op} | {k['ns']:.2f} | {u['ns']:.2f} |")
    for mapping in ("chromium_to_http", "chromium_to_qt", "qt_to_http", "http_status_to_qt"):
        k, u = crit.get(f"netcodes/map.{mapping}.known"), crit.get(f"netcodes/map.{mapping}.unknown")
        if k and u:
            say(f"| {mapping} | map | {k['ns']:.2f} | {u['ns']:.2f} |")

    # 3. C
    c_rows = read_csv("c_lookups.csv")
    results["c"] = c_rows
    say("\n" + heading("C lookups (ns per lookup, gcc -O2)", ["system", "operation", "inputs", "netcodes.h", "linear scan", "speedup"]))
    for r in c_rows:
        say(f"| {r['system']} | {r['operation']} | {r['inputs']} ({r['lookups']}) | {float(r['netcodes_ns']):.2f} | "
            f"{float(r['scan_ns']):.2f} | {float(r['speedup']):.1f}x |")

    # 4. Python
    py_rows = read_csv("py_lookups.csv")
    results["python"] = py_rows
    say("\n" + heading("Python lookups (ns per call, timeit, best of the runs)", ["operation", "inputs", "netcodes", "standard library", "stdlib / netcodes"]))
    for r in py_rows:
        stdlib = f"{float(r['stdlib_ns']):.0f}" if r["stdlib_ns"] else "-"
        ratio = f"{float(r['ratio']):.2f}" if r["ratio"] else "-"
        say(f"| {r['operation']} | {r['inputs']} ({r['calls']}) | {float(r['netcodes_ns']):.0f} | {stdlib} | {ratio} |")

    # 5. Sizes
    say("\n" + heading("Sizes", ["binary", "file", "description text", "mapping notes", "lookup tables", "each string once"]))
    for kind in ("rust", "c"):
        s = json.loads((OUT / f"size-{kind}.json").read_text())
        results[f"size_{kind}"] = s
        once = f"{s['text_found_once']} of {s['description_strings'] + s['note_strings']}"
        say(f"| {kind} | {s['file_bytes']:,} B | {s['description_bytes']:,} B ({s['description_strings']}) | "
            f"{s['note_bytes']:,} B ({s['note_strings']}) | {s['table_bytes']:,} B | {once} |")
    for kind in ("rust", "c"):
        s = results[f"size_{kind}"]
        say(f"\n{kind} tables (`nm -S --size-sort`): " + ", ".join(f"`{t['symbol']}` {t['bytes']:,} B" for t in s["tables"]))

    # 6. JavaScript
    if (OUT / "js_lookups.csv").exists():
        say(js_tables(results))
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
