import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { authenticate, SIGNIN_FAILURES_BEFORE_LOCK } from "@/lib/accounts/authenticate";
import { hitRateLimit } from "@/lib/security/rate-limit";
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
