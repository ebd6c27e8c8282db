import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/query";

export type Hit = { count: number; resetAt: Date; allowed: boolean };

/** Every PURGE_EVERY hits, one process deletes up to PURGE_BATCH rows whose window is over. */
export const PURGE_EVERY = 100;
export const PURGE_BATCH = 1000;
let hitsSincePurge = 0;

/**
 * Counts one attempt under `key` in a fixed window, atomically (one upsert), so the limit holds across
 * every app instance sharing the database. Call it before opening a transaction.
 *
 * Keys come from requests (random activation tokens, typed emails), so rows whose window is over are
 * purged as traffic goes (SECURITY.md 39): a hit adds at most one row and every PURGE_EVERY hits may
 * delete PURGE_BATCH, so the table holds the live windows and little else.
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number): Promise<Hit> {
  if (++hitsSincePurge >= PURGE_EVERY) {
    hitsSincePurge = 0;
    await purgeExpiredRateLimits(db);
  }
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

/**
 * Several counters hit at once, in one upsert (e.g. an activation link's per-token and per-IP limits):
 * the same counting as hitRateLimit, one statement instead of one per key. Keys must differ.
 */
export async function hitRateLimits(db: DbOrTx, hits: { key: string; limit: number; windowSeconds: number }[]): Promise<Hit[]> {
  if (++hitsSincePurge >= PURGE_EVERY) {
    hitsSincePurge = 0;
    await purgeExpiredRateLimits(db);
  }
  const values = sql.join(
    hits.map((h) => sql`(${h.key}, 1, now() + make_interval(secs => ${h.windowSeconds}))`),
    sql`, `,
  );
  const rows = await db.execute(sql`
    insert into rate_limits (key, count, reset_at)
    values ${values}
    on conflict (key) do update set
      count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
      reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
    returning key, count, reset_at`);
  const byKey = new Map(rowsOf<{ key: string; count: number; reset_at: string | Date }>(rows).map((r) => [r.key, r]));
  return hits.map((h) => {
    const row = byKey.get(h.key)!;
    const count = Number(row.count);
    return { count, resetAt: new Date(row.reset_at), allowed: count <= h.limit };
  });
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

/**
 * Deletes at most `batch` rows whose window is over. SKIP LOCKED keeps two instances purging at once from
 * waiting on each other; the outer condition is re-checked on each row, so a window an upsert has just
 * renewed is left alone. Returns how many rows went.
 */
export async function purgeExpiredRateLimits(db: DbOrTx, batch = PURGE_BATCH): Promise<number> {
  const rows = await db.execute(sql`
    delete from rate_limits where reset_at <= now() and key in (
      select key from rate_limits where reset_at <= now() limit ${batch} for update skip locked)
    returning key`);
  return rowsOf(rows).length;
}
