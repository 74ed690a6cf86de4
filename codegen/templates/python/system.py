# {{ notice }}
{%- if !stub %}
{{ s.module_doc }}

from __future__ import annotations
{%- endif %}

import enum
from dataclasses import dataclass

{% if !s.mappings.is_empty() -%}
from netcodes.mapping import {% if !stub %}MappingKind, {% endif %}Rule
{% endif -%}
from netcodes.vocabulary import Category, Retry, RetryDecision{% if !stub %}, code_number{% endif %}

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
@dataclass(frozen=True, eq=False)
class Meaning:
{%- if stub %}
    code: int
    source: str
    identifier: str
    phrase: str | None
    description: str
    category: Category
    retry: Retry
    status: str
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision: ...
{%- else %}
    """One meaning of a code: upstream's own, or another source's.

    A meaning stands for its number: it equals the code and the plain int
    (``== 499``), hashes as they do, and converts with ``int()``, while it
    answers with the facts of this meaning.
    """

    code: int
    source: str
    identifier: str
    phrase: str | None
    description: str
    category: Category
    retry: Retry
    status: str

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


_MEANINGS: dict[int, tuple[Meaning, ...]] = {
{%- for (value, list) in s.meanings %}
    {{ value }}: (
{%- for m in list %}
        Meaning({{ value }}, {{ m.source }}, {{ m.ident }}, {{ m.name }}, {{ m.description }}, Category.{{ m.category }}, Retry.{{ m.retry }}, {{ m.status }}),
{%- endfor %}
    ),
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
{%- for (ident, value, index) in s.meaning_constants %}
{%- if stub %}
    {{ ident }}: Meaning
{%- else %}
    {{ ident }} = enum.nonmember(_MEANINGS[{{ value }}][{{ index }}])
{%- endif %}
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

    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision:
        """Whether to send a failed request again after this code, and how long to wait at least.

        The decision of its retry class for a request that is or is not
        ``idempotent`` (safe to repeat), given the response's Retry-After in
        seconds, if it had one.
        """
        return self.retry.decide(idempotent=idempotent, retry_after=retry_after)


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

# Every name, former ones too, in ASCII lower case.
_BY_FOLDED_NAME: dict[str, {{ s.type_name }}] = {
{%- for (name, ident) in s.folded %}
    {{ name }}: {{ s.type_name }}.{{ ident }},
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
    without a prefix people paste before names{% if !s.prefixes.is_empty() %} ({% for p in s.prefixes %}{{ p }}{% if !loop.last %}, {% endif %}{% endfor %}){% endif %} and ignoring
    ASCII case, which also finds former names. ``from_exact_name`` does not forgive.
    """
    text = name.strip(" \t\r\n")
    member = _BY_NAME.get(text)
    if member is not None:
        return member
    folded = text.translate(_ASCII_LOWER)
    for prefix in _PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
            break
    return _BY_FOLDED_NAME.get(folded)


def from_exact_name(name: str) -> {{ s.type_name }} | None:
    """The member whose name is ``name`` exactly, as any of its names is spelled; case and white space matter."""
    return _BY_NAME.get(name)


def is_retired(code: int | enum.Enum) -> bool:
    """Whether upstream retired the number (removed, or a sentinel): never a current code, never reused."""
    return code_number(code) in _RETIRED


def meanings(code: int | enum.Enum) -> tuple[Meaning, ...]:
    """Every meaning of ``code``, the primary one (the one members answer with) first; empty if unknown."""
    number = code_number(code)
    return () if number is None else _MEANINGS.get(number, ())
{%- if let Some(alias) = s.name_alias %}


def from_{{ alias }}(text: str) -> {{ s.type_name }} | None:
    """The member whose {{ alias }} is ``text`` as people paste it, or None: the same as ``from_name``.

    Current names, former ones ("Request Entity Too Large") and other
    sources' are all found, ignoring ASCII case.
    """
    return from_name(text)
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


def {{ m.function }}_rule(code: int | enum.Enum) -> Rule[{{ s.type_name }}] | None:
    {{ m.rule_doc }}
    number = code_number(code)
    if number is None:
        return None
    rule = {{ m.table }}_CODES.get(number)
    if rule is not None:
        return rule
    for low, high, rule in {{ m.table }}_RANGES:
        if low <= number <= high:
            return rule
    return None


def {{ m.function }}(code: int | enum.Enum) -> {{ s.type_name }} | None:
    {{ m.doc }}
    rule = {{ m.function }}_rule(code)
    return None if rule is None else rule.to
{%- endfor %}
{%- endif %}
