// Request lines and console output of the custom server (scripts/server.mjs), through the process's one
// structured logger (lib/ops/logger.mjs). Kept apart so tests/unit/server-logging.test.ts runs it on fakes.
import { format } from "node:util";
import { logger, logPath } from "../lib/ops/logger.mjs";

/** Probes come every few seconds from every load balancer: kept out of the info level. */
const PROBES = new Set(["/api/health", "/api/ready"]);

/**
 * Logs one line when the response is done: method, path (no query string, activation tokens replaced),
 * status, duration, request id and client IP. A request the client abandoned says so.
 * @param {{ method?: string, url?: string }} req
 * @param {{ statusCode: number, writableFinished: boolean, once: (event: "close", fn: () => void) => unknown }} res
 * @param {{ requestId: string, ip: string }} info
 */
export function logRequest(req, res, { requestId, ip }) {
  const started = process.hrtime.bigint();
  res.once("close", () => {
    const path = logPath(req.url);
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    const line = { reqId: requestId, method: req.method, path, status: res.statusCode, durationMs, ip };
    const log = logger();
    if (!res.writableFinished) log.warn({ ...line, aborted: true }, "request aborted");
    else if (PROBES.has(path)) log.debug(line, "request");
    else log.info(line, "request");
  });
}

/**
 * In production, Next's own messages (and any stray console call) become JSON lines too, so a log
 * pipeline never meets a line it cannot parse. An Error argument keeps its stack under `err`.
 */
export function routeConsoleToLogger() {
  /** @param {"info" | "warn" | "error"} level */
  const to =
    (level) =>
    (/** @type {unknown[]} */ ...args) => {
      const err = args.find((a) => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const message = rest.length ? format(...rest) : err instanceof Error ? err.message : "";
      logger()[level](err ? { err } : {}, message);
    };
  console.log = to("info");
  console.info = to("info");
  console.warn = to("warn");
  console.error = to("error");
}
