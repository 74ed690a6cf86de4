// node --test: the npm package against what data/ says, fact by fact.
// tests/typescript.rs writes the expectations from the model (every meaning of
// every code, the name indexes, every mapping rule, the retry decisions) to
// the JSON file NETCODES_EXPECTED, and runs this file twice: on
// generated/typescript (NETCODES_PACKAGE, a directory URL) and, without
// NETCODES_PACKAGE, on the package npm installed from its tarball.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const expected = JSON.parse(readFileSync(process.env.NETCODES_EXPECTED, "utf8"));
const base = process.env.NETCODES_PACKAGE;
const load = (name) =>
  import(base ? new URL(`${name}.js`, base).href : name === "index" ? "netcodes" : `netcodes/${name}`);

const root = await load("index");
const modules = new Map();
for (const system of expected.systems) modules.set(system.id, await load(system.id));

// A code object as plain data, in the shape of the expectations.
function view(system, code) {
  return {
    value: code.value,
    ident: code.ident,
    name: code.name ?? null,
    alias: system.alias === null ? null : (code[system.alias] ?? null),
    description: code.description,
    category: code.category,
    retry: code.retry,
    status: code.status,
    group: code.group,
    source: code.source,
    primary: code.primary,
    since: code.since ?? null,
    reference: code.reference ?? null,
    flags: Object.fromEntries(system.flags.map((flag) => [flag, code[flag]])),
    meanings: code.meanings.map((meaning) => meaning.ident),
  };
}

const identOf = (code) => (code === undefined ? null : code.ident);

for (const system of expected.systems) {
  const m = modules.get(system.id);
  const table = m[system.type_name];

  test(`${system.id}: every meaning of every code has the facts of data/`, (t) => {
    assert.deepEqual(Object.keys(table), system.codes.map((code) => code.ident), "identifiers, in row order");
    for (const want of system.codes) {
      const code = table[want.ident];
      assert.deepEqual(view(system, code), want, want.ident);
      assert.deepEqual(Object.keys(code), system.properties, `${want.ident}: properties`);
      assert.ok(Object.isFrozen(code) && Object.isFrozen(code.meanings), `${want.ident} is frozen`);
    }
    assert.ok(Object.isFrozen(table) && Object.isFrozen(m.codes) && Object.isFrozen(m.groups));
    assert.deepEqual(m.codes.map((code) => code.ident), system.codes.filter((c) => c.primary).map((c) => c.ident));
    assert.deepEqual(m.groups, system.groups);
    assert.deepEqual(m.system, system.system);
    t.diagnostic(`${system.id}: ${system.codes.length} meanings compared`);
  });

  test(`${system.id}: lookup, meanings and isRetired for every probe`, (t) => {
    for (const [value, ident, meanings, retired] of system.probes) {
      const code = m.lookup(value);
      assert.equal(identOf(code), ident, `lookup(${value})`);
      if (code !== undefined) assert.equal(code, table[ident], `lookup(${value}) is the table's object`);
      assert.deepEqual(m.meanings(value).map((meaning) => meaning.ident), meanings, `meanings(${value})`);
      assert.equal(m.isRetired(value), retired, `isRetired(${value})`);
    }
    t.diagnostic(`${system.id}: ${system.probes.length} numbers probed`);
  });

  test(`${system.id}: lookups never throw and answer undefined for anything else`, () => {
    for (const odd of [undefined, null, "0", "404", "", NaN, Infinity, -Infinity, 0.5, 1e300, {}, [], true, 10n, Symbol("x")]) {
      assert.equal(m.lookup(odd), undefined, `lookup(${String(odd)})`);
      assert.deepEqual(m.meanings(odd), [], `meanings(${String(odd)})`);
      assert.equal(m.isRetired(odd), false);
      assert.equal(m.fromName(odd), undefined, `fromName(${String(odd)})`);
      assert.equal(m.fromExactName(odd), undefined);
    }
  });

  test(`${system.id}: fromExactName for every name of the index`, (t) => {
    for (const [name, value] of system.exact) {
      const code = m.fromExactName(name);
      assert.equal(code?.value ?? null, value, `fromExactName(${JSON.stringify(name)})`);
      if (code !== undefined) assert.ok(code.primary, `fromExactName(${JSON.stringify(name)}) answers a primary meaning`);
    }
    t.diagnostic(`${system.id}: ${system.exact.length} exact names`);
  });

  test(`${system.id}: fromName trims, strips a prefix and ignores ASCII case`, (t) => {
    for (const [name, value] of system.forgiving) {
      assert.equal(m.fromName(name)?.value ?? null, value, `fromName(${JSON.stringify(name)})`);
    }
    t.diagnostic(`${system.id}: ${system.forgiving.length} pasted names`);
  });
}

for (const mapping of expected.mappings) {
  test(`${mapping.id}: every rule, and what no rule covers`, (t) => {
    const m = modules.get(mapping.to);
    const rule = m[`${mapping.function}Rule`];
    const plain = m[mapping.function];
    for (const [code, to, kind, note] of mapping.probes) {
      const got = rule(code);
      assert.deepEqual(
        got === undefined ? null : [got.to.ident, got.kind, got.note ?? null],
        to === null ? null : [to, kind, note],
        `${mapping.function}Rule(${code})`,
      );
      assert.equal(identOf(plain(code)), to, `${mapping.function}(${code})`);
      if (got !== undefined) assert.ok(Object.isFrozen(got) && got.to.primary);
    }
    for (const odd of [undefined, null, "404", NaN, 0.5, {}]) assert.equal(rule(odd), undefined);
    t.diagnostic(`${mapping.id}: ${mapping.rules} rules, ${mapping.probes.length} codes probed`);
  });
}

test("retryDecision: every retry class, with and without idempotency and Retry-After", (t) => {
  for (const [retry, options, want] of expected.retry) {
    assert.deepEqual(root.retryDecision(retry, options), want, `${retry} ${JSON.stringify(options)}`);
    assert.deepEqual(root.retryDecision({ retry }, options), want);
  }
  for (const system of expected.systems) {
    const m = modules.get(system.id);
    for (const code of m.codes) assert.deepEqual(root.retryDecision(code), root.retryDecision(code.retry));
  }
  const never = { retry: false, after: 0, newConnection: false };
  for (const odd of [undefined, null, "", "sometimes", {}, { retry: "sometimes" }, 42]) {
    assert.deepEqual(root.retryDecision(odd, { idempotent: true, retryAfter: 5 }), never);
  }
  t.diagnostic(`${expected.retry.length} decisions`);
});

test("the vocabulary and the version", () => {
  assert.equal(root.version, expected.version);
  assert.deepEqual(root.categories, expected.vocabulary.categories);
  assert.deepEqual(root.retries, expected.vocabulary.retries);
  assert.deepEqual(root.statuses, expected.vocabulary.statuses);
  assert.deepEqual(root.mappingKinds, expected.vocabulary.mappingKinds);
});
