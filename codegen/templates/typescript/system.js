// {{ notice }}
/**
 * netcodes/{{ s.id }}: every code of the system, its facts, the lookups by
 * number and by name{% if !s.mappings.is_empty() %}, and the mappings into it from other systems{% endif %}.
 * Types: {{ s.id }}.d.ts.
 * @module
 */
import { NONE, build, byIdent, byName, {% if s.dense.is_some() %}byIndex{% else %}byValue{% endif %}, forgiving, primaries{% if !s.mappings.is_empty() %}, rules{% endif %} } from "./_core.js";

/** What the codes are, and the upstream release they follow. */
export const system = /* @__PURE__ */ Object.freeze({
  id: "{{ s.id }}",
  title: {{ s.title }},
  upstream: {{ s.upstream }},
  version: {{ s.version }},
  url: {{ s.url }},
});

/** The value ranges upstream documents, each holding codes of one kind. */
export const groups = /* @__PURE__ */ Object.freeze([
{%- for (id, title, description, min, max) in s.groups %}
  /* @__PURE__ */ Object.freeze({ id: {{ id }}, title: {{ title }}, description: {{ description }}, min: {{ min }}, max: {{ max }} }),
{%- endfor %}
]);

const SOURCES = [{% for id in s.sources %}{{ id }}{% if !loop.last %}, {% endif %}{% endfor %}];

// [value, [ident, name, description, category, retry, status, group, source, since, reference, flags], ...]
const ROWS = [
{%- for (value, list) in s.rows %}
  [{{ value }},
{%- for r in list %} [{{ r.ident }}, {{ r.name }}, {{ r.description }}, {{ r.category }}, {{ r.retry }}, {{ r.status }}, {{ r.group }}, {{ r.source }}, {{ r.since }}, {{ r.reference }}, {{ r.flags }}]{% if !loop.last %},{% endif %}
{%- endfor %}],
{%- endfor %}
];

const ALL = /* @__PURE__ */ build(ROWS, groups, SOURCES, [{% for (property, bit, _) in s.flags %}["{{ property }}", {{ bit }}]{% if !loop.last %}, {% endif %}{% endfor %}], {% if let Some(alias) = s.alias %}"{{ alias }}"{% else %}undefined{% endif %});
{%- if let Some((min, max)) = s.dense %}
// Each value's primary meaning at [value - {{ min }}].
const BY_VALUE = /* @__PURE__ */ byIndex(ALL, {{ min }}, {{ max }});
{%- else %}
const BY_VALUE = /* @__PURE__ */ byValue(ALL);
{%- endif %}

// Every exact name, then every name and former name in ASCII lower case: [name, row].
const BY_NAME = /* @__PURE__ */ byName([
{%- for (name, row) in s.names %}
  [{{ name }}, {{ row }}],
{%- endfor %}
], ALL);
const BY_FOLDED_NAME = /* @__PURE__ */ byName([
{%- for (name, row) in s.folded %}
  [{{ name }}, {{ row }}],
{%- endfor %}
], ALL);
const PREFIXES = [{% for p in s.prefixes %}{{ p }}{% if !loop.last %}, {% endif %}{% endfor %}];
const RETIRED = /* @__PURE__ */ new Set([{% for v in s.retired %}{{ v }}{% if !loop.last %}, {% endif %}{% endfor %}]);

/** Every meaning of every code by identifier: `{{ s.type_name }}.{{ s.example }}`. */
export const {{ s.type_name }} = /* @__PURE__ */ byIdent(ALL);

/** Every code, as lookup() answers it, in value order. */
export const codes = /* @__PURE__ */ primaries(ALL);

/** The code with this number (its primary meaning), or undefined. Never throws. */
export function lookup(code) {
{%- if let Some((min, max)) = s.dense %}
  if (typeof code !== "number" || code < {{ min }} || code > {{ max }}) return undefined;
  return BY_VALUE[code - {{ min }}];
{%- else %}
  return BY_VALUE.get(code);
{%- endif %}
}

/** Every meaning of the number, the primary one first; empty for an unknown number. */
export function meanings(code) {
  return lookup(code)?.meanings ?? NONE;
}

/** The code with exactly this name (upstream's, the identifier, another ecosystem's), or undefined. */
export function fromExactName(name) {
  return BY_NAME.get(name);
}

/**
 * The code with this name as people paste it: surrounding spaces trimmed,
 * a prefix people paste before names stripped (if the system has one),
 * ASCII case ignored, former names found too. Undefined when no code has
 * the name.
 */
export function fromName(name) {
  return forgiving(name, BY_NAME, BY_FOLDED_NAME, PREFIXES);
}

/** Whether upstream retired the number (removed, or a sentinel): never a current code, never reused. */
export function isRetired(code) {
  return RETIRED.has(code);
}
{%- for m in s.mappings %}

// From {{ m.from }}: [lo, hi, target row, kind, note], single codes first, then
// ranges from the narrowest; then each note once.
const {{ m.table }} = /* @__PURE__ */ rules([
{%- for (lo, hi, to, kind, note) in m.rules %}
  [{{ lo }}, {{ hi }}, {{ to }}, {{ kind }}, {{ note }}],
{%- endfor %}
], ALL, [
{%- for note in m.notes %}
  {{ note }},
{%- endfor %}
]);

/**
 * The rule that answers for a {{ m.from }} code: the {{ s.type_name }} it maps to, the kind of
 * mapping and the table's note; undefined where no rule covers the code.
 */
export function {{ m.function }}Rule(code) {
  return {{ m.table }}(code);
}

/**
 * The {{ s.type_name }} for a {{ m.from }} code ({{ m.from_type }}), or undefined{% if m.total %} (every
 * current {{ m.from_type }} has a rule){% endif %}. {{ m.function }}Rule() also says how sure that is.
 */
export function {{ m.function }}(code) {
  return {{ m.table }}(code)?.to;
}
{%- endfor %}
