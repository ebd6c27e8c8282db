// The app's HTTP server (`npm start`, `npm run dev`, the browser journeys): Next's own request handler,
// wrapped so that every request carries the client IP computed from the socket (README, "Why a custom
// server"), and so that run-time settings (HSTS from APP_URL) apply to every response.
import { createServer } from "node:http";
import next from "next";
import { parseProxyHops, trustClientIpHeader } from "../lib/client-ip.mjs";
import { prepareRequest } from "./server-request.mjs";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const option = (...names) => {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname"); // like `next start`: every interface unless told
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${option("-p", "--port") ?? process.env.PORT}": use -p <0-65535> or PORT.`);
  process.exit(1);
}
process.env.NODE_ENV ??= dev ? "development" : "production";

const server = createServer();
const app = next({ dev, dir: process.cwd(), hostname: hostname ?? "localhost", port, httpServer: server });
await app.prepare();

// Read after prepare(): Next has loaded the .env files by then.
let settings;
try {
  settings = { hops: parseProxyHops(process.env.TRUSTED_PROXY_HOPS), appUrl: process.env.APP_URL };
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
trustClientIpHeader();
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  prepareRequest(req, res, settings);
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  const where = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(`> Ready on http://${where}:${port} (${dev ? "development" : "production"}, TRUSTED_PROXY_HOPS=${settings.hops})`);
});

const stop = () => {
  server.close();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
