# {{ notice }}
import enum
{%- if s.is_http %}
from dataclasses import dataclass
{%- endif %}
{% if !s.mappings.is_empty() %}
from netcodes.mapping import Rule
{%- endif %}
from netcodes.vocabulary import Category, Retry

__all__ = [
{%- for name in s.all %}
    "{{ name }}",
{%- endfor %}
]

class Group(enum.Enum):
{%- for g in s.groups %}
    {{ g.upper }} = {{ g.id }}
{%- endfor %}
    @property
    def title(self) -> str: ...
    @property
    def range(self) -> tuple[int, int]: ...
    @classmethod
    def of(cls, code: int) -> Group | None: ...

class {{ s.type_name }}(enum.IntEnum):
{%- for m in s.members %}
    {{ m.ident }} = {{ m.value }}
{%- endfor %}
    @property
    def upstream_name(self) -> str{% if s.is_http %} | None{% endif %}: ...
    @property
    def description(self) -> str: ...
    @property
    def category(self) -> Category: ...
    @property
    def retry(self) -> Retry: ...
    @property
    def group(self) -> Group: ...
{%- if s.is_http %}
    @property
    def phrase(self) -> str | None: ...
{%- endif %}
{%- if s.has_since %}
    @property
    def since(self) -> str | None: ...
{%- endif %}
{%- for f in s.flags %}
    @property
    def {{ f.method }}(self) -> bool: ...
{%- endfor %}

def lookup(code: int) -> {{ s.type_name }} | None: ...
def from_name(name: str) -> {{ s.type_name }} | None: ...
{%- if s.has_retired %}
def is_retired(code: int) -> bool: ...
{%- endif %}
{%- if s.is_http %}

@dataclass(frozen=True)
class Meaning:
    code: int
    source: str
    identifier: str
    phrase: str | None
    description: str
    category: Category
    retry: Retry
    status: str

def meanings(code: int) -> tuple[Meaning, ...]: ...
def from_reason(phrase: str) -> {{ s.type_name }} | None: ...
{%- endif %}
{%- if !s.mappings.is_empty() %}
{% for m in s.mappings %}
def {{ m.function }}(code: int) -> {{ s.type_name }} | None: ...
def {{ m.function }}_rule(code: int) -> Rule[{{ s.type_name }}] | None: ...
{%- endfor %}
{%- endif %}
