# {{ notice }}
{%- if !stub %}
{{ s.module_doc }}

from __future__ import annotations
{%- endif %}
{%- if stub || !s.mappings.is_empty() %}

import enum
{%- endif %}
{%- if !stub && !s.mappings.is_empty() %}
from typing import TYPE_CHECKING
{%- endif %}

{% if !stub -%}
from netcodes import _core
{% endif -%}
{% if stub && !s.mappings.is_empty() -%}
from netcodes.mapping import Rule
{% endif -%}
{% if stub -%}
from netcodes.vocabulary import Category, Record, Retry, RetryDecision
{% endif -%}
{% if !stub && !s.mappings.is_empty() %}
if TYPE_CHECKING:
    from netcodes.mapping import Rule
{% endif %}
__all__ = [
{%- for name in s.all %}
    "{{ name }}",
{%- endfor %}
]
{% if !stub %}

class Group(_core.Group):
{%- else %}
class Group(enum.Enum):
{%- endif %}
{%- if !stub %}
    {{ s.group_doc }}
{% endif %}
{%- for (upper, id, _, _, _, _) in s.groups %}
    {{ upper }} = {{ id }}
{%- endfor %}
{%- if stub %}
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def range(self) -> tuple[int, int]: ...
    @classmethod
    def of(cls, code: int | enum.Enum) -> Group | None: ...
{%- endif %}
{% if !stub %}
{% endif %}
{%- if stub %}
class Meaning(Record):
    code: int
    source: str
    identifier: str
    phrase: str | None
    description: str
    category: Category
    retry: Retry
    status: str
    def __init__(
        self,
        code: int,
        source: str,
        identifier: str,
        phrase: str | None,
        description: str,
        category: Category,
        retry: Retry,
        status: str,
    ) -> None: ...
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision: ...
{%- else %}
class Meaning(_core.Meaning):
    # A class of the system's own: a meaning equals another by identifier
    # only within its system.
    __slots__ = ()
{%- endif %}
{% if !stub %}

@_core.code_enum
class {{ s.type_name }}(_core.CodeBase):
{%- else %}
class {{ s.type_name }}(enum.IntEnum):
{%- endif %}
{%- if !stub %}
    {{ s.class_doc }}
{% endif %}
{%- for (ident, value) in s.members %}
    {{ ident }} = {{ value }}
{%- endfor %}
{%- for (ident, value, index) in s.meaning_constants %}
    {{ ident }}: Meaning
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
    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision: ...
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
    def group(self) -> Group:
        """The documented range the code falls in."""
        return Group(_ROWS[self._value_][4])
{%- for (method, doc, bit) in s.flags %}

    @property
    def {{ method }}(self) -> bool:
        {{ doc }}
        return bool(_ROWS[self._value_][8] & {{ bit }})
{%- endfor %}


# value -> (upstream name, description, category, retry, group, status, since, reference, flags)
_ROWS: dict[int, tuple[{{ s.name_type }}, str, str, str, str, str, str | None, str | None, int]] = {
{%- for r in s.rows %}
    {{ r.value }}: ({{ r.name }}, {{ r.description }}, {{ r.category }}, {{ r.retry }}, {{ r.group }}, {{ r.status }}, {{ r.since }}, {{ r.reference }}, {{ r.flags }}),
{%- endfor %}
}

# Numbers with several meanings -> each meaning's (source, identifier, phrase,
# description, category, retry, status); a number with one meaning is in _ROWS.
_MEANING_ROWS: dict[int, tuple[tuple[str, str, str | None, str, str, str, str], ...]] = {
{%- for (value, list) in s.meanings %}
    {{ value }}: (
{%- for m in list %}
        ({{ m.source }}, {{ m.ident }}, {{ m.name }}, {{ m.description }}, {{ m.category }}, {{ m.retry }}, {{ m.status }}),
{%- endfor %}
    ),
{%- endfor %}
}

# One-meaning numbers that another source than upstream defines -> that source.
_OTHER_SOURCES: dict[int, str] = {
{%- for (value, source) in s.other_sources %}
    {{ value }}: {{ source }},
{%- endfor %}
}

# Every exact name, with its code's number.
_BY_NAME: dict[str, int] = {
{%- for (name, value) in s.by_name %}
    {{ name }}: {{ value }},
{%- endfor %}
}

# Every name, former ones too, in ASCII lower case, with its code's number.
_BY_FOLDED_NAME: dict[str, int] = {
{%- for (name, value) in s.folded %}
    {{ name }}: {{ value }},
{%- endfor %}
}

_GROUP_INFO: dict[Group, tuple[str, str | None, tuple[int, int]]] = {
{%- for (upper, _, title, description, min, max) in s.groups %}
    Group.{{ upper }}: ({{ title }}, {{ description }}, ({{ min }}, {{ max }})),
{%- endfor %}
}

_TABLES = _core.Tables(
    {{ s.type_name }},
    Meaning,
    groups=_GROUP_INFO.items(),
    rows=_ROWS,
    meaning_rows=_MEANING_ROWS,
    other_sources=_OTHER_SOURCES,
    own_source={{ s.own_source }},
    by_name=_BY_NAME,
    folded=_BY_FOLDED_NAME,
    # What people paste before names, in lower case.
    prefixes=({% for p in s.prefixes %}{{ p }},{% if !loop.last %} {% endif %}{% endfor %}),
    retired=frozenset({% if s.retired.is_empty() %}(){% else %}{ {%- for v in s.retired %}{{ v }}{% if !loop.last %}, {% endif %}{% endfor -%} }{% endif %}),
)
{%- for (ident, value, index) in s.meaning_constants %}
{{ s.type_name }}.{{ ident }} = _TABLES.meaning({{ value }}, {{ index }})
{%- endfor %}
{%- endif %}
{%- if stub %}

def lookup(code: int | enum.Enum) -> {{ s.type_name }} | None: ...
def from_name(name: str) -> {{ s.type_name }} | None: ...
def from_exact_name(name: str) -> {{ s.type_name }} | None: ...
def is_retired(code: int | enum.Enum) -> bool: ...
def meanings(code: int | enum.Enum) -> tuple[Meaning, ...]: ...
{%- if let Some(alias) = s.name_alias %}
def from_{{ alias }}(text: str) -> {{ s.type_name }} | None: ...
{%- endif %}
{%- for m in s.mappings %}
def {{ m.function }}(code: int | enum.Enum) -> {{ s.type_name }} | None: ...
def {{ m.function }}_rule(code: int | enum.Enum) -> Rule[{{ s.type_name }}] | None: ...
{%- endfor %}
{%- else %}

lookup = _TABLES.lookup
from_name = _TABLES.from_name
from_exact_name = _TABLES.from_exact_name
is_retired = _TABLES.is_retired
meanings = _TABLES.meanings
{%- if let Some(alias) = s.name_alias %}


def from_{{ alias }}(text: str) -> {{ s.type_name }} | None:
    """The member whose {{ alias }} is ``text`` as people paste it, or None: the same as ``from_name``.

    Current names, former ones ("Request Entity Too Large") and other
    sources' are all found, ignoring ASCII case.
    """
    return _TABLES.from_name(text)
{%- endif %}
{%- for m in s.mappings %}


# code -> (target, kind, note)
{{ m.table }}_CODES: dict[int, tuple[int, str, str | None]] = {
{%- for (code, r) in m.exact %}
    {{ code }}: ({{ r.to }}, {{ r.kind }}, {{ r.note }}),
{%- endfor %}
}

# (low, high, target, kind, note), narrowest range first: the most specific rule wins.
{{ m.table }}_RANGES: tuple[tuple[int, int, int, str, str | None], ...] = (
{%- for (low, high, r) in m.ranges %}
    ({{ low }}, {{ high }}, {{ r.to }}, {{ r.kind }}, {{ r.note }}),
{%- endfor %}
)

{{ m.table }} = _core.RuleTable(_TABLES, {{ m.table }}_CODES, {{ m.table }}_RANGES)


def {{ m.function }}_rule(code: int | enum.Enum) -> Rule[{{ s.type_name }}] | None:
    {{ m.rule_doc }}
    return {{ m.table }}.rule(code)


def {{ m.function }}(code: int | enum.Enum) -> {{ s.type_name }} | None:
    {{ m.doc }}
    return {{ m.table }}.target(code)
{%- endfor %}
{%- endif %}
