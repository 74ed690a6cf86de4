# {{ notice }}
{%- if !stub %}
"""The vocabulary every code system shares: categories and retry classes."""

from __future__ import annotations
{%- endif %}

import enum

__all__ = [{% for e in enums %}"{{ e.name }}"{% if !loop.last %}, {% endif %}{% endfor %}]
{%- for e in enums %}
{% if !stub %}
{% endif %}
class {{ e.name }}(enum.Enum):
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
{%- else %}

    @property
    def title(self) -> str:
        """A short human title."""
        return {{ e.table }}[self][0]

    @property
    def description(self) -> str:
        """One sentence on what this value means."""
        return {{ e.table }}[self][1]
{%- endif %}
{%- endfor %}
{%- if !stub %}
{%- for e in enums %}

{{ e.table }}: dict[{{ e.name }}, tuple[str, str]] = {
{%- for (upper, _, title, description) in e.members %}
    {{ e.name }}.{{ upper }}: ({{ title }}, {{ description }}),
{%- endfor %}
}
{%- endfor %}
{%- endif %}
