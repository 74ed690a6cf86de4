// Prints the `status` enum of the @grpc/grpc-js npm package, one fact a line,
// tab-separated, for tests/upstream_protocols.rs:
//
//     version  <package version>
//     grpc     <value> <name>
//
// Usage: node grpc_js_status.js <path of the installed package>
'use strict';

const path = require('path');
const dir = process.argv[2];
const pkg = require(path.join(dir, 'package.json'));
const { status } = require(dir);

console.log(`version\t${pkg.version}`);
// A TypeScript numeric enum maps names to numbers and numbers back to names.
for (const [name, value] of Object.entries(status)) {
  if (typeof value === 'number') {
    console.log(`grpc\t${value}\t${name}`);
  }
}
