# {{ notice }}
{{ doc }}

from netcodes import {% for m in modules %}{{ m }}{% if !loop.last %}, {% endif %}{% endfor %}
from netcodes.mapping import MappingKind, Rule
from netcodes.vocabulary import Category, Retry

__version__ = {{ version }}

__all__ = [{% for name in all %}"{{ name }}"{% if !loop.last %}, {% endif %}{% endfor %}]
