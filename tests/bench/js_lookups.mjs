// JavaScript lookups of the generated npm package against the npm packages
// people use today, in Node:
//
//     node tests/bench/js_lookups.mjs /opt/netcodes-typescript/node_modules [rounds]
//
// (bash tests/typescript/install.sh installs the pinned packages there.)
// Each operation runs over the same inputs for every package: the HTTP codes
// all four know, the phrases and constant names all of them spell the same
// way, the Chromium codes both Chromium packages know, and codes none has.
// A call goes through the same arrow function for every package. The
// packages of one operation take turns for `rounds` rounds (each run at least
// 50 ms of the process's CPU time, which is what is measured), and each
// package's best run counts. Prints CSV:
//
//     operation,inputs,calls,package,ns
//
// `-` in ns: the package has no such lookup. Where a package throws for an
// unknown input, the call catches it, as a program must.
import { createRequire } from "node:module";
import { join } from "node:path";

// Bound names, as a program imports them (a namespace object costs a property load per call).
import {
  fromExactName as chromiumFromExactName,
  fromName as chromiumFromName,
  lookup as chromiumLookup,
} from "../../generated/typescript/chromium.js";
import {
  codes as httpCodes,
  fromExactName as httpFromExactName,
  fromName as httpFromName,
  lookup as httpLookup,
} from "../../generated/typescript/http.js";

const modules = process.argv[2];
const ROUNDS = Number(process.argv[3] ?? 7);
const require = createRequire(join(modules, "noop.js"));
const statuses = require("statuses");
const { getReasonPhrase, getStatusCode, StatusCodes } = require("http-status-codes");
const status = require("http-status").status;
const netErrors = require("chromium-net-errors");

let sink = 0;
function consume(value) {
  if (value === sink) sink++;
}

/**
 * CPU time this process has used, in ns (microsecond resolution): on a
 * machine that other work keeps busy, wall time would count their time too.
 */
function cpuNanoseconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * A timing loop of its own for `fn`: ns per call of one run of `reps`
 * repetitions of the inputs. Compiled apart for each candidate, so that no
 * candidate's calls go through a call site the others have made megamorphic.
 */
function timer(fn) {
  // eslint-disable-next-line no-new-func
  const loop = new Function(
    "fn", "inputs", "reps", "consume", "now",
    "const start = now(); for (let r = 0; r < reps; r++) for (const input of inputs) consume(fn(input)); return (now() - start) / (reps * inputs.length);",
  );
  return (inputs, reps) => loop(fn, inputs, reps, consume, cpuNanoseconds);
}

/** Repetitions of the inputs that take at least 50 ms, after a warm-up. */
function calibrate(run, inputs) {
  run(inputs, 200);
  let reps = 1;
  while (run(inputs, reps) * reps * inputs.length < 50e6) reps *= 2;
  return reps;
}

function caught(fn) {
  return (input) => {
    try {
      return fn(input);
    } catch {
      return undefined;
    }
  };
}

console.log("operation,inputs,calls,package,ns");
// The candidates of one operation take turns, round after round, so that a
// busy moment of the machine hits them alike; each keeps its best round.
function row(operation, kind, inputs, candidates) {
  const timed = candidates.filter(([, fn]) => fn !== null).map(([name, fn]) => {
    const run = timer(fn);
    return { name, run, reps: calibrate(run, inputs), best: Infinity };
  });
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of timed) c.best = Math.min(c.best, c.run(inputs, c.reps));
  }
  for (const [name] of candidates) {
    const c = timed.find((t) => t.name === name);
    console.log(`${operation},${kind},${inputs.length},${name},${c === undefined ? "-" : c.best.toFixed(1)}`);
  }
}

// HTTP: the codes every package knows, with the phrase and name all agree on.
const codes = httpCodes
  .map((code) => code.value)
  .filter((c) => statuses.message[c] !== undefined && caught(getReasonPhrase)(c) !== undefined && status[c] !== undefined);
const sameName = Object.entries(StatusCodes).filter(
  ([name, c]) => typeof c === "number" && codes.includes(c) && status[name] === c && httpFromExactName(name)?.value === c,
);
const names = sameName.map(([name]) => name);
const phrases = codes
  .map((c) => httpLookup(c).reason)
  .filter((p) => caught(statuses)(p) === httpFromName(p).value && caught(getStatusCode)(p) === httpFromName(p).value);
const unknownCodes = [];
for (let c = 100; c < 1000 && unknownCodes.length < codes.length; c++) {
  if (httpLookup(c) === undefined && statuses.message[c] === undefined && status[c] === undefined) unknownCodes.push(c);
}
const unknownPhrases = phrases.map((p) => `${p} Elsewhere`);

row("code -> reason phrase", "known", codes, [
  ["netcodes", (c) => httpLookup(c)?.reason],
  ["statuses", (c) => statuses.message[c]],
  ["http-status-codes", (c) => getReasonPhrase(c)],
  ["http-status", (c) => status[c]],
]);
row("code -> reason phrase", "unknown", unknownCodes, [
  ["netcodes", (c) => httpLookup(c)?.reason],
  ["statuses", (c) => statuses.message[c]],
  ["http-status-codes", caught(getReasonPhrase)],
  ["http-status", (c) => status[c]],
]);
row("reason phrase -> code", "known", phrases, [
  ["netcodes", (p) => httpFromName(p)?.value],
  ["netcodes (exact)", (p) => httpFromExactName(p)?.value],
  ["statuses", (p) => statuses(p)],
  ["http-status-codes", (p) => getStatusCode(p)],
  ["http-status", null],
]);
row("reason phrase -> code", "unknown", unknownPhrases, [
  ["netcodes", (p) => httpFromName(p)?.value],
  ["netcodes (exact)", (p) => httpFromExactName(p)?.value],
  ["statuses", caught(statuses)],
  ["http-status-codes", caught(getStatusCode)],
  ["http-status", null],
]);
row("constant name -> code", "known", names, [
  ["netcodes", (n) => httpFromName(n)?.value],
  ["netcodes (exact)", (n) => httpFromExactName(n)?.value],
  ["statuses", null],
  ["http-status-codes", (n) => StatusCodes[n]],
  ["http-status", (n) => status[n]],
]);

// Chromium: the codes both packages name alike.
const errors = netErrors.getErrors().filter((e) => chromiumLookup(e.code)?.name === `ERR_${e.description}`);
const netCodes = errors.map((e) => e.code);
const netNames = errors.map((e) => `ERR_${e.description}`);
const bareNames = errors.map((e) => e.description);
const unknownNet = [];
for (let c = -1; c > -1000 && unknownNet.length < netCodes.length; c--) {
  if (chromiumLookup(c) === undefined && netErrors.getErrorByCode(c) === netErrors.UnknownError) unknownNet.push(c);
}
row("chromium code -> error", "known", netCodes, [
  ["netcodes", (c) => chromiumLookup(c)],
  ["chromium-net-errors", (c) => netErrors.getErrorByCode(c)],
]);
row("chromium code -> error", "unknown", unknownNet, [
  ["netcodes", (c) => chromiumLookup(c)],
  ["chromium-net-errors", (c) => netErrors.getErrorByCode(c)],
]);
row("chromium name -> error", "known", netNames, [
  ["netcodes", (n) => chromiumFromName(n)],
  ["netcodes (exact)", (n) => chromiumFromExactName(n)],
  ["chromium-net-errors", null],
]);
row("chromium name without ERR_ -> error", "known", bareNames, [
  ["netcodes", (n) => chromiumFromName(n)],
  ["netcodes (exact)", (n) => chromiumFromExactName(n)],
  ["chromium-net-errors", (n) => netErrors.getErrorByDescription(n)],
]);
if (sink === 42.5) console.log("#", sink);
