# {{ notice }}
import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["MappingKind", "Rule"]

_T = TypeVar("_T")

class MappingKind(enum.Enum):
    UPSTREAM = "upstream"
    EQUIVALENT = "equivalent"
    APPROXIMATE = "approximate"

@dataclass(frozen=True)
class Rule(Generic[_T]):
    to: _T
    kind: MappingKind
    note: str | None
