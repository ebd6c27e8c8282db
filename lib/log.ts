import "server-only";
import { logger } from "@/lib/ops/logger.mjs";

type Fields = Record<string, unknown>;

/**
 * The app's log calls, all through the process's one structured logger (lib/ops/logger.mjs): JSON lines
 * with the request id of the request being handled. Never pass passwords, tokens or activation links; the
 * logger also redacts the usual field names and activation paths in case one slips through.
 * A plain object, so tests can spy on a method.
 */
export const log = {
  /** Security events (SECURITY.md 31): who, from where, what; `kind: "security"` makes them easy to route. */
  security(event: string, fields: Fields): void {
    logger().info({ kind: "security", event, ...fields }, event);
  },
  /** Something failed that a person should look at; `err` keeps the message and stack, not the arguments. */
  error(message: string, err?: unknown, fields: Fields = {}): void {
    logger().error({ ...fields, err }, message);
  },
  warn(message: string, fields: Fields = {}): void {
    logger().warn(fields, message);
  },
  info(message: string, fields: Fields = {}): void {
    logger().info(fields, message);
  },
};

/** Structured security log lines. Never pass passwords or tokens here. */
export function logSecurity(event: string, fields: Fields): void {
  log.security(event, fields);
}
