/* {{ notice }} */
/*
 * netcodes.h: network error and status codes for C and C++.
 *
 * One header, nothing to link. Include it from any number of translation
 * units: every function is `static inline` and every table lives inside the
 * function that reads it. That choice (rather than one NETCODES_IMPLEMENTATION
 * translation unit) keeps vendoring to a single copied file with no build
 * changes, cannot produce duplicate symbols, and costs nothing for functions a
 * program never calls. Identical strings are merged by the linker.
 *
 * Conventions, the same for every code system:
 *   - codes are plain integers holding the upstream value: `int`, or
 *     `unsigned long` or `unsigned long long` where a system's values need it;
 *     a value netcodes does not know is never an error to pass in;
 *   - string lookups return a pointer to static, NUL-terminated UTF-8, or NULL
 *     for a code netcodes does not know; netcodes_<id>_name_or(code, fallback)
 *     and netcodes_<id>_description_or(code, fallback) return the fallback
 *     instead, so that log lines never go blank;
 *   - category, retry and group lookups return the ..._NONE value (-1) for a
 *     code or range netcodes does not know;
 *   - a mapping function returns a code of the target system, in that
 *     system's integer type, or NETCODES_<TO>_UNMAPPED, a constant of the same
 *     type outside the target system's range, for a code no rule covers;
 *   - predicates return 1 or 0.
 *
 * Compiles as C99 or later and as C++11 or later. Needs only <stddef.h>.
 */
#ifndef NETCODES_H
#define NETCODES_H

#include <stddef.h>

/* A null pointer and a cast that C++ code built with -Wzero-as-null-pointer-constant
 * or -Wold-style-cast (as Qt checks its own headers) accepts quietly. */
#ifdef __cplusplus
#define NETCODES_NULL nullptr
#define NETCODES_CAST(type, value) (static_cast<type>(value))
#else
#define NETCODES_NULL NULL
#define NETCODES_CAST(type, value) ((type)(value))
#endif

/* The version of netcodes, and the upstream versions its tables follow. */
#define NETCODES_VERSION_MAJOR {{ version.major }}
#define NETCODES_VERSION_MINOR {{ version.minor }}
#define NETCODES_VERSION_PATCH {{ version.patch }}
#define NETCODES_VERSION_STRING {{ version.literal }}
#define NETCODES_DATA_VERSION {{ version.data }}

#ifdef __cplusplus
extern "C" {
#endif
{%- if long_strings %}

/* Some descriptions exceed the 4095 bytes ISO C99 promises for a literal. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
{%- endif %}

{%- for v in vocabularies %}

/* {{ v.doc }} */
typedef enum {{ v.ty }} {
{%- if let Some(none) = v.none %}
    {{ none }} = -1,
{%- endif %}
{%- for t in v.terms %}
    {{ t.c_name }} = {{ t.value }}, /* {{ t.comment }} */
{%- endfor %}
} {{ v.ty }};
{%- endfor %}

/* One meaning of one code: everything the lookups answer. */
typedef struct netcodes_entry {
    int code;
    /* Upstream spelling; NULL for a meaning whose source documents no name. */
    const char *name;
    const char *description;
    netcodes_category category;
    netcodes_retry retry;
    netcodes_status status;
    /* Bit i is the system's i-th flag (a boolean column of its table). */
    unsigned int flags;
    /* How many meanings the code has; this row is one of them. */
    unsigned int meanings;
    /* Who gives the code this meaning: the system's own upstream, or a vendor ("nginx"). */
    const char *source;
} netcodes_entry;

{%- for v in vocabularies %}
{%- for (function, doc, texts) in v.lookups %}

/* {{ doc }} */
static inline const char *{{ function }}({{ v.ty }} value) {
    switch (value) {
{%- for t in v.terms %}
    case {{ t.c_name }}: return {{ texts[loop.index0] }};
{%- endfor %}
    default: return NETCODES_NULL;
    }
}
{%- endfor %}
{%- endfor %}

/* The byte at `p`, 0 to 255 whatever the signedness of char. */
static inline int netcodes_byte(const char *p) {
    return NETCODES_CAST(int, NETCODES_CAST(unsigned char, *p));
}

/* Length in bytes of a NUL-terminated string, so the header needs no <string.h>. */
static inline size_t netcodes_length(const char *s) {
    size_t n = 0;
    while (s[n] != '\0') {
        ++n;
    }
    return n;
}

/* Compares the NUL-terminated `name` with the `length` bytes at `query`,
 * folding the query's ASCII letters to lower case when `folded` (`name` is
 * then already lower case). Negative, zero or positive, as strcmp. */
static inline int netcodes_compare(const char *name, const char *query, size_t length, int folded) {
    size_t i;
    for (i = 0; i < length; ++i) {
        int q = netcodes_byte(query + i);
        if (folded && q >= 'A' && q <= 'Z') {
            q += 'a' - 'A';
        }
        if (netcodes_byte(name + i) != q) {
            return netcodes_byte(name + i) - q;
        }
    }
    return netcodes_byte(name + length);
}

/* A name and the code it leads to: the tables behind every from_name(). */
typedef struct netcodes_name {
    const char *name;
    size_t length;
    int code;
} netcodes_name;

/* Binary search of a name table for the `length` bytes at `query`. `folded`:
 * the table is in ASCII lower case, sorted by bytes, and the query is folded
 * as it is compared; otherwise it is sorted by length, then bytes, so that
 * most probes are settled by comparing two lengths. Returns the entry, or NULL. */
static inline const netcodes_name *netcodes_find_name(const netcodes_name *table, size_t count, const char *query, size_t length, int folded) {
    size_t lo = 0;
    size_t hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int order = !folded && table[mid].length != length ? (table[mid].length < length ? -1 : 1)
                                                           : netcodes_compare(table[mid].name, query, length, folded);
        if (order == 0) {
            return &table[mid];
        }
        if (order < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NETCODES_NULL;
}

/* `query` without the ASCII white space around it: moves `*start` past the
 * leading spaces and returns the length up to the last non-space byte. */
static inline size_t netcodes_trim(const char **start) {
    size_t length;
    while (**start == ' ' || **start == '\t' || **start == '\r' || **start == '\n') {
        ++*start;
    }
    length = netcodes_length(*start);
    while (length > 0 && ((*start)[length - 1] == ' ' || (*start)[length - 1] == '\t' || (*start)[length - 1] == '\r' || (*start)[length - 1] == '\n')) {
        --length;
    }
    return length;
}

/* What to do with one failed request: send it again or not, after how many
 * seconds at least, and on a new connection or not. */
typedef struct netcodes_retry_decision {
    int retry;
    long after_seconds;
    int new_connection;
} netcodes_retry_decision;

/* The decision of a retry class for a request that is or is not `idempotent`
 * (safe to repeat), given the response's Retry-After in seconds
 * (`retry_after_seconds` < 0: the response had none). The rules are on the
 * docs' vocabulary page; NETCODES_RETRY_NONE (an unknown code) never retries. */
static inline netcodes_retry_decision netcodes_retry_decide(netcodes_retry retry, int idempotent, long retry_after_seconds) {
    netcodes_retry_decision decision = {0, 0L, 0};
    long delay = 0L;
    switch (retry) {
{%- for (case, condition, delay, new_connection) in retry_rules %}
    case {{ case }}:
        decision.retry = {{ condition }};
        delay = {{ delay }}L;
        decision.new_connection = {{ new_connection }};
        break;
{%- endfor %}
    default:
        break;
    }
    if (!decision.retry) {
        decision.new_connection = 0;
        return decision;
    }
    decision.after_seconds = retry_after_seconds > delay ? retry_after_seconds : delay;
    return decision;
}
{%- for s in systems %}

/* ---------------------------------------------------------------------------
 * {{ s.title }} ({{ s.upstream }})
 */

typedef enum {{ s.c_type }} {
{%- for (c_name, value, name) in s.codes %}
    {{ c_name }} = {{ value }}, /* {{ name }} */
{%- endfor %}
} {{ s.c_type }};
{%- if !s.meaning_indexes.is_empty() %}

/* A constant named for a meaning that is not its number's first one is the
 * number; with its _MEANING index, {{ s.fns }}meaning() gives that meaning's
 * facts: {{ s.fns }}meaning({{ s.meaning_indexes[0].0 }}, {{ s.meaning_indexes[0].0 }}_MEANING). */
{%- for (c_name, index) in s.meaning_indexes %}
#define {{ c_name }}_MEANING {{ index }}
{%- endfor %}
{%- endif %}

/* The value ranges upstream documents. */
typedef enum {{ s.fns }}group {
    {{ s.prefix }}GROUP_NONE = -1,
{%- for g in s.groups %}
    {{ g.c_name }} = {{ g.index }}, /* {{ g.title_comment }}: {{ g.min }} to {{ g.max }} */
{%- endfor %}
} {{ s.fns }}group;
{%- if let Some((unmapped, value)) = s.unmapped %}

/* What a mapping into {{ s.id }} answers for a code no rule covers: no {{ s.id }}
 * code has this value ({{ s.param }}, the type mappings into {{ s.id }} return). */
#define {{ unmapped }} {{ value }}
{%- endif %}

/* The row of a code netcodes knows ({{ s.id }}), or NULL. A code with several
 * meanings answers with its primary one; see {{ s.fns }}meaning() for the others. */
static inline const netcodes_entry *{{ s.fns }}entry({{ s.param }} code) {
    static const netcodes_entry netcodes_rows[{{ s.rows.len() }}] = {
{%- for r in s.rows %}
        {{ "{" }}{{ r.value }}, {{ r.name }}, {{ r.description }}, {{ r.category }}, {{ r.retry }}, {{ r.status }}, {{ r.flags }}u, {{ r.meanings }}u, {{ r.source }}{{ "}" }},
{%- endfor %}
    };
{%- match s.dense %}
{%- when Some(dense) %}
    /* The row of each value from {{ dense.min }}, NULL where no code is: a
     * lookup is a range check and one load. */
    static const netcodes_entry *const netcodes_index[{{ dense.len }}] = {
{%- for line in dense.lines %}
        {{ line }},
{%- endfor %}
    };
    if ({{ dense.outside }}) {
        return NETCODES_NULL;
    }
    return netcodes_index[code - ({{ dense.min }})];
{%- when None %}
    size_t lo = 0;
    size_t hi = {{ s.rows.len() }};
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (netcodes_rows[mid].code < code) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (lo < {{ s.rows.len() }} && netcodes_rows[lo].code == code) ? &netcodes_rows[lo] : NETCODES_NULL;
{%- endmatch %}
}

/* 1 if netcodes knows the code, 0 otherwise. */
static inline int {{ s.fns }}is_known({{ s.param }} code) {
    return {{ s.fns }}entry(code) != NETCODES_NULL;
}

/* The name as upstream spells it, or NULL. */
static inline const char *{{ s.fns }}name({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL ? entry->name : NETCODES_NULL;
}

/* What the code means and what to do about it, or NULL. */
static inline const char *{{ s.fns }}description({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL ? entry->description : NETCODES_NULL;
}

/* The name, or `fallback` for a code netcodes does not know (or a meaning
 * whose source documents no name): a log line never goes blank. */
static inline const char *{{ s.fns }}name_or({{ s.param }} code, const char *fallback) {
    const char *text = {{ s.fns }}name(code);
    return text != NETCODES_NULL ? text : fallback;
}

/* The description, or `fallback` for a code netcodes does not know. */
static inline const char *{{ s.fns }}description_or({{ s.param }} code, const char *fallback) {
    const char *text = {{ s.fns }}description(code);
    return text != NETCODES_NULL ? text : fallback;
}

/* The code's category, or NETCODES_CATEGORY_NONE. */
static inline netcodes_category {{ s.fns }}category({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL ? entry->category : NETCODES_CATEGORY_NONE;
}

/* Whether and how to retry, or NETCODES_RETRY_NONE. */
static inline netcodes_retry {{ s.fns }}retry({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL ? entry->retry : NETCODES_RETRY_NONE;
}

/* Where the code stands upstream, or NETCODES_STATUS_NONE. */
static inline netcodes_status {{ s.fns }}upstream_status({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL ? entry->status : NETCODES_STATUS_NONE;
}

/* The documented range a value falls in, known code or not. */
static inline {{ s.fns }}group {{ s.fns }}group_of({{ s.param }} code) {
{%- for g in s.groups %}
    if ({{ g.condition }}) {
        return {{ g.c_name }};
    }
{%- endfor %}
    return {{ s.prefix }}GROUP_NONE;
}

/* The identifier of a group, as data/ spells it; NULL for {{ s.prefix }}GROUP_NONE. */
static inline const char *{{ s.fns }}group_id({{ s.fns }}group group) {
    switch (group) {
{%- for g in s.groups %}
    case {{ g.c_name }}: return {{ g.id }};
{%- endfor %}
    default: return NETCODES_NULL;
    }
}

/* A short human title of a group; NULL for {{ s.prefix }}GROUP_NONE. */
static inline const char *{{ s.fns }}group_title({{ s.fns }}group group) {
    switch (group) {
{%- for g in s.groups %}
    case {{ g.c_name }}: return {{ g.title }};
{%- endfor %}
    default: return NETCODES_NULL;
    }
}

/* What a group's range holds, where upstream says more than its title; NULL
 * where data/ has no description, and for {{ s.prefix }}GROUP_NONE. */
static inline const char *{{ s.fns }}group_description({{ s.fns }}group group) {
    switch (group) {
{%- for g in s.groups %}
{%- if let Some(description) = g.description %}
    case {{ g.c_name }}: return {{ description }};
{%- endif %}
{%- endfor %}
    default: return NETCODES_NULL;
    }
}
{%- for g in s.groups %}

/* 1 if the value lies in the {{ g.title_comment }} range ({{ g.min }} to {{ g.max }}), known code or not.
{%- if !g.description_comment.is_empty() %}
 * {{ g.description_comment }}
{%- endif %} */
static inline int {{ g.predicate }}({{ s.param }} code) {
    return {{ g.condition }};
}
{%- endfor %}
{%- for flag in s.flags %}

/* {{ flag.doc }} 0 for a code netcodes does not know. */
static inline int {{ flag.function }}({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL && (entry->flags & {{ flag.bit }}u) != 0u;
}
{%- endfor %}


/* 1 if upstream retired the number (a removed code or a sentinel): it is
 * never a current code and is never reused. */
static inline int {{ s.fns }}is_retired({{ s.param }} code) {
{%- if s.retired.is_empty() %}
    (void)code;
    return 0;
{%- else %}
    switch (code) {
{%- for value in s.retired %}
    case {{ value }}:
{%- endfor %}
        return 1;
    default:
        return 0;
    }
{%- endif %}
}

/* How many meanings the code has: 0 if unknown, more than 1 where sources
 * give the number different meanings. */
static inline int {{ s.fns }}meaning_count({{ s.param }} code) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return entry != NETCODES_NULL ? NETCODES_CAST(int, entry->meanings) : 0;
}

/* The i-th meaning of the code (0 is the primary one), or NULL. */
static inline const netcodes_entry *{{ s.fns }}meaning({{ s.param }} code, int i) {
    const netcodes_entry *entry = {{ s.fns }}entry(code);
    return (entry != NETCODES_NULL && i >= 0 && NETCODES_CAST(unsigned int, i) < entry->meanings) ? entry + i : NETCODES_NULL;
}

/* The entry of the `length` bytes at `name` in the table of exact names
 * (upstream's, the constants' without their prefix, other ecosystems'), or NULL. */
static inline const netcodes_name *{{ s.fns }}find_exact(const char *name, size_t length) {
    static const netcodes_name netcodes_names[{{ s.by_name.len() }}] = {
{%- for (name, length, value) in s.by_name %}
        {{ "{" }}{{ name }}, {{ length }}u, {{ value }}{{ "}" }},
{%- endfor %}
    };
    return netcodes_find_name(netcodes_names, {{ s.by_name.len() }}u, name, length, 0);
}

/* Finds the code whose name is `name` exactly, as any of its names is
 * spelled; case and white space matter. Returns 1 and stores the code, or
 * returns 0. */
static inline int {{ s.fns }}from_exact_name(const char *name, {{ s.param }} *code) {
    const netcodes_name *found = name != NETCODES_NULL ? {{ s.fns }}find_exact(name, netcodes_length(name)) : NETCODES_NULL;
    if (found != NETCODES_NULL && code != NETCODES_NULL) {
        *code = NETCODES_CAST({{ s.param }}, found->code);
    }
    return found != NETCODES_NULL;
}

/* Finds the code a pasted name stands for: without the white space around
 * it, exactly as any of its names is spelled, or else{% if !s.prefixes.is_empty() %} without a prefix people
 * paste before names ({% for p in s.prefixes %}{{ p.1 }}{% if !loop.last %}, {% endif %}{% endfor %}) and{% endif %} ignoring ASCII case, which also finds
 * former names. Returns 1 and stores the code, or returns 0. */
static inline int {{ s.fns }}from_name(const char *name, {{ s.param }} *code) {
    static const netcodes_name netcodes_folded[{{ s.folded.len() }}] = {
{%- for (name, length, value) in s.folded %}
        {{ "{" }}{{ name }}, {{ length }}u, {{ value }}{{ "}" }},
{%- endfor %}
    };
{%- if !s.prefixes.is_empty() %}
    static const netcodes_name netcodes_prefixes[{{ s.prefixes.len() }}] = {
{%- for (prefix, _, length) in s.prefixes %}
        {{ "{" }}{{ prefix }}, {{ length }}u, 0{{ "}" }},
{%- endfor %}
    };
    size_t i;
{%- endif %}
    const char *start = name;
    size_t length;
    const netcodes_name *found;
    if (name == NETCODES_NULL) {
        return 0;
    }
    length = netcodes_trim(&start);
    found = {{ s.fns }}find_exact(start, length);
{%- if !s.prefixes.is_empty() %}
    for (i = 0; found == NETCODES_NULL && i < {{ s.prefixes.len() }}u; ++i) {
        size_t n = netcodes_prefixes[i].length;
        if (length >= n && netcodes_compare(netcodes_prefixes[i].name, start, n, 1) == 0) {
            start += n;
            length -= n;
            break;
        }
    }
{%- endif %}
    if (found == NETCODES_NULL) {
        found = netcodes_find_name(netcodes_folded, {{ s.folded.len() }}u, start, length, 1);
    }
    if (found != NETCODES_NULL && code != NETCODES_NULL) {
        *code = NETCODES_CAST({{ s.param }}, found->code);
    }
    return found != NETCODES_NULL;
}
{%- if let Some(alias) = s.name_alias %}

/* The {{ alias }} of the code's primary meaning, or NULL; the same as
 * {{ s.fns }}name(). */
static inline const char *{{ s.fns }}{{ alias }}({{ s.param }} code) {
    return {{ s.fns }}name(code);
}

/* Finds a code by its {{ alias }} as people paste it ("request entity too
 * large" finds 413): the same as {{ s.fns }}from_name(). */
static inline int {{ s.fns }}from_{{ alias }}(const char *text, {{ s.param }} *code) {
    return {{ s.fns }}from_name(text, code);
}
{%- endif %}

/* Whether to send a failed request again after this code, and how long to
 * wait at least: the decision of its retry class (netcodes_retry_decide());
 * an unknown code is never retried. */
static inline netcodes_retry_decision {{ s.fns }}retry_decision({{ s.param }} code, int idempotent, long retry_after_seconds) {
    return netcodes_retry_decide({{ s.fns }}retry(code), idempotent, retry_after_seconds);
}
{%- endfor %}

/* ---------------------------------------------------------------------------
 * Cross-mappings between the code systems (data/map/). Each mapping is a pair
 * of functions named after its target: netcodes_<to>_<function>_rule(code)
 * gives the rule that answers (the most specific one: a single code beats a
 * range, a narrower range beats a wider one), and netcodes_<to>_<function>(code)
 * gives just the target code, or NETCODES_<TO>_UNMAPPED.
 */

/* One rule of a mapping table. */
typedef struct netcodes_rule {
    /* The code of the target system (every code fits an int, as in
     * netcodes_entry; the mapping function returns it as the target's type). */
    int to;
    netcodes_mapping_kind kind;
    /* Why, in netcodes' words; NULL when the table gives none. */
    const char *note;
} netcodes_rule;

{%- for m in mappings %}

/* {{ m.from }} -> {{ m.to }} ({{ m.table_path }}): the rule that answers for the
 * given {{ m.from }} code, or NULL when no rule covers it. */
static inline const netcodes_rule *{{ m.function }}_rule({{ m.param }} code) {
{%- if m.rules.is_empty() %}
    (void)code;
    return NETCODES_NULL;
{%- else %}
    static const netcodes_rule netcodes_rules[{{ m.rules.len() }}] = {
{%- for r in m.rules %}
        {{ "{" }}{{ r.to }}, {{ r.kind }}, {{ r.note }}{{ "}" }}, /* {{ r.from }} */
{%- endfor %}
    };
{%- if !m.singles.is_empty() %}
    switch (code) {
{%- for (value, index) in m.singles %}
    case {{ value }}: return &netcodes_rules[{{ index }}];
{%- endfor %}
    default: break;
    }
{%- endif %}
{%- for (condition, index) in m.ranges %}
    if ({{ condition }}) {
        return &netcodes_rules[{{ index }}];
    }
{%- endfor %}
    return NETCODES_NULL;
{%- endif %}
}

/* {{ m.from }} -> {{ m.to }} ({{ m.table_path }}): the {{ m.to }} code for the given
 * {{ m.from }} code, or {{ m.unmapped }} when no rule covers it. */
static inline {{ m.ret }} {{ m.function }}({{ m.param }} code) {
    const netcodes_rule *rule = {{ m.function }}_rule(code);
{%- if m.ret == "int" %}
    return rule != NETCODES_NULL ? rule->to : {{ m.unmapped }};
{%- else %}
    return rule != NETCODES_NULL ? NETCODES_CAST({{ m.ret }}, rule->to) : {{ m.unmapped }};
{%- endif %}
}
{%- endfor %}
{%- if long_strings %}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
{%- endif %}

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NETCODES_H */
