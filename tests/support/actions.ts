import { sql } from "drizzle-orm";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { rowsOf } from "@/db/query";
import { db } from "./factories";

export type Fn = (...args: never[]) => Promise<unknown>;

/** Every exported function of every "use server" module under app/ (a new action is found by itself). */
export async function discoverActions(): Promise<Map<string, Fn>> {
  const found = new Map<string, Fn>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
    });
  for (const file of walk("app")) {
    if (!/^\s*["']use server["']/.test(readFileSync(file, "utf8"))) continue;
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.set(name, value as Fn);
  }
  return found;
}

/** The business tables: a refusal must leave every one of them byte for byte as it was. */
export const BUSINESS_TABLES = [
  "accounts",
  "users",
  "memberships",
  "agreements",
  "agreement_versions",
  "contracts",
  "contract_versions",
  "contract_proposals",
  "contract_end_notices",
  "events",
  "outbox",
  "staff_invitations",
  "security_events",
  "api_keys",
  "webhook_endpoints",
  "webhook_deliveries",
  // Issue 18: invitation follow-ups.
  "reminder_policies",
  "contract_follow_ups",
  "follow_up_sends",
  "password_resets",
  "user_two_factor",
  "recovery_codes",
  "account_security",
  "account_branding",
];

/** Tables fingerprinted on some columns only: a refused API request still notes when its key was last used. */
const FINGERPRINT_COLUMNS: Record<string, string> = { api_keys: "id, account_id, name, scope, key_hash, created_by_user_id, revoked_at" };

/** One md5 per business table over all its rows, joined: equal fingerprints mean nothing was written. */
export async function fingerprint(): Promise<string> {
  const database = await db();
  const parts = await Promise.all(
    BUSINESS_TABLES.map(
      async (t) =>
        rowsOf<{ h: string }>(
          await database.execute(
            sql.raw(
              `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from (select ${FINGERPRINT_COLUMNS[t] ?? "*"} from ${t}) x`,
            ),
          ),
        )[0].h,
    ),
  );
  return parts.join(",");
}
