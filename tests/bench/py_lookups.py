#!/usr/bin/env python3
"""Python lookups of the generated package against the standard library.

    PYTHONPATH=generated/python python3 tests/bench/py_lookups.py [repeat]

Times, with timeit, `netcodes.http.lookup(code)` against `http.HTTPStatus(code)`
and `netcodes.http.from_name(name)` against `http.HTTPStatus[name]`, over the
same inputs: every member of `http.HTTPStatus` (by value, and by member name).
Unknown values are timed too: netcodes answers None, the standard library
raises ValueError / KeyError, which the caller has to catch. Each statement
walks its whole input list; the best of `repeat` runs counts (timeit's
advice: the minimum is the least disturbed). Prints CSV:

    operation,inputs,calls,netcodes_ns,stdlib_ns,ratio

ratio is stdlib time / netcodes time (above 1: netcodes is faster). The
other systems' lookups, which have no standard-library peer, follow with
stdlib_ns empty. Python standard library only.
"""

import http
import sys
import timeit

import netcodes.chromium
import netcodes.http
import netcodes.qt
import netcodes.warning

REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 7


def best_ns(stmt: str, env: dict, calls: int) -> float:
    timer = timeit.Timer(stmt, globals=env)
    number, _ = timer.autorange()  # at least 0.2 s a run
    return min(timer.repeat(repeat=REPEAT, number=number)) / (number * calls) * 1e9


def stdlib_value(code: int) -> object:
    try:
        return http.HTTPStatus(code)
    except ValueError:
        return None


def stdlib_name(name: str) -> object:
    try:
        return http.HTTPStatus[name]
    except KeyError:
        return None


def main() -> None:
    codes = [s.value for s in http.HTTPStatus]
    # Member names both sides accept (all of HTTPStatus's, aliases aside).
    names = [s.name for s in http.HTTPStatus if netcodes.http.from_name(s.name) is not None]
    missing = [s.name for s in http.HTTPStatus if netcodes.http.from_name(s.name) is None]
    unknown_codes = [c for c in range(100, 1000) if c not in set(codes) and netcodes.http.lookup(c) is None][: len(codes)]
    unknown_names = [n + "X" for n in names]
    for code in codes:
        assert netcodes.http.lookup(code) == http.HTTPStatus(code), code
    for name in names:
        assert netcodes.http.from_name(name) == http.HTTPStatus[name], name

    env = {
        "netcodes": netcodes, "http": http, "stdlib_value": stdlib_value, "stdlib_name": stdlib_name,
        "codes": codes, "names": names, "unknown_codes": unknown_codes, "unknown_names": unknown_names,
        "lookup": netcodes.http.lookup, "from_name": netcodes.http.from_name, "HTTPStatus": http.HTTPStatus,
    }
    print("operation,inputs,calls,netcodes_ns,stdlib_ns,ratio")

    def row(operation: str, inputs: str, calls: int, ours: str, theirs: str | None) -> None:
        a = best_ns(ours, env, calls)
        if theirs is None:
            print(f"{operation},{inputs},{calls},{a:.1f},,", flush=True)
            return
        b = best_ns(theirs, env, calls)
        print(f"{operation},{inputs},{calls},{a:.1f},{b:.1f},{b / a:.2f}", flush=True)

    # Each as (operation, inputs, the list it runs over, netcodes' call of x, the standard library's).
    comparisons = (
        # The way each is called in a program: module attribute vs class call.
        ("http.lookup(code) vs HTTPStatus(code)", "known", "codes", "netcodes.http.lookup(x)", "http.HTTPStatus(x)"),
        ("http.from_name(name) vs HTTPStatus[name]", "known", "names", "netcodes.http.from_name(x)", "http.HTTPStatus[x]"),
        # Bound to local names first, as a hot loop would.
        ("lookup(code) vs HTTPStatus(code) (bound names)", "known", "codes", "lookup(x)", "HTTPStatus(x)"),
        ("from_name(name) vs HTTPStatus[name] (bound names)", "known", "names", "from_name(x)", "HTTPStatus[x]"),
        # Unknown inputs: None against a caught exception.
        ("http.lookup(code) vs HTTPStatus(code) + except ValueError", "unknown", "unknown_codes",
         "netcodes.http.lookup(x)", "stdlib_value(x)"),
        ("http.from_name(name) vs HTTPStatus[name] + except KeyError", "unknown", "unknown_names",
         "netcodes.http.from_name(x)", "stdlib_name(x)"),
    )
    for operation, inputs, over, ours, theirs in comparisons:
        row(operation, inputs, len(env[over]), f"for x in {over}: {ours}", f"for x in {over}: {theirs}")

    for module, enum in ((netcodes.qt, netcodes.qt.NetworkError), (netcodes.chromium, netcodes.chromium.NetError),
                         (netcodes.warning, netcodes.warning.Warning)):
        values = [m.value for m in enum]
        member_names = [m.name for m in enum]
        env.update({"mod": module, "values": values, "member_names": member_names})
        short = module.__name__.split(".")[-1]
        row(f"{short}.lookup(code)", "known", len(values), "for c in values: mod.lookup(c)", None)
        row(f"{short}.from_name(name)", "known", len(member_names), "for n in member_names: mod.from_name(n)", None)
    if missing:
        print(f"# HTTPStatus names netcodes.http.from_name does not accept: {' '.join(missing)}", file=sys.stderr)


if __name__ == "__main__":
    main()
