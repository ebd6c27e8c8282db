// Plain JavaScript: the one structured logger of the process, shared by the custom server (scripts/server.mjs,
// request lines) and the app (lib/log.ts: security events, the outbox, errors). One JSON object per line on
// stdout; pretty only when the development server asks for it. The instance and the request context live on
// globalThis because Next loads route code in module graphs of its own within the server's process.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

const KEY = Symbol.for("scp.logger");

/** Field names whose values never reach a log line, wherever a caller puts them (one level deep). */
const SECRET_KEYS = ["password", "newPassword", "passwordHash", "token", "link", "activationLink", "secret", "cookie", "authorization"];
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`]);

/** An activation, staff-invitation (/join) or password-reset link's path segment is a bearer credential (README, "Deploying": what logs hold). */
const ACTIVATION_SEGMENT = /(\/(?:activate|join|reset-password)\/)[^/?#\s"'<>]+/g;

/** A request path fit for a log line: no query string, activation tokens replaced. @param {string | undefined} url */
export function logPath(url) {
  const path = (url ?? "/").split(/[?#]/)[0];
  return path.replace(ACTIVATION_SEGMENT, "$1[token]");
}

/** @param {unknown} value */
const scrub = (value) => (typeof value === "string" ? value.replace(ACTIVATION_SEGMENT, "$1[token]") : value);

/** An error's message and stack are free text too (a failed fetch names its URL). @param {Error} err */
function errSerializer(err) {
  const out = pino.stdSerializers.err(err);
  if (!out || typeof out !== "object") return out;
  return { ...out, message: scrub(out.message), stack: scrub(out.stack) };
}

/**
 * @param {import("pino").DestinationStream | undefined} [destination]
 * @param {{ level?: string }} [opts]
 * @returns {import("pino").Logger}
 */
export function createLogger(destination, opts = {}) {
  const silent = process.env.SCP_SILENT_LOGS === "1";
  const level = opts.level ?? (silent ? "silent" : process.env.LOG_LEVEL || "info");
  if (!(level in pino.levels.values) && level !== "silent") {
    throw new Error(`LOG_LEVEL must be one of ${Object.keys(pino.levels.values).join(", ")} or silent; got "${level}".`);
  }
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: errSerializer },
      // Every line written while a request is handled carries its id, whoever writes it.
      mixin: () => {
        const id = requestContext().getStore()?.requestId;
        return id ? { reqId: id } : {};
      },
      // Messages are free text: an activation link pasted into one is cut down like a request path.
      hooks: {
        logMethod(args, method) {
          method.apply(this, /** @type {Parameters<typeof method>} */ (args.map(scrub)));
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** @returns {{ logger?: import("pino").Logger, context?: AsyncLocalStorage<{ requestId: string }> }} */
function shared() {
  const g = /** @type {Record<symbol, ReturnType<typeof shared> | undefined>} */ (globalThis);
  return (g[KEY] ??= {});
}

/** The process's logger, created on first use with the settings of the environment. */
export function logger() {
  const s = shared();
  return (s.logger ??= createLogger());
}

/** Replaces the process's logger (the development server's pretty output; tests capturing lines). @param {import("pino").Logger | undefined} next */
export function setLogger(next) {
  const s = shared();
  const previous = s.logger;
  s.logger = next;
  return previous;
}

/** @returns {AsyncLocalStorage<{ requestId: string }>} */
export function requestContext() {
  const s = shared();
  return (s.context ??= new AsyncLocalStorage());
}

/** The id of the request being handled, if any. */
export function currentRequestId() {
  return requestContext().getStore()?.requestId;
}
