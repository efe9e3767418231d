// The web server: Next.js behind a plain Node HTTP server that stamps each request with the address of
// the socket it came from (lib/http/client-address.ts), overwriting any header of that name a client sent.
// Next.js alone keeps a client's X-Forwarded-For and hides the socket, so rate limits could be dodged.
// It also gives each request its id (X-Request-Id), logs it and times it (lib/observability/http-request.ts).
//   tsx scripts/serve.ts --port 3000 [--dev]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { PEER_ADDRESS_HEADER } from "../lib/http/client-address";
import { observeRequest } from "../lib/observability/http-request";
import { log } from "../lib/observability/log";

const { values } = parseArgs({
  options: { port: { type: "string", default: process.env.PORT ?? "3000" }, dev: { type: "boolean", default: false } },
});
const port = Number(values.port);

const app = next({ dev: values.dev, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  observeRequest(request, response);
  void handle(request, response);
});
if (values.dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () =>
  log.info({ event: "server.listening", port, mode: values.dev ? "dev" : "production" }, "web server listening"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
