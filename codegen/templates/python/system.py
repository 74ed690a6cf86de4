# {{ notice }}
{{ s.module_doc }}

from __future__ import annotations

import enum
{%- if s.is_http %}
from dataclasses import dataclass
{%- endif %}
{% if !s.mappings.is_empty() %}
from netcodes.mapping import MappingKind, Rule
{%- endif %}
from netcodes.vocabulary import Category, Retry

__all__ = [
{%- for name in s.all %}
    "{{ name }}",
{%- endfor %}
]


class Group(enum.Enum):
    {{ s.group_doc }}
{% for g in s.groups %}
    {{ g.upper }} = {{ g.id }}
{%- endfor %}

    @property
    def title(self) -> str:
        """A short human title."""
        return _GROUP_INFO[self][0]

    @property
    def range(self) -> tuple[int, int]:
        """The inclusive range of values in this group."""
        return _GROUP_INFO[self][1]

    @classmethod
    def of(cls, code: int) -> Group | None:
        """The group whose range holds ``code``, known code or not; None outside every group."""
        for group, (_, (low, high)) in _GROUP_INFO.items():
            if low <= code <= high:
                return group
        return None


_GROUP_INFO: dict[Group, tuple[str, tuple[int, int]]] = {
{%- for g in s.groups %}
    Group.{{ g.upper }}: ({{ g.title }}, ({{ g.min }}, {{ g.max }})),
{%- endfor %}
}


class {{ s.type_name }}(enum.IntEnum):
    {{ s.class_doc }}
{% for m in s.members %}
    {{ m.ident }} = {{ m.value }}
{%- endfor %}

    @property
    def upstream_name(self) -> str{% if s.is_http %} | None{% endif %}:
        {{ s.upstream_name_doc }}
        return _ROWS[self._value_][0]

    @property
    def description(self) -> str:
        """What the code means and what to do about it."""
        return _ROWS[self._value_][1]

    @property
    def category(self) -> Category:
        """What kind of failure this is."""
        return _ROWS[self._value_][2]

    @property
    def retry(self) -> Retry:
        """Whether and how to retry."""
        return _ROWS[self._value_][3]

    @property
    def group(self) -> Group:
        """The documented range the code falls in."""
        return _ROWS[self._value_][4]
{%- if s.is_http %}

    @property
    def phrase(self) -> str | None:
        """The reason phrase, as ``http.HTTPStatus.phrase``; None where the vendor documents none."""
        return _ROWS[self._value_][0]
{%- endif %}
{%- if s.has_since %}

    @property
    def since(self) -> str | None:
        """The upstream version that introduced the code, where upstream documents it."""
        return _ROWS[self._value_][5]
{%- endif %}
{%- for f in s.flags %}

    @property
    def {{ f.method }}(self) -> bool:
        {{ f.doc }}
        return bool(_ROWS[self._value_][6] & {{ f.bit }})
{%- endfor %}


# value -> (upstream name, description, category, retry, group, since, flags)
_ROWS: dict[int, tuple[str{% if s.is_http %} | None{% endif %}, str, Category, Retry, Group, str | None, int]] = {
{%- for r in s.rows %}
    {{ r.value }}: ({{ r.name }}, {{ r.description }}, Category.{{ r.category }}, Retry.{{ r.retry }}, Group.{{ r.group }}, {{ r.since }}, {{ r.flags }}),
{%- endfor %}
}

_BY_VALUE: dict[int, {{ s.type_name }}] = {member.value: member for member in {{ s.type_name }}}

_BY_NAME: dict[str, {{ s.type_name }}] = {
{%- for (name, ident) in s.by_name %}
    {{ name }}: {{ s.type_name }}.{{ ident }},
{%- endfor %}
}


def lookup(code: int) -> {{ s.type_name }} | None:
    """The member for ``code``, or None for a value netcodes does not know.

    Unlike ``{{ s.type_name }}(code)``, which raises ``ValueError`` naming the
    value, this never raises.
    """
    return _BY_VALUE.get(code)


def from_name(name: str) -> {{ s.type_name }} | None:
    """The member for any of a code's names, or None; case matters.

    Upstream's spelling, the member's, and for HTTP what other ecosystems call
    the status (``REQUEST_ENTITY_TOO_LARGE``, ``StatusNotFound``).
    """
    return _BY_NAME.get(name)
{%- if s.has_retired %}


_RETIRED: frozenset[int] = frozenset({ {%- for v in s.retired %}{{ v }}{% if !loop.last %}, {% endif %}{% endfor -%} })


def is_retired(code: int) -> bool:
    """Whether upstream retired the number (removed, or a sentinel): never a current code, never reused."""
    return code in _RETIRED
{%- endif %}
{%- if s.is_http %}


@dataclass(frozen=True)
class Meaning:
    """One meaning of a status: the registry's or one vendor's."""

    code: int
    source: str
    identifier: str
    phrase: str | None
    description: str
    category: Category
    retry: Retry
    status: str


_MEANINGS: dict[int, tuple[Meaning, ...]] = {
{%- for (value, list) in s.meanings %}
    {{ value }}: (
{%- for m in list %}
        Meaning({{ value }}, {{ m.source }}, {{ m.ident }}, {{ m.name }}, {{ m.description }}, Category.{{ m.category }}, Retry.{{ m.retry }}, {{ m.status }}),
{%- endfor %}
    ),
{%- endfor %}
}


def meanings(code: int) -> tuple[Meaning, ...]:
    """Every meaning of ``code``, the registered (or most common) one first; empty if unknown."""
    return _MEANINGS.get(code, ())


# Reason phrases ignore ASCII case only, as in every netcodes output.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _fold_reasons(pairs: tuple[tuple[str, {{ s.type_name }}], ...]) -> dict[str, {{ s.type_name }}]:
    folded: dict[str, {{ s.type_name }}] = {}
    for phrase, member in pairs:
        folded.setdefault(phrase.translate(_ASCII_LOWER), member)
    return folded


# The registered phrase claims first, then earlier RFCs' phrases, then vendors'.
_BY_REASON: dict[str, {{ s.type_name }}] = _fold_reasons((
{%- for (phrase, ident) in s.reasons %}
    ({{ phrase }}, {{ s.type_name }}.{{ ident }}),
{%- endfor %}
))


def from_reason(phrase: str) -> {{ s.type_name }} | None:
    """The status whose reason phrase is ``phrase``, ignoring ASCII case, or None.

    Current phrases, those of earlier RFCs ("Request Entity Too Large") and
    vendors' phrases are all found.
    """
    return _BY_REASON.get(phrase.translate(_ASCII_LOWER))
{%- endif %}
{%- for m in s.mappings %}


{{ m.table }}_CODES: dict[int, Rule[{{ s.type_name }}]] = {
{%- for (code, r) in m.exact %}
    {{ code }}: Rule({{ s.type_name }}.{{ r.to }}, MappingKind.{{ r.kind }}, {{ r.note }}),
{%- endfor %}
}

# (low, high, rule), narrowest range first: the most specific rule wins.
{{ m.table }}_RANGES: tuple[tuple[int, int, Rule[{{ s.type_name }}]], ...] = (
{%- for (low, high, r) in m.ranges %}
    ({{ low }}, {{ high }}, Rule({{ s.type_name }}.{{ r.to }}, MappingKind.{{ r.kind }}, {{ r.note }})),
{%- endfor %}
)


def {{ m.function }}_rule(code: int) -> Rule[{{ s.type_name }}] | None:
    {{ m.rule_doc }}
    rule = {{ m.table }}_CODES.get(code)
    if rule is not None:
        return rule
    for low, high, rule in {{ m.table }}_RANGES:
        if low <= code <= high:
            return rule
    return None


def {{ m.function }}(code: int) -> {{ s.type_name }} | None:
    {{ m.doc }}
    rule = {{ m.function }}_rule(code)
    return None if rule is None else rule.to
{%- endfor %}
