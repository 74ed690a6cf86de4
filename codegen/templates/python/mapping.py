# {{ notice }}
{%- if !stub %}
{{ doc }}

from __future__ import annotations
{%- endif %}

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["MappingKind", "Rule"]

_T = TypeVar("_T")
{% if !stub %}
{% endif %}
class MappingKind(enum.Enum):
{%- if !stub %}
    {{ kinds.doc }}
{% endif %}
{%- for (upper, id, _, description) in kinds.members %}
    {{ upper }} = {{ id }}
{%- if !stub %}
    {{ description }}
{%- endif %}
{%- endfor %}
{% if !stub %}
{% endif %}
@dataclass(frozen=True)
class Rule(Generic[_T]):
{%- if stub %}
    to: _T
    kind: MappingKind
    note: str | None
{%- else %}
    """One row of a mapping table: the code it maps to, its kind and its note."""

    to: _T
    """The code in the target system."""
    kind: MappingKind
    """How sure the mapping is."""
    note: str | None
    """Why, in the table's words; always there where the kind needs a note."""
{%- endif %}
