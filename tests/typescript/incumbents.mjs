// Prints what the npm packages netcodes is compared with say about each code,
// one fact a line, tab-separated, for tests/typescript.rs:
//
//     version  <package>  <version>
//     phrase   <source>   <code>  <reason phrase, hex of its UTF-8>
//     name     <source>   <code>  <constant name>
//
// <source> is the package, or for http-status's vendor tables
// `http-status extra.<vendor>`. chromium-net-errors names a code as
// net_error_list.h does (NAME_NOT_RESOLVED); it is printed with Chromium's
// ERR_ prefix, as netcodes names codes.
//
// Usage: node incumbents.mjs <node_modules directory>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const modules = process.argv[2];
const require = createRequire(join(modules, "noop.js"));
const hex = (text) => Buffer.from(text, "utf8").toString("hex");
const say = (...fields) => console.log(fields.join("\t"));

for (const name of ["statuses", "http-status-codes", "http-status", "chromium-net-errors"]) {
  const { version } = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  say("version", name, version);
}

// statuses: the message table of `statuses` (Node's and IANA's phrases).
const statuses = require("statuses");
for (const code of statuses.codes) say("phrase", "statuses", code, hex(statuses.message[code]));

// http-status-codes: the StatusCodes enum, and the phrase of each code.
const { StatusCodes, getReasonPhrase } = require("http-status-codes");
const seen = new Set();
for (const [constant, code] of Object.entries(StatusCodes)) {
  if (typeof code !== "number") continue; // the enum's reverse entries
  say("name", "http-status-codes", code, constant);
  if (!seen.has(code)) say("phrase", "http-status-codes", code, hex(getReasonPhrase(code)));
  seen.add(code);
}

// http-status: its main table and its vendor tables (`status`, as its CommonJS build exports it).
const httpStatus = require("http-status").status;
const tables = [["http-status", httpStatus], ...Object.entries(httpStatus.extra).map(([vendor, t]) => [`http-status extra.${vendor}`, t])];
for (const [source, table] of tables) {
  for (const key of Object.keys(table).filter((k) => /^\d+$/.test(k))) {
    say("phrase", source, key, hex(table[key]));
    say("name", source, key, table[`${key}_NAME`]);
  }
}

// chromium-net-errors: every error class it defines.
for (const error of require("chromium-net-errors").getErrors()) {
  say("name", "chromium-net-errors", error.code, error.code === 0 ? error.description : `ERR_${error.description}`);
}
