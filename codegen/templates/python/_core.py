# {{ notice }}
"""What every system module of netcodes shares: the bases of its types, and
the lookups and mapping rules that answer from its tables.

Internal: import ``netcodes.<system>`` instead. A system module holds its
data (rows, name indexes, mapping tables) and declares its types; the code
that answers from that data is here, once for every system.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from netcodes.vocabulary import Category, Record, Retry, RetryDecision, code_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Self

    from netcodes.mapping import Rule

    _T = TypeVar("_T")

__all__ = [
    "Code",
    "CodeBase",
    "CodeFacts",
    "Group",
    "Meaning",
    "MeaningRow",
    "Row",
    "RuleTable",
    "Tables",
    "code_enum",
]

# A code's facts: (upstream name, description, category, retry, group, status,
# since, reference, flag bits).
Row = tuple[str | None, str, str, str, str, str, str | None, str | None, int]

# One meaning of a number with several: (source, identifier, phrase,
# description, category, retry, status).
MeaningRow = tuple[str, str, str | None, str, str, str, str]

# Each code type's rows and members by value, and each group's (title,
# description, range), filled in by Tables.
_ROWS: dict[type[CodeFacts], Mapping[int, Row]] = {}
_MEMBERS: dict[type[CodeFacts], Mapping[int, Code]] = {}
_GROUPS: dict[Group, tuple[str, str | None, tuple[int, int]]] = {}

# Names ignore ASCII case only, as in every netcodes output.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class Group(enum.Enum):
    """The base of every system's Group: a value range upstream documents."""

    @property
    def title(self) -> str:
        """A short human title."""
        return _GROUPS[self][0]

    @property
    def description(self) -> str | None:
        """What the range is for; None where the title says it all."""
        return _GROUPS[self][1]

    @property
    def range(self) -> tuple[int, int]:
        """The inclusive range of values in this group."""
        return _GROUPS[self][2]

    @classmethod
    def of(cls, code: int | enum.Enum) -> Self | None:
        """The group whose range holds ``code``, known code or not; None outside every group."""
        number = code_number(code)
        if number is not None:
            for group in cls:
                low, high = group.range
                if low <= number <= high:
                    return group
        return None


class CodeFacts:
    """What every code type's members answer, read from their system's rows."""

    _value_: int

    @classmethod
    def _missing_(cls, value: object) -> Code | None:
        # Another library's enum member (PyQt6, PySide6) stands for its number.
        number = code_number(value) if isinstance(value, enum.Enum) else None
        return None if number is None else _MEMBERS[cls].get(number)

    def _row(self) -> Row:
        return _ROWS[type(self)][self._value_]

    @property
    def description(self) -> str:
        """What the code means and what to do about it."""
        return self._row()[1]

    @property
    def category(self) -> Category:
        """What kind of failure this is."""
        return Category(self._row()[2])

    @property
    def retry(self) -> Retry:
        """Whether and how to retry."""
        return Retry(self._row()[3])

    @property
    def status(self) -> str:
        """Where the code stands upstream: "current", "deprecated", ..."""
        return self._row()[5]

    @property
    def since(self) -> str | None:
        """The upstream version that introduced the code, where upstream documents it."""
        return self._row()[6]

    @property
    def reference(self) -> str | None:
        """The specification or document that defines the code, where the table names one."""
        return self._row()[7]

    def retry_decision(self, *, idempotent: bool, retry_after: float | None = None) -> RetryDecision:
        """Whether to send a failed request again after this code, and how long to wait at least.

        The decision of its retry class for a request that is or is not
        ``idempotent`` (safe to repeat), given the response's Retry-After in
        seconds, if it had one.
        """
        return self.retry.decide(idempotent=idempotent, retry_after=retry_after)


class Code(CodeFacts, enum.IntEnum):
    """The base of every system's code type: an IntEnum whose members answer with their facts."""


# Code types are built through the standard library's fast path where it has
# one (http.HTTPStatus is made the same way): the class body is plain, and
# the decorator makes it an enum on Code, several times faster than a class
# statement. Type checkers, and Pythons without it, see a plain subclass of
# Code. (CodeBase holds nothing of its own, so that both views agree.)
if TYPE_CHECKING or not hasattr(enum, "_simple_enum"):
    CodeBase = Code

    def code_enum(cls: _T) -> _T:
        return cls

else:

    class CodeBase:
        pass

    code_enum = enum._simple_enum(Code)


class Meaning(Record):
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
        # Record._set, which the stubs type checkers read this module against
        # do not declare.
        values = (code, source, identifier, phrase, description, category, retry, status)
        for name, value in zip(self._FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        # A meaning of the same system is the same meaning; anything else is
        # compared by its number.
        if isinstance(other, type(self)):
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


_C = TypeVar("_C", bound=Code)
_M = TypeVar("_M", bound=Meaning)


class Tables(Generic[_C, _M]):
    """One system's tables, and the lookups its module offers on them."""

    def __init__(
        self,
        codes: type[_C],
        meaning: type[_M],
        *,
        groups: Iterable[tuple[Group, tuple[str, str | None, tuple[int, int]]]],
        rows: Mapping[int, Row],
        meaning_rows: Mapping[int, tuple[MeaningRow, ...]],
        other_sources: Mapping[int, str],
        own_source: str,
        by_name: Mapping[str, int],
        folded: Mapping[str, int],
        prefixes: tuple[str, ...],
        retired: frozenset[int],
    ) -> None:
        self._by_value: dict[int, _C] = {member.value: member for member in codes}
        _GROUPS.update(groups)
        _ROWS[codes] = rows
        _MEMBERS[codes] = self._by_value
        self._meaning = meaning
        self._rows = rows
        self._meaning_rows = meaning_rows
        self._other_sources = other_sources
        self._own_source = own_source
        self._by_name = by_name
        self._folded = folded
        self._prefixes = prefixes
        self._retired = retired

    def member(self, value: int) -> _C:
        """The member whose value is ``value``, which the tables hold."""
        return self._by_value[value]

    def lookup(self, code: int | enum.Enum) -> _C | None:
        """The member for ``code``, or None for a value netcodes does not know.

        ``code`` is an int, or an enum member of another library that holds one
        (PyQt6's and PySide6's ``QNetworkReply.NetworkError``). Unlike calling
        the code type, which raises ``ValueError`` naming the value, this never
        raises.
        """
        number = code_number(code)
        return None if number is None else self._by_value.get(number)

    def from_name(self, name: str) -> _C | None:
        """The member a pasted name stands for, or None.

        ``name`` without the white space around it, exactly as any of a code's
        names is spelled (upstream's, the member's, another ecosystem's); or else
        without a prefix people paste before names and ignoring ASCII case,
        which also finds former names. ``from_exact_name`` does not forgive.
        """
        text = name.strip(" \t\r\n")
        number = self._by_name.get(text)
        if number is None:
            folded = text.translate(_ASCII_LOWER)
            for prefix in self._prefixes:
                if folded.startswith(prefix):
                    folded = folded[len(prefix) :]
                    break
            number = self._folded.get(folded)
        return None if number is None else self._by_value[number]

    def from_exact_name(self, name: str) -> _C | None:
        """The member whose name is ``name`` exactly, as any of its names is spelled; case and white space matter."""
        number = self._by_name.get(name)
        return None if number is None else self._by_value[number]

    def is_retired(self, code: int | enum.Enum) -> bool:
        """Whether upstream retired the number (removed, or a sentinel): never a current code, never reused."""
        return code_number(code) in self._retired

    def meanings(self, code: int | enum.Enum) -> tuple[_M, ...]:
        """Every meaning of ``code``, the primary one (the one members answer with) first; empty if unknown."""
        number = code_number(code)
        if number is None or number not in self._rows:
            return ()
        count = len(self._meaning_rows.get(number, ())) or 1
        return tuple(self.meaning(number, index) for index in range(count))

    def meaning(self, code: int, index: int) -> _M:
        """Meaning ``index`` of the number ``code``, which the tables hold."""
        several = self._meaning_rows.get(code)
        if several is not None:
            source, identifier, phrase, description, category, retry, status = several[index]
        else:
            phrase, description, category, retry, _group, status = self._rows[code][:6]
            source, identifier = self._other_sources.get(code, self._own_source), self._by_value[code].name
        return self._meaning(code, source, identifier, phrase, description, Category(category), Retry(retry), status)


class RuleTable(Generic[_C]):
    """A mapping table into one system: single codes, then ranges narrowest first."""

    def __init__(
        self,
        tables: Tables[_C, Any],
        codes: Mapping[int, tuple[int, str, str | None]],
        ranges: tuple[tuple[int, int, int, str, str | None], ...],
    ) -> None:
        # Imported here, so that a system without mappings into it never loads
        # netcodes.mapping.
        from netcodes.mapping import MappingKind, Rule

        self._rule = Rule
        self._kind = MappingKind
        self._tables = tables
        self._codes = codes
        self._ranges = ranges

    def rule(self, code: int | enum.Enum) -> Rule[_C] | None:
        """The rule that answers for ``code``: the most specific one; None where none covers it."""
        number = code_number(code)
        if number is None:
            return None
        row = self._codes.get(number)
        if row is None:
            row = next(((to, kind, note) for low, high, to, kind, note in self._ranges if low <= number <= high), None)
        return None if row is None else self._rule(self._tables.member(row[0]), self._kind(row[1]), row[2])

    def target(self, code: int | enum.Enum) -> _C | None:
        """The code ``code`` maps to; None where no rule covers it."""
        rule = self.rule(code)
        return None if rule is None else rule.to
