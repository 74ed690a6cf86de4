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
{%- else %}
{{ doc }}

from netcodes import {% for m in modules %}{{ m }}{% if !loop.last %}, {% endif %}{% endfor %}
from netcodes.mapping import MappingKind, Rule
from netcodes.vocabulary import Category, Retry, RetryDecision

__version__ = {{ version }}
{%- endif %}

__all__ = [{% for name in all %}"{{ name }}"{% if !loop.last %}, {% endif %}{% endfor %}]
