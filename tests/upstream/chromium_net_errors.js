// Prints what the chromium-net-errors npm package knows, one fact a line,
// tab-separated, for tests/upstream_chromium.rs:
//
//     version  <package version>
//     error    <code> <name as in net_error_list.h, without ERR_>
//
// Usage: node chromium_net_errors.js <path of the installed package>
'use strict';

const path = require('path');
const dir = process.argv[2];
const pkg = require(path.join(dir, 'package.json'));
const errors = require(dir).getErrors();

console.log(`version\t${pkg.version}`);
for (const error of errors) {
  console.log(`error\t${error.code}\t${error.description}`);
}
