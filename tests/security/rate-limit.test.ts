import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { authenticate, SIGNIN_FAILURES_BEFORE_LOCK } from "@/lib/accounts/authenticate";
import { rowsOf } from "@/db/query";
import { hitRateLimit, PURGE_EVERY, purgeExpiredRateLimits } from "@/lib/security/rate-limit";
import { db, makeAccount, TEST_PASSWORD } from "../support/factories";
import { onPostgres } from "../support/setup-db";

// SECURITY.md 8 and 12: counters live in the database and are updated atomically, so the limit holds
// across requests in flight at once and across app instances sharing one PostgreSQL.
let second: { db: Db; end: () => Promise<void> } | undefined;

/** A second "app instance": its own connection pool to the same database (PostgreSQL only). */
async function secondInstance(): Promise<Db> {
  if (!onPostgres) return db();
  if (!second) {
    const sql = postgres(process.env.DATABASE_URL!, { max: 5, onnotice: () => {} });
    second = { db: drizzle(sql, { schema }) as unknown as Db, end: () => sql.end() };
  }
  return second.db;
}

afterAll(async () => {
  await second?.end();
});

describe("database rate limits", () => {
  it("allows exactly the limit when 200 attempts arrive at once", async () => {
    const database = await db();
    const hits = await Promise.all(Array.from({ length: 200 }, () => hitRateLimit(database, "test:burst", 50, 60)));
    expect(hits.filter((h) => h.allowed)).toHaveLength(50);
    expect(Math.max(...hits.map((h) => h.count))).toBe(200);
  });

  it("shares one sign-in lockout between two app instances", async () => {
    const { user } = await makeAccount();
    const [a, b] = [await db(), await secondInstance()];
    const attempt = (d: Db, password: string) => authenticate(d, { email: user.email, password, ip: "192.0.2.50", userAgent: "t" });
    for (let i = 0; i < SIGNIN_FAILURES_BEFORE_LOCK; i++) {
      expect((await attempt(i % 2 ? a : b, "definitely the wrong password")).status).toBe("invalid");
    }
    // Both instances now refuse, even the right password, before any hashing.
    expect((await attempt(a, TEST_PASSWORD)).status).toBe("rate_limited");
    expect((await attempt(b, TEST_PASSWORD)).status).toBe("rate_limited");
  });

  it("caps the sign-in attempts of one IP per day across instances", async () => {
    const [a, b] = [await db(), await secondInstance()];
    const key = "signin:ip:192.0.2.99";
    await Promise.all(Array.from({ length: 40 }, (_, i) => hitRateLimit(i % 2 ? a : b, key, 1_000_000, 86_400)));
    const { count } = await hitRateLimit(a, key, 1_000_000, 86_400);
    expect(count).toBe(41);
  });
});

// Issue 14 item 10, SECURITY.md 39: keys come from requests (random activation tokens, typed emails).
describe("rate-limit rows expire and are purged", () => {
  const rowCount = async (prefix: string) =>
    Number(
      rowsOf<{ n: number }>(await (await db()).execute(sql`select count(*)::int as n from rate_limits where key like ${`${prefix}%`}`))[0]
        .n,
    );

  it("deletes only rows whose window is over, a bounded batch at a time", async () => {
    const database = await db();
    await database.execute(sql`insert into rate_limits (key, count, reset_at)
      select 'purge:old:' || g, 1, now() - interval '1 minute' from generate_series(1, 2500) g`);
    await database.execute(sql`insert into rate_limits (key, count, reset_at)
      select 'purge:live:' || g, 1, now() + interval '1 hour' from generate_series(1, 10) g`);
    const batches = [];
    for (let i = 0; i < 4; i++) batches.push(await purgeExpiredRateLimits(database, 1000));
    expect(batches).toEqual([1000, 1000, 500, 0]);
    expect(await rowCount("purge:old:")).toBe(0);
    expect(await rowCount("purge:live:")).toBe(10);
  });

  it("keeps the table bounded under a stream of anonymous attempts with random tokens", async () => {
    const database = await db();
    const rounds = 5;
    const perRound = 2 * PURGE_EVERY;
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < perRound; i++) {
        await hitRateLimit(database, `flood:token:${randomBytes(16).toString("base64url")}`, 20, 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 1100)); // this round's one-second windows end
    }
    // Without purging every row would stay (rounds × perRound); with it, at most the last round's.
    expect(await rowCount("flood:token:")).toBeLessThanOrEqual(perRound);
  });

  it("never deletes a window that an attempt has just renewed", async () => {
    const database = await db();
    await database.execute(sql`insert into rate_limits (key, count, reset_at) values ('renewed:key', 7, now() - interval '1 second')`);
    const hit = await hitRateLimit(database, "renewed:key", 5, 3600);
    expect(hit).toMatchObject({ count: 1, allowed: true });
    await purgeExpiredRateLimits(database);
    expect(await rowCount("renewed:key")).toBe(1);
  });
});
