// The app's HTTP server (`npm start`, `npm run dev`, the browser journeys, the container image): Next's own
// request handler, wrapped so that every request carries the client IP computed from the socket and a
// request id (README, "Why a custom server"), run-time settings (HSTS from APP_URL) apply to every
// response, every request is logged as one JSON line, and SIGTERM drains instead of dropping work.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { parseProxyHops, trustClientIpHeader } from "../lib/client-ip.mjs";
import { isDraining, runShutdownHooks, startDraining } from "../lib/ops/lifecycle.mjs";
import { createLogger, logger, requestContext, setLogger } from "../lib/ops/logger.mjs";
import { logRequest, routeConsoleToLogger } from "./server-logging.mjs";
import { prepareRequest } from "./server-request.mjs";
import { shutdownSettings, trackInFlight } from "./server-shutdown.mjs";

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
// Production runs the configuration the build was made with, as Next's standalone server.js does: the
// container image has no next.config.js, and it is the only way to start a standalone build without Next
// warning that `next start` does not support it.
const built = path.join(process.env.NEXT_DIST_DIR || ".next", "required-server-files.json");
if (!dev && existsSync(built))
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(built, "utf8")).config);
if (dev && process.env.SCP_LOG_FORMAT !== "json") {
  // Optional: a development install has pino-pretty; without it the lines stay JSON.
  const pretty = await import("pino-pretty")
    .then((m) => m.default({ colorize: true, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss" }))
    .catch(() => undefined);
  if (pretty) setLogger(createLogger(pretty));
} else if (!dev) {
  routeConsoleToLogger();
}
const log = logger();

const server = createServer();
const app = next({ dev, dir: process.cwd(), hostname: hostname ?? "localhost", port, httpServer: server });
await app.prepare();

// Read after prepare(): Next has loaded the .env files by then.
let settings;
try {
  settings = { hops: parseProxyHops(process.env.TRUSTED_PROXY_HOPS), appUrl: process.env.APP_URL, ...shutdownSettings(process.env) };
} catch (e) {
  log.fatal(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
trustClientIpHeader();
const handle = app.getRequestHandler();
const inFlight = trackInFlight(server);

server.on("request", (req, res) => {
  const { requestId, ip } = prepareRequest(req, res, settings);
  // Past SIGTERM this connection is not reused: the client's next request goes to another instance.
  if (isDraining()) res.setHeader("Connection", "close");
  logRequest(req, res, { requestId, ip });
  requestContext().run({ requestId }, () =>
    handle(req, res).catch((e) => {
      log.error({ err: e }, "request handler failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});
server.listen(port, hostname, () => {
  const where = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  log.info({ port, mode: dev ? "development" : "production", trustedProxyHops: settings.hops }, `Ready on http://${where}:${port}`);
});

let stopping = false;
/**
 * SIGTERM: /api/ready turns 503, and after SCP_SHUTDOWN_DRAIN_MS (time for a load balancer to notice) the
 * listener closes; requests in flight finish (bounded by SCP_SHUTDOWN_TIMEOUT_MS) while the outbox sender
 * stops and releases the rows it claimed; then the database closes, telemetry flushes, and the process exits 0.
 */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  startDraining();
  log.info({ signal, inFlight: inFlight.count() }, "shutting down");
  await new Promise((r) => setTimeout(r, settings.drainMs));
  server.close();
  server.closeIdleConnections();
  const [finished, background] = await Promise.all([
    inFlight.settled(settings.timeoutMs),
    runShutdownHooks(settings.timeoutMs, { to: 20 }),
  ]);
  server.closeAllConnections();
  const rest = await runShutdownHooks(settings.timeoutMs, { from: 20 });
  await Promise.race([app.close(), new Promise((r) => setTimeout(r, 2000))]).catch(() => {});
  const failed = [...background, ...rest];
  log.info({ unfinishedRequests: finished ? 0 : inFlight.count(), failedSteps: failed }, "stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
