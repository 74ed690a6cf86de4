# {{ notice }}
{%- if !stub %}
"""The vocabulary every code system shares: categories, retry classes and their decisions."""

from __future__ import annotations
{%- endif %}

import enum
{%- if !stub %}
import operator
{%- endif %}
from dataclasses import dataclass
{%- if !stub %}
from typing import SupportsIndex
{%- endif %}

__all__ = ["Category", "Retry", "RetryDecision", "code_number"]
{% if !stub %}
{% endif %}
@dataclass(frozen=True)
class RetryDecision:
{%- if stub %}
    retry: bool
    after: float
    new_connection: bool
{%- else %}
    """What to do with one failed request: send it again or not, how long to wait at least, and on which connection."""

    retry: bool
    """Send the request again."""
    after: float
    """Wait at least this many seconds first."""
    new_connection: bool
    """Send it on a new connection, not on the one that failed."""
{%- endif %}
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
