// {{ notice }}
{#- Each term of a vocabulary list as a frozen object. -#}
{%- macro terms(list) %}
{%- for t in list %}
  /* @__PURE__ */ Object.freeze({ id: {{ t.id }}, title: {{ t.title }}, description: {{ t.description }} }),
{%- endfor %}
{%- endmacro %}
/**
 * netcodes: the vocabulary every code system shares (categories, retry
 * classes, upstream statuses, mapping kinds) and the retry decision. The
 * codes themselves are in one module per system: "netcodes/<system>".
 * Types: index.d.ts.
 * @module
 */

/** The version of netcodes. */
export const version = {{ version }};

/** What kind of failure a code is. */
export const categories = /* @__PURE__ */ Object.freeze([
{%- call terms(v.categories) %}{% endcall %}
]);

/** Whether and how to retry after a code, and what each class decides. */
export const retries = /* @__PURE__ */ Object.freeze([
{%- for r in v.retries %}
  /* @__PURE__ */ Object.freeze({ id: {{ r.term.id }}, title: {{ r.term.title }}, description: {{ r.term.description }}, decision: "{{ r.rule }}", delay: {{ r.delay }}, newConnection: {{ r.new_connection }} }),
{%- endfor %}
]);

/** Where a code stands upstream. */
export const statuses = /* @__PURE__ */ Object.freeze([
{%- call terms(v.statuses) %}{% endcall %}
]);

/** How sure a mapping rule is. */
export const mappingKinds = /* @__PURE__ */ Object.freeze([
{%- call terms(v.kinds) %}{% endcall %}
]);

const BY_RETRY = /* @__PURE__ */ new Map(retries.map((term) => [term.id, term]));

/**
 * Whether to send one failed request again, after how many seconds at least,
 * and on a new connection or not. `code` is a code object of any system (or
 * a retry class id); `idempotent`: the request is safe to repeat;
 * `retryAfter`: the seconds of a Retry-After header, if the response had one.
 * An unknown code (undefined) is never retried.
 */
export function retryDecision(code, options) {
  const term = BY_RETRY.get(typeof code === "string" ? code : code?.retry);
  if (term === undefined) return { retry: false, after: 0, newConnection: false };
  const idempotent = options?.idempotent === true;
  const retryAfter = options?.retryAfter;
  const hasRetryAfter = typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0;
  const retry =
    term.decision === "yes" ||
    (term.decision === "if_idempotent" && idempotent) ||
    (term.decision === "if_retry_after" && hasRetryAfter);
  return {
    retry,
    after: retry ? Math.max(term.delay, hasRetryAfter ? retryAfter : 0) : 0,
    newConnection: retry && term.newConnection,
  };
}
