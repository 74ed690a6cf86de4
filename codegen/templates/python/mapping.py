# {{ notice }}
{{ doc }}

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["MappingKind", "Rule"]

_T = TypeVar("_T")


class MappingKind(enum.Enum):
    """How sure a mapping rule is."""

    UPSTREAM = "upstream"
    """What the upstream software itself does (Qt's own conversion of an HTTP status)."""
    EQUIVALENT = "equivalent"
    """Both codes name the same failure."""
    APPROXIMATE = "approximate"
    """The closest match there is; the rule's note says why."""


@dataclass(frozen=True)
class Rule(Generic[_T]):
    """One row of a mapping table: the code it maps to, its kind and its note."""

    to: _T
    """The code in the target system."""
    kind: MappingKind
    """How sure the mapping is."""
    note: str | None
    """Why, in the table's words; always there for an approximate rule."""
