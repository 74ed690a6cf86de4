# {{ notice }}
from netcodes import {% for s in systems %}{{ s.id }} as {{ s.id }}{% if !loop.last %}, {% endif %}{% endfor %}
from netcodes.vocabulary import Category as Category, Retry as Retry

__version__: str

__all__ = ["Category", "Retry", "__version__", {% for s in systems %}"{{ s.id }}"{% if !loop.last %}, {% endif %}{% endfor %}]
