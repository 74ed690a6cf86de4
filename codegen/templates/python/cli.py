# {{ notice }}
{%- if stub %}
from collections.abc import Sequence

__all__ = ["main"]

def main(argv: Sequence[str] | None = None) -> int: ...
{%- else %}
"""The netcodes command: every code a number or a name stands for, explained.

    python -m netcodes 499
    python -m netcodes net::ERR_NAME_NOT_RESOLVED
    python -m netcodes -105 --json

The Rust crate's binary answers the same, byte for byte.
"""

from __future__ import annotations

import json
import sys
from importlib import import_module
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from collections.abc import Sequence

from netcodes.vocabulary import Category, Retry

__all__ = ["main"]

_HELP = {{ help }}

# Each system, in the order of data/, with the functions that map its codes:
# (module of the target system, function).
_SYSTEMS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
{%- for (id, mappings) in systems %}
    ({{ id }}, ({% for (target, function) in mappings %}({{ target }}, {{ function }}), {% endfor %})),
{%- endfor %}
)



class _Meaning(TypedDict):
    name: str | None
    identifier: str
    source: str
    status: str
    category: str
    retry: str
    description: str


class _Mapping(TypedDict):
    system: str
    value: int
    name: str
    kind: str
    note: str | None


class _Entry(TypedDict):
    system: str
    value: int
    retired: bool
    meanings: list[_Meaning]
    mappings: list[_Mapping]


_ASCII_SPACE = " \t\n\r\x0b\x0c"
# The range the Rust binary reads numbers in (i128).
_LARGEST = 2**127


def _number(text: str) -> int | None:
    """The number ``text`` spells in ASCII digits, an optional sign and white space around."""
    text = text.strip(_ASCII_SPACE)
    digits = text[1:] if text[:1] in ("+", "-") else text
    if not digits or not all("0" <= c <= "9" for c in digits):
        return None
    number = int(text)
    return number if -_LARGEST <= number < _LARGEST else None


def _label(system: str, code: int) -> str:
    """The phrase of a code's primary meaning, or its identifier where it has none."""
    first = import_module(f"netcodes.{system}").meanings(code)[0]
    return str(first.phrase or first.identifier)


def _entry(system: str, code: int, mappings: tuple[tuple[str, str], ...]) -> _Entry:
    module = import_module(f"netcodes.{system}")
    meanings: list[_Meaning] = [
        {
            "name": m.phrase,
            "identifier": m.identifier,
            "source": m.source,
            "status": m.status,
            "category": m.category.value,
            "retry": m.retry.value,
            "description": m.description,
        }
        for m in module.meanings(code)
    ]
    rules: list[_Mapping] = []
    for target, function in mappings:
        rule = getattr(import_module(f"netcodes.{target}"), f"{function}_rule")(code)
        if rule is not None:
            to = int(rule.to)
            rules.append(
                {
                    "system": target,
                    "value": to,
                    "name": _label(target, to),
                    "kind": rule.kind.value,
                    "note": rule.note,
                }
            )
    retired = not meanings and bool(module.is_retired(code))
    return {"system": system, "value": code, "retired": retired, "meanings": meanings, "mappings": rules}


def _find(text: str) -> list[_Entry]:
    """Every system's code that ``text`` is the number or a name of."""
    number = _number(text)
    found: list[_Entry] = []
    for system, mappings in _SYSTEMS:
        module = import_module(f"netcodes.{system}")
        if number is not None:
            known = module.lookup(number) is not None or module.is_retired(number)
            code = number if known else None
        else:
            member = module.from_name(text)
            code = None if member is None else int(member)
        if code is not None:
            found.append(_entry(system, code, mappings))
    return found


def _text(entry: _Entry) -> list[str]:
    head = f"{entry['system']} {entry['value']}"
    if entry["retired"]:
        return [f"{head} retired: upstream no longer uses this number"]
    lines: list[str] = []
    for meaning in entry["meanings"]:
        category = Category(meaning["category"])
        retry = Retry(meaning["retry"])
        lines += [
            f"{head} {meaning['name'] or meaning['identifier']}",
            f"  identifier   {meaning['identifier']}",
            f"  source       {meaning['source']}",
            f"  status       {meaning['status']}",
            f"  category     {category.value} ({category.title})",
            f"  retry        {retry.value} ({retry.title})",
            f"  description  {meaning['description']}",
        ]
    for rule in entry["mappings"]:
        note = f": {rule['note']}" if rule["note"] is not None else ""
        lines.append(f"{head} maps to {rule['system']} {rule['value']} {rule['name']} ({rule['kind']}){note}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command with ``argv`` (default: ``sys.argv[1:]``); returns its exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = False
    queries: list[str] = []
    options = True
    for arg in args:
        if options and arg == "--":
            options = False
        elif options and arg in ("-h", "--help"):
            sys.stdout.write(_HELP)
            return 0
        elif options and arg == "--json":
            as_json = True
        elif options and arg.startswith("--"):
            sys.stderr.write(f"netcodes: unknown option {arg}\n{_HELP}")
            return 2
        else:
            queries.append(arg)
    if not queries:
        sys.stderr.write(_HELP)
        return 2
    entries: list[_Entry] = []
    unknown = False
    for query in queries:
        found = _find(query)
        if not found:
            sys.stderr.write(f"netcodes: no system has a code numbered or named \"{query}\" ({{ system_list }})\n")
            unknown = True
        entries += found
    if as_json:
        sys.stdout.write(json.dumps(entries, indent=2) + "\n")
    else:
        lines: list[str] = []
        for entry in entries:
            lines += _text(entry)
        sys.stdout.write("".join(f"{line}\n" for line in lines))
    return 1 if unknown else 0
{%- endif %}
