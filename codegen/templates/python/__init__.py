# {{ notice }}
"""Network error and status codes, one module per code system.

{%- for s in systems %}
- ``netcodes.{{ s.id }}``: {{ s.title_plain }}
{%- endfor %}
"""

from netcodes import {% for s in systems %}{{ s.id }}{% if !loop.last %}, {% endif %}{% endfor %}
from netcodes.vocabulary import Category, Retry

__version__ = {{ version }}

__all__ = ["Category", "Retry", "__version__", {% for s in systems %}"{{ s.id }}"{% if !loop.last %}, {% endif %}{% endfor %}]
