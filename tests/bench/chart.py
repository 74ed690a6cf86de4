#!/usr/bin/env python3
"""Draws the charts of BENCHMARKS.md as plain SVG from target/bench/results.json
(written by report.py):

- tests/bench/generator.svg: generator wall time against extra code rows
  (release and debug builds), with the 2 s target;
- tests/bench/lookups.svg: ns per lookup, netcodes against its peer in the
  same run (Rust: the http crate and an array index; C: a linear scan;
  Python: http.HTTPStatus), on a logarithmic scale.

Python standard library only; the output depends only on the results.
"""

import json
import math
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "target/bench/results.json"
FONT = 'font-family="sans-serif" font-size="12"'
OURS, PEER, BASE = "#1f77b4", "#ff7f0e", "#7f7f7f"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def svg(width: int, height: int, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">\n'
            f'<rect width="{width}" height="{height}" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n")


def generator_chart(results: dict) -> str:
    synth = {int(k): v for k, v in results["generate_synth"].items()}
    rows = sorted(synth)
    w, h, left, right, top, bottom = 640, 360, 70, 150, 40, 50
    xmax = max(rows) or 1
    ymax_s = max(max(synth[r]["release"]["mean_ms"], synth[r]["debug"]["mean_ms"]) for r in rows) / 1000
    ymax = max(2.5, ymax_s * 1.1)
    x = lambda v: left + (w - left - right) * v / xmax
    y = lambda s: h - bottom - (h - top - bottom) * s / ymax
    body = [f'<text x="{w / 2}" y="20" text-anchor="middle" {FONT} font-size="14">'
            "cargo xtask generate: wall time against extra code rows (synthetic tables)</text>"]
    body.append(f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" stroke="black"/>')
    body.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{h - bottom}" stroke="black"/>')
    step = 1 if ymax <= 6 else (5 if ymax <= 30 else 10 * math.ceil(ymax / 60))
    tick = 0.0
    while tick <= ymax:
        body.append(f'<line x1="{left - 4}" y1="{y(tick):.1f}" x2="{w - right}" y2="{y(tick):.1f}" stroke="#ddd"/>')
        body.append(f'<text x="{left - 8}" y="{y(tick) + 4:.1f}" text-anchor="end" {FONT}>{tick:g} s</text>')
        tick += step
    for r in rows:
        body.append(f'<text x="{x(r):.1f}" y="{h - bottom + 18}" text-anchor="middle" {FONT}>{r:,}</text>')
    body.append(f'<text x="{(left + w - right) / 2}" y="{h - 10}" text-anchor="middle" {FONT}>'
                "extra code rows (plus 1.5 mapping rows each)</text>")
    body.append(f'<line x1="{left}" y1="{y(2):.1f}" x2="{w - right}" y2="{y(2):.1f}" stroke="red" stroke-dasharray="6 4"/>')
    body.append(f'<text x="{w - right + 6}" y="{y(2) + 4:.1f}" {FONT} fill="red">target: 2 s</text>')
    for build, color in (("release", OURS), ("debug", PEER)):
        points = " ".join(f"{x(r):.1f},{y(synth[r][build]['mean_ms'] / 1000):.1f}" for r in rows)
        body.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="2"/>')
        for r in rows:
            s = synth[r][build]["mean_ms"] / 1000
            body.append(f'<circle cx="{x(r):.1f}" cy="{y(s):.1f}" r="3.5" fill="{color}"/>')
        last = synth[rows[-1]][build]["mean_ms"] / 1000
        body.append(f'<text x="{w - right + 6}" y="{y(last) + 4:.1f}" {FONT} fill="{color}">{build} build ({last:.1f} s)</text>')
    return svg(w, h, body)


def lookup_pairs(results: dict) -> list[tuple[str, str, float, str, float]]:
    """(group, label, netcodes ns, peer name, peer ns)."""
    crit = results["criterion"]
    pairs = []
    for op, label in (("reason_from_u16", "u16 -> reason"), ("from_u16", "from_u16"), ("canonical_reason", "StatusCode -> reason")):
        ours, theirs = crit.get(f"http_vs_netcodes/{op}.netcodes.known"), crit.get(f"http_vs_netcodes/{op}.http.known")
        if ours and theirs:
            pairs.append(("Rust", label, ours["ns"], "http crate", theirs["ns"]))
    ours, base = crit["http_vs_netcodes/description.netcodes.known"], crit["http_vs_netcodes/description.array_index.known"]
    pairs.append(("Rust", "code -> description", ours["ns"], "array index", base["ns"]))
    for row in results["c"]:
        if row["inputs"] == "known" and row["system"] in ("chromium", "http") or row["operation"] == "map" and row["inputs"] == "known":
            pairs.append(("C", f"{row['system']} {row['operation']}", float(row["netcodes_ns"]), "linear scan", float(row["scan_ns"])))
    for row in results["python"]:
        if row["stdlib_ns"] and row["inputs"] == "known" and "bound" not in row["operation"]:
            label = row["operation"].split(" vs ")[0]
            pairs.append(("Python", label, float(row["netcodes_ns"]), "http.HTTPStatus", float(row["stdlib_ns"])))
    return pairs


def lookups_chart(results: dict) -> str:
    pairs = lookup_pairs(results)
    bar, gap, left, right, top = 9, 8, 230, 170, 50
    w = 820
    h = top + len(pairs) * (2 * bar + gap) + 50
    lo, hi = 0.1, 10 ** math.ceil(math.log10(max(max(p[2], p[4]) for p in pairs)))
    x = lambda ns: left + (w - left - right) * (math.log10(max(ns, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    body = [f'<text x="{w / 2}" y="20" text-anchor="middle" {FONT} font-size="14">'
            "Time per lookup, netcodes against its peer in the same run (log scale, shorter is faster)</text>"]
    decade = lo
    while decade <= hi * 1.001:
        body.append(f'<line x1="{x(decade):.1f}" y1="{top - 8}" x2="{x(decade):.1f}" y2="{h - 40}" stroke="#ddd"/>')
        body.append(f'<text x="{x(decade):.1f}" y="{h - 25}" text-anchor="middle" {FONT}>{decade:g} ns</text>')
        decade *= 10
    yy = top
    for group, label, ours, peer, theirs in pairs:
        body.append(f'<text x="{left - 8}" y="{yy + bar + 4}" text-anchor="end" {FONT}>{esc(group)}: {esc(label)}</text>')
        for value, color, name in ((ours, OURS, "netcodes"), (theirs, BASE if peer == "array index" else PEER, peer)):
            body.append(f'<rect x="{left}" y="{yy}" width="{max(x(value) - left, 1):.1f}" height="{bar}" fill="{color}"/>')
            body.append(f'<text x="{x(value) + 4:.1f}" y="{yy + bar - 1}" {FONT} font-size="10">{value:.1f} ns {esc(name)}</text>')
            yy += bar
        yy += gap
    return svg(w, h, body)


def main() -> None:
    results = json.loads(RESULTS.read_text())
    (REPO / "tests/bench/generator.svg").write_text(generator_chart(results), encoding="utf-8")
    (REPO / "tests/bench/lookups.svg").write_text(lookups_chart(results), encoding="utf-8")


if __name__ == "__main__":
    main()
