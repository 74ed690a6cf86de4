# {{ notice }}
{%- if !stub %}
{{ s.module_doc }}

from __future__ import annotations
{%- endif %}

import enum
{%- if !stub %}
from typing import TYPE_CHECKING
{%- endif %}

{% if !s.mappings.is_empty() -%}
from netcodes.mapping import {% if !stub %}MappingKind, {% endif %}Rule
{% endif -%}
from netcodes.vocabulary import Category, Record, Retry, RetryDecision{% if !stub %}, code_number{% endif %}
{%- if !stub %}

if TYPE_CHECKING:
    from typing import TypeVar

    _C = TypeVar("_C")
{%- endif %}

__all__ = [
{%- for name in s.all %}
    "{{ name }}",
{%- endfor %}
]
{%- if !stub %}

# Big enums are built through the standard library's fast path where it has
# one (http.HTTPStatus is made the same way): the class body is plain and the
# decorator makes it the enum, several times faster than a class statement.
# Type checkers, and Pythons without it, see the plain enum classes.
if TYPE_CHECKING or not hasattr(enum, "_simple_enum"):
    _Enum = enum.Enum
    _IntEnum = enum.IntEnum

    def _enum(cls: _C) -> _C:
        return cls

    _int_enum = _enum
else:

    class _Enum:
        pass

    class _IntEnum:
        pass

    _enum = enum._simple_enum(enum.Enum)
    _int_enum = enum._simple_enum(enum.IntEnum)
{%- endif %}
{% if !stub %}

@_enum
class Group(_Enum):
{%- else %}
class Group(enum.Enum):
{%- endif %}
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
    def of(cls, code: int | enum.Enum) -> Group | None: ...
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
    def of(cls, code: int | enum.Enum) -> Group | None:
        """The group whose range holds ``code``, known code or not; None outside every group."""
        number = code_number(code)
        for group, (_, (low, high)) in _GROUP_INFO.items():
            if number is not None and low <= number <= high:
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
class Meaning(Record):
{%- if stub %}
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
    """One meaning of a code: upstream's own, or another source's.

    A meaning stands for its number: it equals the code and the plain int
    (``== 499``), hashes as they do, and converts with ``int()``, while it
    answers with the facts of this meaning (source, identifier, phrase,
    description, category, retry, status).
    """

    _FIELDS = ("code", "source", "identifier", "phrase", "description", "category", "retry", "status")
    __slots__ = _FIELDS
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
    ) -> None:
        self._set(code, source, identifier, phrase, description, category, retry, status)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Meaning):
            return (self.code, self.identifier) == (other.code, other.identifier)
        return code_number(other) == self.code

    def __hash__(self) -> int:
        return hash(self.code)

    def __int__(self) -> int:
        return self.code

    def __index__(self) -> int:
        return self.code

    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision:
        """Whether to send a failed request again after this meaning, and how long to wait at least."""
        return self.retry.decide(idempotent=idempotent, retry_after=retry_after)


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


def _meaning(code: int, index: int) -> Meaning:
    several = _MEANING_ROWS.get(code)
    if several is not None:
        source, identifier, phrase, description, category, retry, status = several[index]
    else:
        phrase, description, category, retry, _group, status = _ROWS[code][:6]
        source, identifier = _OTHER_SOURCES.get(code, {{ s.own_source }}), _BY_VALUE[code].name
    return Meaning(code, source, identifier, phrase, description, Category(category), Retry(retry), status)
{%- endif %}
{% if !stub %}

@_int_enum
class {{ s.type_name }}(_IntEnum):
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

    @classmethod
    def _missing_(cls, value: object) -> {{ s.type_name }} | None:
        # Another library's enum member (PyQt6, PySide6) stands for its number.
        number = code_number(value) if isinstance(value, enum.Enum) else None
        return None if number is None else _BY_VALUE.get(number)

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
        return Category(_ROWS[self._value_][2])

    @property
    def retry(self) -> Retry:
        """Whether and how to retry."""
        return Retry(_ROWS[self._value_][3])

    @property
    def group(self) -> Group:
        """The documented range the code falls in."""
        return Group(_ROWS[self._value_][4])

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

    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision:
        """Whether to send a failed request again after this code, and how long to wait at least.

        The decision of its retry class for a request that is or is not
        ``idempotent`` (safe to repeat), given the response's Retry-After in
        seconds, if it had one.
        """
        return self.retry.decide(idempotent=idempotent, retry_after=retry_after)


{%- for (ident, value, index) in s.meaning_constants %}
{{ s.type_name }}.{{ ident }} = _meaning({{ value }}, {{ index }})
{%- endfor %}
{%- if !s.meaning_constants.is_empty() %}

{% endif %}
# value -> (upstream name, description, category, retry, group, status, since, reference, flags)
_ROWS: dict[int, tuple[{{ s.name_type }}, str, str, str, str, str, str | None, str | None, int]] = {
{%- for r in s.rows %}
    {{ r.value }}: ({{ r.name }}, {{ r.description }}, {{ r.category }}, {{ r.retry }}, {{ r.group }}, {{ r.status }}, {{ r.since }}, {{ r.reference }}, {{ r.flags }}),
{%- endfor %}
}

_BY_VALUE: dict[int, {{ s.type_name }}] = {member.value: member for member in {{ s.type_name }}}

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

# What people paste before names, in lower case.
_PREFIXES: tuple[str, ...] = ({% for p in s.prefixes %}{{ p }},{% if !loop.last %} {% endif %}{% endfor %})

# Names ignore ASCII case only, as in every netcodes output.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_RETIRED: frozenset[int] = frozenset({% if s.retired.is_empty() %}(){% else %}{ {%- for v in s.retired %}{{ v }}{% if !loop.last %}, {% endif %}{% endfor -%} }{% endif %})
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


def lookup(code: int | enum.Enum) -> {{ s.type_name }} | None:
    """The member for ``code``, or None for a value netcodes does not know.

    ``code`` is an int, or an enum member of another library that holds one
    (PyQt6's and PySide6's ``QNetworkReply.NetworkError``). Unlike
    ``{{ s.type_name }}(code)``, which raises ``ValueError`` naming the value,
    this never raises.
    """
    number = code_number(code)
    return None if number is None else _BY_VALUE.get(number)


def from_name(name: str) -> {{ s.type_name }} | None:
    """The member a pasted name stands for, or None.

    ``name`` without the white space around it, exactly as any of a code's
    names is spelled (upstream's, the member's, another ecosystem's); or else
    without a prefix people paste before names{% if !s.pasted_prefixes.is_empty() %} ({% for p in s.pasted_prefixes %}{{ p }}{% if !loop.last %}, {% endif %}{% endfor %}){% endif %} and ignoring
    ASCII case, which also finds former names. ``from_exact_name`` does not forgive.
    """
    text = name.strip(" \t\r\n")
    number = _BY_NAME.get(text)
    if number is None:
        folded = text.translate(_ASCII_LOWER)
        for prefix in _PREFIXES:
            if folded.startswith(prefix):
                folded = folded[len(prefix) :]
                break
        number = _BY_FOLDED_NAME.get(folded)
    return None if number is None else _BY_VALUE[number]


def from_exact_name(name: str) -> {{ s.type_name }} | None:
    """The member whose name is ``name`` exactly, as any of its names is spelled; case and white space matter."""
    number = _BY_NAME.get(name)
    return None if number is None else _BY_VALUE[number]


def is_retired(code: int | enum.Enum) -> bool:
    """Whether upstream retired the number (removed, or a sentinel): never a current code, never reused."""
    return code_number(code) in _RETIRED


def meanings(code: int | enum.Enum) -> tuple[Meaning, ...]:
    """Every meaning of ``code``, the primary one (the one members answer with) first; empty if unknown."""
    number = code_number(code)
    if number is None or number not in _ROWS:
        return ()
    return tuple(_meaning(number, index) for index in range(len(_MEANING_ROWS.get(number, ((),)))))
{%- if let Some(alias) = s.name_alias %}


def from_{{ alias }}(text: str) -> {{ s.type_name }} | None:
    """The member whose {{ alias }} is ``text`` as people paste it, or None: the same as ``from_name``.

    Current names, former ones ("Request Entity Too Large") and other
    sources' are all found, ignoring ASCII case.
    """
    return from_name(text)
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


def {{ m.function }}_rule(code: int | enum.Enum) -> Rule[{{ s.type_name }}] | None:
    {{ m.rule_doc }}
    number = code_number(code)
    if number is None:
        return None
    row = {{ m.table }}_CODES.get(number)
    if row is None:
        row = next(((to, kind, note) for low, high, to, kind, note in {{ m.table }}_RANGES if low <= number <= high), None)
    return None if row is None else Rule(_BY_VALUE[row[0]], MappingKind(row[1]), row[2])


def {{ m.function }}(code: int | enum.Enum) -> {{ s.type_name }} | None:
    {{ m.doc }}
    rule = {{ m.function }}_rule(code)
    return None if rule is None else rule.to
{%- endfor %}
{%- endif %}
