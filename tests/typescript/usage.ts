// What a TypeScript user writes against the installed package; tsc --strict
// must accept all of it (tests/typescript.rs). Each line also states, through
// its types, what the .d.ts files promise.
import { categories, retryDecision, retries, version, type Category, type Retry, type RetryDecision, type Rule } from "netcodes";
import * as chromium from "netcodes/chromium";
import { lookup, fromName, fromExactName, NetError, type Value } from "netcodes/chromium";
import * as http from "netcodes/http";
import * as qt from "netcodes/qt";

// A number the system has: exactly that code, never undefined.
const notResolved = lookup(-105);
const literalName: "ERR_NAME_NOT_RESOLVED" = notResolved.name;
const literalValue: -105 = notResolved.value;
const description: string = notResolved.description;
const category: Category = notResolved.category;
const retry: Retry = notResolved.retry;
const flag: boolean = notResolved.isCertificateError;
const same: boolean = notResolved === NetError.ERR_NAME_NOT_RESOLVED;

// Any other number: the union of the system's codes, or undefined.
function describe(errorCode: number): string {
  const code: chromium.NetError | undefined = lookup(errorCode);
  if (code === undefined) return `unknown net error ${errorCode}`;
  // Narrowing on the name narrows the value.
  if (code.name === "ERR_ABORTED") {
    const aborted: -3 = code.value;
    return `aborted (${aborted})`;
  }
  return `${code.name}: ${code.description}`;
}

// The literal union of known values.
const known: Value = -105;
const maybe = fromName(" net::err_cert_date_invalid ");
const exact = fromExactName("ERR_CERT_DATE_INVALID");
const group: chromium.Group | undefined = maybe?.group;

// HTTP: a reason phrase, meanings, mappings with rules.
const notFound = http.lookup(404);
const reason: "Not Found" = notFound.reason;
const meanings: readonly http.Meaning[] = http.meanings(499);
const nginx: "nginx" | "esri" = http.meanings(499)[0].source === "nginx" ? "nginx" : "esri";
const rule: Rule<http.Status> | undefined = http.fromChromiumRule(-105);
const gateway: number | undefined = http.fromChromium(-105)?.value;
const kind: "upstream" | "equivalent" | "approximate" | undefined = rule?.kind;
const qtError: qt.NetworkError | undefined = qt.fromHttpStatus(404);
const bodyless: boolean = http.Status.NO_CONTENT.forbidsBody;

// The retry decision takes any system's code, a retry class, or undefined.
const decision: RetryDecision = retryDecision(http.lookup(503), { idempotent: true, retryAfter: 30 });
const fromUnknown: RetryDecision = retryDecision(lookup(-1234));
const fromClass: RetryDecision = retryDecision("safe");
const after: number = decision.after;

console.log(version, categories.length, retries[0].decision, describe(-105), describe(-1234), literalName, literalValue,
  description, category, retry, flag, same, known, maybe?.value, exact?.value, group, reason, meanings.length, nginx,
  gateway, kind, qtError?.name, bodyless, fromUnknown.retry, fromClass.retry, after);
