import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATION_LOCK } from "@/db/migrate.mjs";
import { freshDatabase } from "./support";

const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
const databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
afterAll(async () => Promise.all(databases.map((d) => d.drop())));

/** `npm run db:migrate` as a deploy runs it: a process of its own. */
function migrate(url: string) {
  const child = spawn(process.execPath, ["scripts/migrate.mjs"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

describe("migrations at scale (issue 22)", () => {
  it("two processes migrating a fresh PostgreSQL database at once both succeed, and each migration is applied once", async () => {
    const db = await freshDatabase();
    databases.push(db);
    const sql = db.sql();
    // Hold the lock first so both migrators are certainly waiting at the same moment, then let them race.
    const holder = await sql.reserve();
    await holder`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const runs = [migrate(db.url), migrate(db.url)];
    await expect
      .poll(
        async () =>
          (await sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${MIGRATION_LOCK} and not granted`)[0]
            .n,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(2);
    const [{ n: tablesWhileLocked }] = await sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    expect(tablesWhileLocked).toBe(0);
    await holder`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    holder.release();

    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.out).toMatchObject({ code: 0 });
    const applied = await sql`select hash, created_at from drizzle.__drizzle_migrations`;
    expect(applied).toHaveLength(journal.entries.length);
    expect(new Set(applied.map((r) => r.hash)).size).toBe(journal.entries.length);
    const [{ n: contracts }] = await sql`select count(*)::int as n from information_schema.tables where table_name = 'contracts'`;
    expect(contracts).toBe(1);
    await sql.end();
  });

  it("a second run with nothing pending changes nothing", async () => {
    const db = await freshDatabase();
    databases.push(db);
    expect((await migrate(db.url)).code).toBe(0);
    const again = await migrate(db.url);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Migrations applied up to \d{4}_/);
    const sql = db.sql();
    expect(await sql`select 1 from drizzle.__drizzle_migrations`).toHaveLength(journal.entries.length);
    await sql.end();
  });
});
