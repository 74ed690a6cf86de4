# {{ notice }}
{{ doc }}

from __future__ import annotations

import enum
{%- if s.is_http %}
from dataclasses import dataclass
{%- endif %}

from netcodes.vocabulary import Category, Retry

__all__ = [
    "Group",
    "{{ s.type_name }}",
{%- if s.is_http %}
    "Meaning",
    "meanings",
    "from_reason",
{%- endif %}
    "lookup",
    "from_name",
{%- if s.has_retired %}
    "is_retired",
{%- endif %}
{%- for m in s.mappings_in %}
    "{{ m.function }}",
{%- endfor %}
]


class Group(enum.Enum):
    """The value ranges upstream documents for {{ s.title_plain }} codes."""
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
        """The group whose range holds ``code``, known code or not."""
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
    """{{ s.class_doc }}"""
{% for m in s.members %}
    {{ m.ident }} = {{ m.value }}
{%- endfor %}

    @property
    def upstream_name(self) -> str{% if s.is_http %} | None{% endif %}:
        """The name as upstream spells it{% if s.is_http %} (the reason phrase; None where the vendor documents none){% endif %}."""
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
        """The reason phrase (as ``http.HTTPStatus.phrase``); None where the vendor documents none."""
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
        """{{ f.doc }}"""
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
    """The member for ``code``, or None for a code netcodes does not know.

    Unlike ``{{ s.type_name }}(code)``, which raises ``ValueError`` naming the
    value, this never raises.
    """
    return _BY_VALUE.get(code)


def from_name(name: str) -> {{ s.type_name }} | None:
    """The member for any name netcodes gives the code (upstream's, or the member's), or None."""
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

_BY_REASON: dict[str, {{ s.type_name }}] = {
{%- for (reason, ident) in s.reasons %}
    {{ reason }}: {{ s.type_name }}.{{ ident }},
{%- endfor %}
}


def meanings(code: int) -> tuple[Meaning, ...]:
    """Every meaning of ``code``, the registered (or most common) one first; empty if unknown."""
    return _MEANINGS.get(code, ())


def from_reason(phrase: str) -> {{ s.type_name }} | None:
    """The status whose reason phrase, current or from an earlier RFC, is ``phrase`` (any case)."""
    return _BY_REASON.get(phrase.casefold())
{%- endif %}
