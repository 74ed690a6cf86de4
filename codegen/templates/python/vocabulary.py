# {{ notice }}
"""The vocabulary every code system shares: categories and retry classes."""

from __future__ import annotations

import enum

__all__ = ["Category", "Retry"]


class Category(enum.Enum):
    """What kind of failure a code is. Shared by every code system."""
{% for t in categories %}
    {{ t.upper }} = {{ t.id }}
{%- endfor %}

    @property
    def title(self) -> str:
        """A short human title."""
        return _CATEGORY_TEXT[self][0]

    @property
    def description(self) -> str:
        """One sentence on what this category means."""
        return _CATEGORY_TEXT[self][1]


class Retry(enum.Enum):
    """Whether and how to retry after a code. Shared by every code system."""
{% for t in retries %}
    {{ t.upper }} = {{ t.id }}
{%- endfor %}

    @property
    def title(self) -> str:
        """A short human title."""
        return _RETRY_TEXT[self][0]

    @property
    def description(self) -> str:
        """One sentence on what this retry class means."""
        return _RETRY_TEXT[self][1]


_CATEGORY_TEXT: dict[Category, tuple[str, str]] = {
{%- for t in categories %}
    Category.{{ t.upper }}: ({{ t.title }}, {{ t.description }}),
{%- endfor %}
}

_RETRY_TEXT: dict[Retry, tuple[str, str]] = {
{%- for t in retries %}
    Retry.{{ t.upper }}: ({{ t.title }}, {{ t.description }}),
{%- endfor %}
}
