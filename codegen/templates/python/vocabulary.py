# {{ notice }}
{%- if !stub %}
"""The vocabulary every code system shares: categories, retry classes and their decisions."""

from __future__ import annotations
{%- endif %}

import enum
{%- if !stub %}
import operator
from typing import TYPE_CHECKING, ClassVar, SupportsIndex, TypeVar
{%- endif %}

__all__ = ["Category", "Record", "Retry", "RetryDecision", "code_number"]
{%- if !stub %}

# The enums are built through the standard library's fast path, as the code
# types are (netcodes._core says how); type checkers see plain enums.
if TYPE_CHECKING or not hasattr(enum, "_simple_enum"):
    _Enum = enum.Enum
    _T = TypeVar("_T")

    def _enum(cls: _T) -> _T:
        return cls

else:

    class _Enum:
        pass

    _enum = enum._simple_enum(enum.Enum)
{%- endif %}
{% if !stub %}
{% endif %}
class Record:
{%- if stub %}
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
{%- else %}
    """An immutable record, equal, hashed and shown by its fields.

    The base of RetryDecision, Rule and Meaning: plain classes, cheaper to
    import than dataclasses. ``_FIELDS`` names the fields in the order of
    the constructor and of ``repr``; they are also the ``__slots__``.
    """

    __slots__ = ()
    _FIELDS: ClassVar[tuple[str, ...]] = ()

    def _set(self, *values: object) -> None:
        for name, value in zip(self._FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name}")

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({fields})"
{%- endif %}
{% if !stub %}
{% endif %}
class RetryDecision(Record):
{%- if stub %}
    __match_args__ = ("retry", "after", "new_connection")
    retry: bool
    after: float
    new_connection: bool
    def __init__(self, retry: bool, after: float, new_connection: bool) -> None: ...
{%- else %}
    """What to do with one failed request: send it again or not, how long to wait at least, and on which connection.

    ``retry``: send the request again; ``after``: wait at least this many
    seconds first; ``new_connection``: send it on a new connection, not on the
    one that failed.
    """

    _FIELDS = ("retry", "after", "new_connection")
    __slots__ = _FIELDS
    __match_args__ = ("retry", "after", "new_connection")
    retry: bool
    after: float
    new_connection: bool

    def __init__(self, retry: bool, after: float, new_connection: bool) -> None:
        self._set(retry, after, new_connection)
{%- endif %}
{%- for e in enums %}
{% if !stub %}

@_enum
class {{ e.name }}(_Enum):
{%- else %}
class {{ e.name }}(enum.Enum):
{%- endif %}
{%- if !stub %}
    {{ e.doc }}
{% endif %}
{%- for (upper, id, _, _) in e.members %}
    {{ upper }} = {{ id }}
{%- endfor %}
{%- if stub %}
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
{%- if e.name == "Retry" %}
    def decide(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision: ...
{%- endif %}
{%- else %}

    @property
    def title(self) -> str:
        """A short human title."""
        return {{ e.table }}[self][0]

    @property
    def description(self) -> str:
        """One sentence on what this value means."""
        return {{ e.table }}[self][1]
{%- if e.name == "Retry" %}

    def decide(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision:
        """What this class decides for one failed request.

        ``idempotent``: the request is safe to repeat; ``retry_after``: the
        response's Retry-After in seconds, if it had one. Retry or not, after
        the class's least delay or the Retry-After, whichever is longer. The
        rules are on the docs' vocabulary page.
        """
        rule, delay, new_connection = _DECISIONS[self]
        retry = rule == "yes" or (rule == "if_idempotent" and idempotent) or (rule == "if_retry_after" and retry_after is not None)
        if not retry:
            return RetryDecision(False, 0.0, False)
        return RetryDecision(True, float(max(delay, retry_after or 0.0)), new_connection)
{%- endif %}
{%- endif %}
{%- endfor %}
{%- if stub %}

def code_number(code: object) -> int | None: ...
{%- else %}
{%- for e in enums %}

{{ e.table }}: dict[{{ e.name }}, tuple[str, str]] = {
{%- for (upper, _, title, description) in e.members %}
    {{ e.name }}.{{ upper }}: ({{ title }}, {{ description }}),
{%- endfor %}
}
{%- endfor %}

# retry class -> (rule, least delay in seconds, on a new connection), from data/vocabulary.toml
_DECISIONS: dict[Retry, tuple[str, int, bool]] = {
{%- for (upper, rule, delay, new_connection) in decisions %}
    Retry.{{ upper }}: ({{ rule }}, {{ delay }}, {{ new_connection }}),
{%- endfor %}
}


def code_number(code: object) -> int | None:
    """The number a code stands for: an int (a netcodes member is one, a
    Meaning converts to one), or the value of another library's enum member
    that holds one (PyQt6's and PySide6's ``QNetworkReply.NetworkError``);
    None for anything else."""
    if isinstance(code, enum.Enum) and not isinstance(code, int):
        code = code.value
    if isinstance(code, bool) or not isinstance(code, SupportsIndex):
        return None
    return operator.index(code)
{%- endif %}
