# {{ notice }}
{%- if !stub %}
{{ doc }}

from __future__ import annotations
{%- endif %}

import enum
from typing import Generic, TypeVar

from netcodes.vocabulary import Record

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
class Rule(Record, Generic[_T]):
{%- if stub %}
    __match_args__ = ("to", "kind", "note")
    to: _T
    kind: MappingKind
    note: str | None
    def __init__(self, to: _T, kind: MappingKind, note: str | None) -> None: ...
{%- else %}
    """One row of a mapping table: the code it maps to (``to``), how sure the
    mapping is (``kind``) and why (``note``, in the table's words; always there
    where the kind needs a note)."""

    _FIELDS = ("to", "kind", "note")
    __slots__ = _FIELDS
    __match_args__ = ("to", "kind", "note")
    to: _T
    kind: MappingKind
    note: str | None

    def __init__(self, to: _T, kind: MappingKind, note: str | None) -> None:
        self._set(to, kind, note)
{%- endif %}
