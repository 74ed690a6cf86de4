# {{ notice }}
import enum

__all__ = ["Category", "Retry"]

class Category(enum.Enum):
{%- for t in categories %}
    {{ t.upper }} = {{ t.id }}
{%- endfor %}
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...

class Retry(enum.Enum):
{%- for t in retries %}
    {{ t.upper }} = {{ t.id }}
{%- endfor %}
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
