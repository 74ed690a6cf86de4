// Runs the README's Express example (express-server.mjs, next to this file)
// for tests/typescript.rs: a local upstream answers /items/<status> with that
// status (503 with Retry-After: 7), and for each status this prints what the
// example answered its own client: `<status>\t<JSON body>`.
import { createServer } from "node:http";

const listening = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));

const upstream = createServer((req, res) => {
  const status = Number(req.url.split("/").pop());
  res.writeHead(status, status === 503 ? { "Retry-After": "7" } : {});
  res.end(status < 300 ? '{"ok": true}' : "the upstream refused");
});
const upstreamPort = await listening(upstream);

// A free port for the example's app.listen().
const probe = createServer();
const port = await listening(probe);
await new Promise((resolve) => probe.close(resolve));

process.env.UPSTREAM = `http://127.0.0.1:${upstreamPort}`;
process.env.PORT = String(port);
await import("./express-server.mjs");

for (const status of [404, 429, 451, 499, 502, 503]) {
  let answer;
  for (let attempt = 0; answer === undefined; attempt++) {
    try {
      answer = await fetch(`http://127.0.0.1:${port}/items/${status}`);
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  console.log(`${answer.status}\t${await answer.text()}`);
}
process.exit(0);
