// What a bundler keeps of each package for a program that uses one lookup:
// esbuild --bundle --minify (format esm, platform browser) of a one-line
// program per case, through esbuild's API:
//
//     node tests/bench/js_sizes.mjs /opt/netcodes-typescript/node_modules
//
// (bash tests/typescript/install.sh installs the pinned esbuild and packages
// there.) Prints CSV: `case,package,program,bytes,gzip` (gzip -9 of the bundle).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const modules = resolve(process.argv[2]);
const require = createRequire(join(modules, "noop.js"));
const esbuild = require("esbuild");
const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "../../generated/typescript");
const version = (name) => JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;

const netcodes = `netcodes ${JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version}`;
const cases = [
  ["chromium code -> description", netcodes, `import { lookup } from "${pkg}/chromium.js"; console.log(lookup(-105)?.description);`],
  ["chromium code -> description", `chromium-net-errors ${version("chromium-net-errors")}`, `import { getErrorByCode } from "chromium-net-errors"; console.log(new (getErrorByCode(-105))().message);`],
  ["chromium name -> code", netcodes, `import { fromName } from "${pkg}/chromium.js"; console.log(fromName("net::ERR_NAME_NOT_RESOLVED")?.value);`],
  ["http code -> reason phrase", netcodes, `import { lookup } from "${pkg}/http.js"; console.log(lookup(404)?.reason);`],
  ["http code -> reason phrase", `statuses ${version("statuses")}`, `import statuses from "statuses"; console.log(statuses.message[404]);`],
  ["http code -> reason phrase", `http-status-codes ${version("http-status-codes")}`, `import { getReasonPhrase } from "http-status-codes"; console.log(getReasonPhrase(404));`],
  ["http code -> reason phrase", `http-status ${version("http-status")}`, `import { status } from "http-status"; console.log(status[404]);`],
  ["http reason phrase -> code", netcodes, `import { fromName } from "${pkg}/http.js"; console.log(fromName("Not Found")?.value);`],
  ["http reason phrase -> code", `statuses ${version("statuses")}`, `import statuses from "statuses"; console.log(statuses("Not Found"));`],
  ["http reason phrase -> code", `http-status-codes ${version("http-status-codes")}`, `import { getStatusCode } from "http-status-codes"; console.log(getStatusCode("Not Found"));`],
  ["chromium code -> http status (mapping)", netcodes, `import { fromChromium } from "${pkg}/http.js"; console.log(fromChromium(-105)?.value);`],
  ["qt code -> description", netcodes, `import { lookup } from "${pkg}/qt.js"; console.log(lookup(203)?.description);`],
  ["warning code -> description", netcodes, `import { lookup } from "${pkg}/warning.js"; console.log(lookup(214)?.description);`],
  ["retry decision only", netcodes, `import { retryDecision } from "${pkg}/index.js"; console.log(retryDecision("safe").retry);`],
  [
    "every entry point and all it exports",
    netcodes,
    ["index", "chromium", "http", "qt", "warning"].map((m, i) => `import * as m${i} from "${pkg}/${m}.js"; console.log(m${i});`).join(" "),
  ],
];

console.log("case,package,program,bytes,gzip");
for (const [name, owner, program] of cases) {
  const result = esbuild.buildSync({
    stdin: { contents: program, resolveDir: dirname(modules), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  const bytes = result.outputFiles[0].contents;
  const shown = program.replaceAll(pkg, "netcodes").replace(/\/(chromium|http|qt|warning|index)\.js"/g, '/$1"').replace('netcodes/index"', 'netcodes"');
  console.log(`${name},${owner},"${shown.replaceAll('"', '""')}",${bytes.length},${gzipSync(bytes, { level: 9 }).length}`);
}
