import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/query";

export type Hit = { count: number; resetAt: Date; allowed: boolean };

/**
 * Counts one attempt under `key` in a fixed window, atomically (one upsert), so the limit holds across
 * every app instance sharing the database. Call it before opening a transaction.
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number): Promise<Hit> {
  const rows = await db.execute(sql`
    insert into rate_limits (key, count, reset_at)
    values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    on conflict (key) do update set
      count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
      reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
    returning count, reset_at`);
  const row = rowsOf<{ count: number; reset_at: string | Date }>(rows)[0];
  const count = Number(row.count);
  return { count, resetAt: new Date(row.reset_at), allowed: count <= limit };
}

/** Reads a counter without counting (used to refuse before any work is done). */
export async function peekRateLimit(db: DbOrTx, key: string): Promise<number> {
  const rows = await db.execute(sql`select count from rate_limits where key = ${key} and reset_at > now()`);
  const row = rowsOf<{ count: number }>(rows)[0];
  return row ? Number(row.count) : 0;
}

export async function clearRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
