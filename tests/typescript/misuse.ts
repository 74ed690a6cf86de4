// Code that misuses the package's types: tsc --strict must reject every line
// marked `// error TSxxxx`, with that error, and nothing else
// (tests/typescript.rs compares tsc's report with these marks).
import { retryDecision } from "netcodes";
import { lookup, fromName, NetError, type Value } from "netcodes/chromium";
import * as http from "netcodes/http";

// A name the code does not have.
const wrongName = lookup(-105).name === "ERR_CONNECTION_REFUSED"; // error TS2367
// An unknown number may answer undefined.
const unchecked: string = lookup(12345).description; // error TS2532
// fromName may find nothing.
const unsure: number = fromName("ERR_NAME_NOT_RESOLVED").value; // error TS2532
// A number no Chromium code has is not a Value.
const notAValue: Value = 12345; // error TS2322
// Categories and retry classes are closed sets.
const badCategory = lookup(-105).category === "dns-ish"; // error TS2367
const badRetry = retryDecision("sometimes"); // error TS2345
// Options are typed.
const badOptions = retryDecision(lookup(-105), { idempotent: "yes" }); // error TS2322
// No such code identifier.
const noSuchCode = NetError.ERR_NO_SUCH_THING; // error TS2339
// Code objects are read-only.
lookup(-105).description = "changed"; // error TS2540
// HTTP reason phrases are literal types too (and case matters).
const notFound: "Not found" = http.lookup(404).reason; // error TS2322
// Mappings answer a code object, not a number.
const status: number = http.fromChromium(-105); // error TS2322

console.log(wrongName, unchecked, unsure, notAValue, badCategory, badRetry, badOptions, noSuchCode, notFound, status);
