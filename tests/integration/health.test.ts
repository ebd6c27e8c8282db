import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { closeDb } from "@/db/client";
import { rowsOf } from "@/db/query";
import { startDraining } from "@/lib/ops/lifecycle.mjs";
import { db } from "../support/factories";

afterEach(() => vi.unstubAllEnvs());
// A server opens and migrates its database at start (instrumentation.ts); here the first test would pay for it.
beforeAll(async () => void (await db()));

async function answer(res: Response) {
  return { status: res.status, cache: res.headers.get("cache-control"), body: (await res.json()) as Record<string, string> };
}

describe("/api/health and /api/ready (issue 22)", () => {
  it("health says the process is up, never cached", async () => {
    expect(await answer(health())).toEqual({ status: 200, cache: "no-store", body: { status: "ok" } });
  });

  it("ready answers 200 once the database holds this build's migrations, never cached", async () => {
    expect(await answer(await ready())).toEqual({ status: 200, cache: "no-store", body: { status: "ready" } });
  });

  it("ready answers 503 while the newest migration is missing, and again 200 once it is applied", async () => {
    const database = await db();
    const [deleted] = rowsOf<{ hash: string; created_at: string }>(
      await database.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning hash, created_at::text`,
      ),
    );
    try {
      expect(await answer(await ready())).toEqual({
        status: 503,
        cache: "no-store",
        body: { status: "unavailable", reason: "migrations pending" },
      });
    } finally {
      if (deleted)
        await database.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${deleted.hash}, ${deleted.created_at})`,
        );
    }
    expect((await ready()).status).toBe(200);
  });

  it("ready answers 503 on a database that was never migrated", async () => {
    const database = await db();
    await database.execute(sql`alter table drizzle.__drizzle_migrations rename to scp_moved_away`);
    try {
      expect((await answer(await ready())).body).toEqual({ status: "unavailable", reason: "migrations pending" });
    } finally {
      await database.execute(sql`alter table drizzle.scp_moved_away rename to __drizzle_migrations`);
    }
  });

  it("ready answers 503 once the server is shutting down", async () => {
    startDraining();
    try {
      expect((await answer(await ready())).body).toEqual({ status: "unavailable", reason: "shutting down" });
    } finally {
      (globalThis as unknown as Record<symbol, { draining: boolean }>)[Symbol.for("scp.lifecycle")].draining = false;
    }
  });

  it("ready answers 503 without any detail when the database cannot be reached", async () => {
    const saved = process.env.DATABASE_URL;
    await closeDb();
    vi.stubEnv("DATABASE_URL", "postgres://scp:secret-password@127.0.0.1:1/nowhere");
    try {
      const res = await answer(await ready());
      expect(res).toEqual({ status: 503, cache: "no-store", body: { status: "unavailable", reason: "database unreachable" } });
      expect(JSON.stringify(res.body)).not.toMatch(/secret-password|127\.0\.0\.1|nowhere/);
    } finally {
      vi.unstubAllEnvs();
      if (saved === undefined) delete process.env.DATABASE_URL;
      await closeDb();
    }
    await db(); // opened again (and, on in-memory PGlite, migrated afresh) as at a start
    expect((await ready()).status).toBe(200);
  });
});
