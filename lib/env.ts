import { z } from "zod";
import { databaseSettingsSchema } from "@/db/settings";
import { parseProxyHops } from "@/lib/client-ip.mjs";

const flag = z
  .enum(["0", "1"])
  .optional()
  .transform((v) => v === "1");

const schema = databaseSettingsSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** A separate secret for activation-link encryption; derived from AUTH_SECRET when unset. */
  LINK_ENCRYPTION_KEY: z.string().min(32, "LINK_ENCRYPTION_KEY must be at least 32 characters").optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  /**
   * The deployment's Ed25519 key that signs certificates of acceptance: a PKCS#8 PEM, or the 32-byte seed in
   * base64. Unset: derived from AUTH_SECRET (HKDF), with a warning in production (lib/evidence/keys.ts).
   */
  SCP_EVIDENCE_SIGNING_KEY: z.string().optional(),
  /** Public keys (base64 of the 32 raw bytes, comma-separated) of earlier signing keys the Verify page still trusts. */
  SCP_EVIDENCE_PREVIOUS_KEYS: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Service Contracts <no-reply@localhost>"),
  /** "force" creates the demo data even in production (e2e runs, demos). */
  SEED_DEMO: z.string().optional(),
  /** Reverse proxies in front of the app; scripts/server.mjs reads the client IP through this many. */
  TRUSTED_PROXY_HOPS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseProxyHops(raw);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }),
  /** Invitations (new links and "Email link") one account may send per day. */
  SCP_INVITES_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(200), // DEFAULT_INVITES_PER_DAY
  /** Requests one API key may make per minute (/api/v1); past it, 429 with Retry-After. */
  SCP_API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** "1" lets webhooks call loopback addresses over http (tests only; refused in production). */
  SCP_WEBHOOKS_ALLOW_LOOPBACK: flag,
  SCP_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(2000),
  /** How often each instance runs the scheduled jobs (reminders, expiry notices, end dates): lib/scheduler. */
  SCP_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  /** "1" opens /dev/mailbox in a production build (browser journeys only). */
  SCP_DEV_MAILBOX: flag,
  /** "1" opens POST /dev/clock, which moves this process's clock for scheduled work (browser journeys only). */
  SCP_DEV_CLOCK: flag,
  /** "1" turns on the benchmark's baseline pages and statement counter. */
  SCP_BENCH: flag,
  /** "1" silences the app's own log lines (tests). */
  SCP_SILENT_LOGS: flag,
  // Read by the custom server and lib/ops/logger.mjs (plain JavaScript) too; validated here as well so a
  // typo stops the start with the same clear message as every other setting.
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SCP_LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  SCP_SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(9_999_999).default(0),
  SCP_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(9_999_999).default(10_000),
  /** OTLP/HTTP traces go to <endpoint>/v1/traces; unset, OpenTelemetry is not loaded (instrumentation.ts). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().default("service-contracts"),
});

export type Env = z.infer<typeof schema>;

const KEYS = Object.keys(schema.shape);
let last: { key: string; value: Env } | undefined;

/**
 * Every setting, validated. Read on each call so tests can change process.env between files; the parse is
 * skipped while the variables are unchanged, since pages ask on every request.
 */
export function env(): Env {
  // An empty variable (`DATABASE_URL=`) means "not set", as users expect.
  const values: Record<string, string> = {};
  for (const k of KEYS) {
    const v = process.env[k];
    if (v !== undefined && v !== "") values[k] = v;
  }
  const key = JSON.stringify(values);
  if (last?.key === key) return last.value;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${issues}`);
  }
  if (parsed.data.SCP_WEBHOOKS_ALLOW_LOOPBACK && parsed.data.NODE_ENV === "production") {
    throw new Error("Invalid configuration: SCP_WEBHOOKS_ALLOW_LOOPBACK: only for tests; it is refused in production.");
  }
  last = { key, value: parsed.data };
  return parsed.data;
}

export const isProduction = (): boolean => env().NODE_ENV === "production";

export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    throw new Error("AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it in the environment.");
  }
  return secret;
}

export function appUrl(): string {
  return env().APP_URL.replace(/\/+$/, "");
}
