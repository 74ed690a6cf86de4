// {{ notice }}
/**
 * netcodes/{{ s.id }}: every code of the system, its facts, the lookups by
 * number and by name{% if !s.mappings.is_empty() %}, and the mappings into it from other systems{% endif %}.
 * @module
 */
import type * as netcodes from "./index.js";

/** The value ranges upstream documents, by id. */
export type Group = {% for (id, _, _, _, _) in s.groups %}{{ id }}{% if !loop.last %} | {% endif %}{% endfor %};

/** Who gives a number its meaning, by id; the first is the system's own upstream. */
export type Source = {% for id in s.sources %}{{ id }}{% if !loop.last %} | {% endif %}{% endfor %};

/** One meaning of a code, with every fact netcodes has about it. */
export interface Code<
  V extends number = number,
  I extends string = string,
  N extends string | undefined = string | undefined,
  P extends boolean = boolean,
> {
  /** The number, exactly as upstream defines it. */
  readonly value: V;
  /** The identifier, the key of `{{ s.type_name }}`: `{{ s.example }}`. */
  readonly ident: I;
  /** The name as upstream prints it; undefined where the source documents none. */
  readonly name: N;
{%- if let Some(alias) = s.alias %}
  /** The same as `name`, under the word upstream uses for it. */
  readonly {{ alias }}: N;
{%- endif %}
  /** What the code means and what to do about it. */
  readonly description: string;
  /** What kind of failure this is. */
  readonly category: netcodes.Category;
  /** Whether and how to retry: see retryDecision() in "netcodes". */
  readonly retry: netcodes.Retry;
  /** Where the code stands upstream. */
  readonly status: netcodes.UpstreamStatus;
  /** The documented range the value falls in. */
  readonly group: Group;
  /** Who gives the number this meaning. */
  readonly source: Source;
  /** Whether this is the meaning a lookup by number answers: the value's first. */
  readonly primary: P;
  /** The upstream version that introduced the code, where upstream documents it. */
  readonly since: string | undefined;
  /** The specification or document that defines the code, where the table names one. */
  readonly reference: string | undefined;
{%- for (property, _, doc) in s.flags %}
  /** {{ doc }} */
  readonly {{ property }}: boolean;
{%- endfor %}
  /** Every meaning of the value, the primary one first (this one among them). */
  readonly meanings: readonly Meaning[];
}

/** Every meaning of every code, by identifier. */
export interface Table {
{%- for (ident, value, name, primary) in s.table %}
  readonly {{ ident }}: Code<{{ value }}, "{{ ident }}", {{ name }}, {{ primary }}>;
{%- endfor %}
}

/** Any meaning of any code: what meanings() answers. */
export type Meaning = Table[keyof Table];

/** A code as lookup() answers it: the primary meaning of its value. */
export type {{ s.type_name }} = Extract<Meaning, { readonly primary: true }>;

/** Every number the system has a code for. */
export type Value = {{ s.type_name }}["value"];

/** Every identifier: the keys of `{{ s.type_name }}`. */
export type Ident = keyof Table;

/** What the codes are, and the upstream release they follow. */
export declare const system: {
  readonly id: "{{ s.id }}";
  readonly title: string;
  readonly upstream: string;
  readonly version: string;
  readonly url: string;
};

/** The value ranges upstream documents, each holding codes of one kind. */
export declare const groups: readonly {
  readonly id: Group;
  readonly title: string;
  /** What the range holds, where upstream says more than its title; `null` otherwise. */
  readonly description: string | null;
  readonly min: number;
  readonly max: number;
}[];

/** Every meaning of every code by identifier: `{{ s.type_name }}.{{ s.example }}`. */
export declare const {{ s.type_name }}: Table;

/** Every code, as lookup() answers it, in value order. */
export declare const codes: readonly {{ s.type_name }}[];

/** The code with this number (its primary meaning). */
export declare function lookup<V extends Value>(code: V): Extract<{{ s.type_name }}, { readonly value: V }>;
/** The code with this number (its primary meaning), or undefined. Never throws. */
export declare function lookup(code: number): {{ s.type_name }} | undefined;

/** Every meaning of the number, the primary one first. */
export declare function meanings<V extends Value>(code: V): readonly Extract<Meaning, { readonly value: V }>[];
/** Every meaning of the number, the primary one first; empty for an unknown number. */
export declare function meanings(code: number): readonly Meaning[];

/** The code with exactly this name (upstream's, the identifier, another ecosystem's), or undefined. */
export declare function fromExactName(name: string): {{ s.type_name }} | undefined;

/**
 * The code with this name as people paste it: surrounding spaces trimmed,
 * a prefix people paste before names stripped (if the system has one),
 * ASCII case ignored, former names found too. Undefined when no code has
 * the name.
 */
export declare function fromName(name: string): {{ s.type_name }} | undefined;

/** Whether upstream retired the number (removed, or a sentinel): never a current code, never reused. */
export declare function isRetired(code: number): boolean;
{%- for m in s.mappings %}

/**
 * The rule that answers for a {{ m.from }} code: the {{ s.type_name }} it maps to, the kind of
 * mapping and the table's note; undefined where no rule covers the code.
 */
export declare function {{ m.function }}Rule(code: number): netcodes.Rule<{{ s.type_name }}> | undefined;

/**
 * The {{ s.type_name }} for a {{ m.from }} code ({{ m.from_type }}), or undefined{% if m.total %} (every
 * current {{ m.from_type }} has a rule){% endif %}. {{ m.function }}Rule() also says how sure that is.
 */
export declare function {{ m.function }}(code: number): {{ s.type_name }} | undefined;
{%- endfor %}
