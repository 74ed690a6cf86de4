// {{ notice }}
/**
 * netcodes: the vocabulary every code system shares (categories, retry
 * classes, upstream statuses, mapping kinds) and the retry decision. The
 * codes themselves are in one module per system:
{%- for id in systems %}
 * "netcodes/{{ id }}"{% if loop.last %}.{% else %},{% endif %}
{%- endfor %}
 * @module
 */

/** The version of netcodes. */
export declare const version: string;

/** What kind of failure a code is. */
export type Category = {% for t in v.categories %}{{ t.id }}{% if !loop.last %} | {% endif %}{% endfor %};

/** Whether and how to retry after a code. */
export type Retry = {% for r in v.retries %}{{ r.term.id }}{% if !loop.last %} | {% endif %}{% endfor %};

/** Where a code stands upstream. */
export type UpstreamStatus = {% for t in v.statuses %}{{ t.id }}{% if !loop.last %} | {% endif %}{% endfor %};

/** How sure a mapping rule is. */
export type MappingKind = {% for t in v.kinds %}{{ t.id }}{% if !loop.last %} | {% endif %}{% endfor %};

/** When a retry class retries. */
export type DecisionRule = {% for rule in v.rules %}"{{ rule }}"{% if !loop.last %} | {% endif %}{% endfor %};

/** A term of the vocabulary, with a short title and one sentence on what it means. */
export interface Term<I extends string = string> {
  readonly id: I;
  readonly title: string;
  readonly description: string;
}

/** A retry class and what it decides for one failed request. */
export interface RetryTerm extends Term<Retry> {
  /** Whether it retries: never, always, only a request safe to repeat, only with Retry-After. */
  readonly decision: DecisionRule;
  /** The least wait in seconds; with a Retry-After, the longer of the two. */
  readonly delay: number;
  /** Retry on a new connection, not on the one that failed. */
  readonly newConnection: boolean;
}

export declare const categories: readonly Term<Category>[];
export declare const retries: readonly RetryTerm[];
export declare const statuses: readonly Term<UpstreamStatus>[];
export declare const mappingKinds: readonly Term<MappingKind>[];

/** One row of a mapping table: the code it maps to, its kind and its note. */
export interface Rule<T> {
  /** The code in the target system. */
  readonly to: T;
  /** How sure the mapping is. */
  readonly kind: MappingKind;
  /** Why, in the table's words; always there where the kind needs a note. */
  readonly note: string | undefined;
}

/** About the failed request. */
export interface RetryOptions {
  /** The request is safe to repeat (GET, PUT, DELETE, or made so with an idempotency key). */
  readonly idempotent?: boolean;
  /** The seconds of the response's Retry-After header, if it had one. */
  readonly retryAfter?: number | undefined;
}

/** What to do with one failed request. */
export interface RetryDecision {
  /** Send it again. */
  readonly retry: boolean;
  /** Wait at least this many seconds first (0 when not retrying). */
  readonly after: number;
  /** Send it on a new connection, not on the one that failed. */
  readonly newConnection: boolean;
}

/**
 * Whether to send one failed request again, after how many seconds at least,
 * and on a new connection or not. `code` is a code object of any system (or
 * a retry class id); an unknown code (undefined) is never retried.
 */
export declare function retryDecision(
  code: { readonly retry: Retry } | Retry | null | undefined,
  options?: RetryOptions,
): RetryDecision;
