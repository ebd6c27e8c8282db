import { z } from "zod";
import { parseProxyHops } from "@/lib/client-ip.mjs";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
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
});

export type Env = z.infer<typeof schema>;

/** Read on each call, so tests can change process.env between files. */
export function env(): Env {
  // An empty variable (`DATABASE_URL=`) means "not set", as users expect.
  const values = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${issues}`);
  }
  return parsed.data;
}

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
