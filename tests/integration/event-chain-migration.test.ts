import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { verifyAllChains } from "@/lib/audit/event-chain";

// Issue 20: "Existing events are chained by a migration." A database migrated up to the migration before
// the chain, holding events, is migrated to the end: every existing event gets its place, link and hash.

const CHAIN_MIGRATION = "0006_event_chain_certificates";
const folder = mkdtempSync(path.join(tmpdir(), "scp-chain-migration-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function migrationsUpTo(tag: string | null): string {
  const dir = path.join(folder, tag ?? "all");
  cpSync("db/migrations", dir, { recursive: true });
  if (tag) {
    const journalFile = path.join(dir, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    if (!journal.entries.some((e) => e.tag === tag)) throw new Error(`no migration ${tag}: was it renumbered?`);
    journal.entries = journal.entries.slice(
      0,
      journal.entries.findIndex((e) => e.tag === tag),
    );
    writeFileSync(journalFile, JSON.stringify(journal));
  }
  return dir;
}

describe("the event-chain migration", () => {
  it("chains the events that existed before it, per subject in the order they happened; later inserts continue the chains", async () => {
    const client = new PGlite({ extensions: { pg_trgm } });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo(CHAIN_MIGRATION) });
    const a = "00000000-0000-4000-8000-00000000000a";
    const b = "00000000-0000-4000-8000-00000000000b";
    await client.exec(`
      insert into events (type, occurred_at, subject_type, subject_id, subject_public_id, data, ip, user_agent) values
        ('contract.activated', '2026-01-02T10:00:00Z', 'contract', '${a}', 'CRS-1', '{"version": 1, "sha256": "ab"}', '192.0.2.1', 'UA "quoted" ✓'),
        ('contract.created', '2026-01-01T10:00:00Z', 'contract', '${a}', 'CRS-1', '{"kind": "test", "agreement": "AGS-1", "version": 1}', null, null),
        ('contract.created', '2026-01-03T10:00:00Z', 'contract', '${b}', 'CRS-2', '{}', null, null),
        ('contract.terminated', '2026-01-05T10:00:00Z', 'contract', '${a}', 'CRS-1', '{"reason": "line\\nbreak"}', null, null),
        ('user.signed_out_everywhere', '2026-01-04T10:00:00Z', null, null, null, '{}', null, null);
    `);
    await migrate(db, { migrationsFolder: migrationsUpTo(null) });

    const rows = (
      await client.query<{ subject_public_id: string | null; type: string; chain_seq: number; hash: string | null }>(
        "select subject_public_id, type, chain_seq, hash from events order by subject_public_id nulls first, chain_seq",
      )
    ).rows;
    expect(rows.map((r) => [r.subject_public_id, r.type, r.chain_seq])).toEqual([
      [null, "user.signed_out_everywhere", 1],
      ["CRS-1", "contract.created", 1],
      ["CRS-1", "contract.activated", 2],
      ["CRS-1", "contract.terminated", 3],
      ["CRS-2", "contract.created", 1],
    ]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ""))).toBe(true);
    // Checked in JavaScript, from the stored columns, by the same code as npm run verify-history.
    const reports = await verifyAllChains(db as unknown as Db);
    expect(reports.map((r) => [r.subjectPublicId, r.events, r.broken])).toEqual([
      [null, 1, null],
      ["CRS-1", 3, null],
      ["CRS-2", 1, null],
    ]);
    await client.exec(
      `insert into events (type, subject_type, subject_id, subject_public_id) values ('contract.deleted', 'contract', '${b}', 'CRS-2')`,
    );
    const after = await verifyAllChains(db as unknown as Db, "contract");
    expect(after.map((r) => [r.subjectPublicId, r.events, r.broken])).toEqual([
      ["CRS-1", 3, null],
      ["CRS-2", 2, null],
    ]);
    await client.close();
  });
});
