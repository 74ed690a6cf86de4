# {{ notice }}
{%- if stub %}
{%- for m in modules %}
from netcodes import {{ m }} as {{ m }}
{%- endfor %}
from netcodes.mapping import MappingKind as MappingKind
from netcodes.mapping import Rule as Rule
from netcodes.vocabulary import Category as Category
from netcodes.vocabulary import Retry as Retry
from netcodes.vocabulary import RetryDecision as RetryDecision

__version__: str

__all__ = [{% for name in all %}"{{ name }}"{% if !loop.last %}, {% endif %}{% endfor %}]

def __dir__() -> list[str]: ...
{%- else %}
{{ doc }}

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netcodes import (
{%- for m in modules %}
        {{ m }},
{%- endfor %}
    )
    from netcodes.mapping import MappingKind, Rule
    from netcodes.vocabulary import Category, Retry, RetryDecision

__version__ = {{ version }}

__all__ = [{% for name in all %}"{{ name }}"{% if !loop.last %}, {% endif %}{% endfor %}]

# Submodules load when first used: `import netcodes` alone costs next to
# nothing, and `netcodes.http` loads only the HTTP tables.
_MODULES = frozenset({ {%- for m in modules %}"{{ m }}"{% if !loop.last %}, {% endif %}{% endfor -%} })
_NAMES = {"Category": "vocabulary", "Retry": "vocabulary", "RetryDecision": "vocabulary", "MappingKind": "mapping", "Rule": "mapping"}


def __getattr__(name: str) -> object:
    if name in _MODULES:
        return import_module(f"netcodes.{name}")
    if name in _NAMES:
        value = getattr(import_module(f"netcodes.{_NAMES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'netcodes' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
{%- endif %}
