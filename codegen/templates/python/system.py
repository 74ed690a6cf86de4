# {{ notice }}
{%- if !stub %}
{{ s.module_doc }}

from __future__ import annotations
{%- endif %}

import enum
from dataclasses import dataclass
{% if !s.mappings.is_empty() %}
from netcodes.mapping import {% if !stub %}MappingKind, {% endif %}Rule
{%- endif %}
from netcodes.vocabulary import Category, Retry

__all__ = [
{%- for name in s.all %}
    "{{ name }}",
{%- endfor %}
]
{% if !stub %}
{% endif %}
class Group(enum.Enum):
{%- if !stub %}
    {{ s.group_doc }}
{% endif %}
{%- for (upper, id, _, _, _) in s.groups %}
    {{ upper }} = {{ id }}
{%- endfor %}
{%- if stub %}
    @property
    def title(self) -> str: ...
    @property
    def range(self) -> tuple[int, int]: ...
    @classmethod
    def of(cls, code: int) -> Group | None: ...
{%- else %}

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
{%- for (upper, _, title, min, max) in s.groups %}
    Group.{{ upper }}: ({{ title }}, ({{ min }}, {{ max }})),
{%- endfor %}
}
{%- endif %}
{% if !stub %}
{% endif %}
class {{ s.type_name }}(enum.IntEnum):
{%- if !stub %}
    {{ s.class_doc }}
{% endif %}
{%- for (ident, value) in s.members %}
    {{ ident }} = {{ value }}
{%- endfor %}
{%- if stub %}
    @property
    def upstream_name(self) -> {{ s.name_type }}: ...
{%- if let Some(property) = s.name_property %}
    @property
    def {{ property }}(self) -> {{ s.name_type }}: ...
{%- endif %}
    @property
    def description(self) -> str: ...
    @property
    def category(self) -> Category: ...
    @property
    def retry(self) -> Retry: ...
    @property
    def group(self) -> Group: ...
    @property
    def status(self) -> str: ...
    @property
    def since(self) -> str | None: ...
    @property
    def reference(self) -> str | None: ...
{%- for (method, _, _) in s.flags %}
    @property
    def {{ method }}(self) -> bool: ...
{%- endfor %}
{%- else %}

    @property
    def upstream_name(self) -> {{ s.name_type }}:
        {{ s.upstream_name_doc }}
        return _ROWS[self._value_][0]
{%- if let Some(property) = s.name_property %}

    @property
    def {{ property }}(self) -> {{ s.name_type }}:
        """The same as ``upstream_name``, under the name the standard library uses."""
        return _ROWS[self._value_][0]
{%- endif %}

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

    @property
    def status(self) -> str:
        """Where the code stands upstream: "current", "deprecated", ..."""
        return _ROWS[self._value_][5]

    @property
    def since(self) -> str | None:
        """The upstream version that introduced the code, where upstream documents it."""
        return _ROWS[self._value_][6]

    @property
    def reference(self) -> str | None:
        """The specification or document that defines the code, where the table names one."""
        return _ROWS[self._value_][7]
{%- for (method, doc, bit) in s.flags %}

    @property
    def {{ method }}(self) -> bool:
        {{ doc }}
        return bool(_ROWS[self._value_][8] & {{ bit }})
{%- endfor %}


# value -> (upstream name, description, category, retry, group, status, since, reference, flags)
_ROWS: dict[int, tuple[{{ s.name_type }}, str, Category, Retry, Group, str, str | None, str | None, int]] = {
{%- for r in s.rows %}
    {{ r.value }}: ({{ r.name }}, {{ r.description }}, Category.{{ r.category }}, Retry.{{ r.retry }}, Group.{{ r.group }}, {{ r.status }}, {{ r.since }}, {{ r.reference }}, {{ r.flags }}),
{%- endfor %}
}

_BY_VALUE: dict[int, {{ s.type_name }}] = {member.value: member for member in {{ s.type_name }}}

_BY_NAME: dict[str, {{ s.type_name }}] = {
{%- for (name, ident) in s.by_name %}
    {{ name }}: {{ s.type_name }}.{{ ident }},
{%- endfor %}
}

# Every name in ASCII lower case.
_BY_FOLDED_NAME: dict[str, {{ s.type_name }}] = {
{%- for (name, ident) in s.folded %}
    {{ name }}: {{ s.type_name }}.{{ ident }},
{%- endfor %}
}

# Names ignore ASCII case only, as in every netcodes output.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_RETIRED: frozenset[int] = frozenset({% if s.retired.is_empty() %}(){% else %}{ {%- for v in s.retired %}{{ v }}{% if !loop.last %}, {% endif %}{% endfor -%} }{% endif %})
{%- endif %}
{% if !stub %}
{% endif %}
@dataclass(frozen=True)
class Meaning:
{%- if !stub %}
    """One meaning of a code: upstream's own, or another source's."""
{% endif %}
    code: int
    source: str
    identifier: str
    phrase: str | None
    description: str
    category: Category
    retry: Retry
    status: str
{%- if stub %}

def lookup(code: int) -> {{ s.type_name }} | None: ...
def from_name(name: str) -> {{ s.type_name }} | None: ...
def is_retired(code: int) -> bool: ...
def meanings(code: int) -> tuple[Meaning, ...]: ...
{%- if let Some(alias) = s.name_alias %}
def from_{{ alias }}(text: str) -> {{ s.type_name }} | None: ...
{%- endif %}
{%- for m in s.mappings %}
def {{ m.function }}(code: int) -> {{ s.type_name }} | None: ...
def {{ m.function }}_rule(code: int) -> Rule[{{ s.type_name }}] | None: ...
{%- endfor %}
{%- else %}


_MEANINGS: dict[int, tuple[Meaning, ...]] = {
{%- for (value, list) in s.meanings %}
    {{ value }}: (
{%- for m in list %}
        Meaning({{ value }}, {{ m.source }}, {{ m.ident }}, {{ m.name }}, {{ m.description }}, Category.{{ m.category }}, Retry.{{ m.retry }}, {{ m.status }}),
{%- endfor %}
    ),
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

    Upstream's spelling, the member's, and what other ecosystems call the
    code.
    """
    return _BY_NAME.get(name)


def is_retired(code: int) -> bool:
    """Whether upstream retired the number (removed, or a sentinel): never a current code, never reused."""
    return code in _RETIRED


def meanings(code: int) -> tuple[Meaning, ...]:
    """Every meaning of ``code``, the primary one (the one members answer with) first; empty if unknown."""
    return _MEANINGS.get(code, ())
{%- if let Some(alias) = s.name_alias %}


def from_{{ alias }}(text: str) -> {{ s.type_name }} | None:
    """The member whose {{ alias }} is ``text``, ignoring ASCII case, or None.

    Current names, former ones ("Request Entity Too Large") and other
    sources' are all found.
    """
    return _BY_FOLDED_NAME.get(text.translate(_ASCII_LOWER))
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
{%- endif %}
