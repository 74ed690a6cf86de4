// {{ notice }}
// What every system module of netcodes shares: code objects built from the
// modules' rows, the name lookups and the mapping rules. Internal, not an
// entry point: import "netcodes/<system>" or "netcodes" instead. Every
// function here is pure, so a bundler drops what a program does not use.

// The vocabulary ids, in the order the modules' rows count them.
const CATEGORIES = [{% for t in v.categories %}{{ t.id }}{% if !loop.last %}, {% endif %}{% endfor %}];
const RETRIES = [{% for r in v.retries %}{{ r.term.id }}{% if !loop.last %}, {% endif %}{% endfor %}];
const STATUSES = [{% for t in v.statuses %}{{ t.id }}{% if !loop.last %}, {% endif %}{% endfor %}];
const KINDS = [{% for t in v.kinds %}{{ t.id }}{% if !loop.last %}, {% endif %}{% endfor %}];

/** What meanings() answers for a number no code has. */
export const NONE = Object.freeze([]);

/**
 * Frozen code objects from a module's rows. A row is `[value, meaning, ...]`,
 * the primary meaning first, and a meaning is `[ident, name, description,
 * category, retry, status, group, source, since, reference, flag bits]`.
 * Answers every meaning in row order, the order the modules' name indexes
 * and mapping tables count in.
 */
export function build(rows, groups, sources, flags, alias) {
  const all = [];
  for (const [value, ...list] of rows) {
    const meanings = [];
    for (const [ident, name, description, category, retry, status, group, source, since, reference, bits] of list) {
      const code = { value, ident, name };
      if (alias !== undefined) code[alias] = name;
      code.description = description;
      code.category = CATEGORIES[category];
      code.retry = RETRIES[retry];
      code.status = STATUSES[status];
      code.group = groups[group].id;
      code.source = sources[source];
      code.primary = meanings.length === 0;
      code.since = since;
      code.reference = reference;
      for (const [property, bit] of flags) code[property] = (bits & bit) !== 0;
      code.meanings = meanings;
      meanings.push(Object.freeze(code));
    }
    Object.freeze(meanings);
    all.push(...meanings);
  }
  return all;
}

/** Each value's primary meaning, by value. */
export function byValue(all) {
  return new Map(all.filter((code) => code.primary).map((code) => [code.value, code]));
}

/**
 * Each value's primary meaning at `value - min`, for values close together:
 * an array of max - min + 1 entries, undefined where no code has the value.
 */
export function byIndex(all, min, max) {
  const table = Array.from({ length: max - min + 1 });
  for (const code of all) if (code.primary) table[code.value - min] = code;
  return table;
}

/** Every meaning by its identifier, as a frozen object. */
export function byIdent(all) {
  const table = {};
  for (const code of all) table[code.ident] = code;
  return Object.freeze(table);
}

/** The primary meanings, in value order. */
export function primaries(all) {
  return Object.freeze(all.filter((code) => code.primary));
}

/** A name index, `[name, row]` pairs, as a Map from name to code. */
export function byName(pairs, all) {
  return new Map(pairs.map(([name, row]) => [name, all[row]]));
}

function isSpace(unit) {
  return unit === 32 || unit === 9 || unit === 10 || unit === 13;
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_UPPER = /[A-Z]+/g;

function lower(run) {
  return run.toLowerCase();
}

/** ASCII lower case; every other character stays as it is. */
function foldAscii(text) {
  // toLowerCase() is ASCII lower case on ASCII text, and much faster.
  return NON_ASCII.test(text) ? text.replace(ASCII_UPPER, lower) : text.toLowerCase();
}

/**
 * The forgiving lookup by name: trim ASCII whitespace (space, tab, CR, LF);
 * an exact name; else without one of the system's lookup prefixes and
 * ignoring ASCII case. Anything but a string finds nothing.
 */
export function forgiving(text, names, folded, prefixes) {
  if (typeof text !== "string") return undefined;
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  // The text itself where nothing is trimmed: a string Map.get has hashed before.
  const trimmed = start === 0 && end === text.length ? text : text.slice(start, end);
  const exact = names.get(trimmed);
  if (exact !== undefined) return exact;
  let rest = foldAscii(trimmed);
  for (const prefix of prefixes) {
    if (rest.startsWith(foldAscii(prefix))) {
      rest = rest.slice(prefix.length);
      break;
    }
  }
  return folded.get(rest);
}

/**
 * A mapping table as a function from a code to its rule. Rows are
 * `[lo, hi, target row, kind, note]` in the order they are tried: single
 * codes first, then ranges from the narrowest, so the most specific wins.
 * A note is an index into `notes`, or -1 for none.
 */
export function rules(table, all, notes) {
  const exact = new Map();
  const ranges = [];
  for (const [lo, hi, to, kind, note] of table) {
    const rule = Object.freeze({ to: all[to], kind: KINDS[kind], note: note < 0 ? undefined : notes[note] });
    if (lo === hi) exact.set(lo, rule);
    else ranges.push([lo, hi, rule]);
  }
  return (code) => {
    const rule = exact.get(code);
    if (rule !== undefined || !Number.isInteger(code)) return rule;
    for (const [lo, hi, range] of ranges) {
      if (lo <= code && code <= hi) return range;
    }
    return undefined;
  };
}
