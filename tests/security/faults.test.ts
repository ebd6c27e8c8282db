import { PGlite } from "@electric-sql/pglite";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { onPostgres } from "../support/setup-db";

// SECURITY.md 26: a process killed in the middle of a request leaves no half-made rows, and the
// database serves the next request normally.
type Counts = { contracts: number; events: number; outbox: number };

async function runChildUntilInTransaction(
  scenario: string,
  env: Record<string, string>,
): Promise<{ contractId: string; issuerAccountId: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/fault-child.ts", scenario], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const facts: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      for (const line of out.split("\n").filter(Boolean)) Object.assign(facts, JSON.parse(line));
      if (facts.inTransaction) {
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.on("exit", () => (facts.inTransaction ? resolve() : reject(new Error(`child exited early:\n${out}\n${err}`))));
  });
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on("exit", r));
  return { contractId: facts.contractId, issuerAccountId: facts.issuerAccountId };
}

async function countFor(
  query: (q: string, params: unknown[]) => Promise<{ n: number }[]>,
  issuerAccountId: string,
  contractId: string,
): Promise<Counts> {
  const [c] = await query("select count(*)::int as n from contracts where issuer_account_id = $1", [issuerAccountId]);
  const [e] = await query("select count(*)::int as n from events where subject_id = $1", [contractId]);
  const [o] = await query("select count(*)::int as n from outbox where contract_id = $1", [contractId]);
  return { contracts: c.n, events: e.n, outbox: o.n };
}

describe("a process killed mid-transaction", () => {
  it("leaves no half-made contract, event or mail, and the database keeps working", async () => {
    if (onPostgres) {
      const { contractId, issuerAccountId } = await runChildUntilInTransaction("create-contract", {});
      const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      // The server notices the dead client and rolls its transaction back.
      await expect
        .poll(
          async () =>
            (
              await sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`
            )[0].n,
          { timeout: 15_000 },
        )
        .toBe(0);
      const counts = await countFor(
        (q, p) => sql.unsafe(q, p as never[]) as unknown as Promise<{ n: number }[]>,
        issuerAccountId,
        contractId,
      );
      expect(counts).toEqual({ contracts: 0, events: 0, outbox: 0 });
      const [{ n }] = await sql`select count(*)::int as n from accounts where id = ${issuerAccountId}`;
      expect(n).toBe(1); // what was committed before the request survives
      await sql.end();
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), "scp-fault-"));
      try {
        const { contractId, issuerAccountId } = await runChildUntilInTransaction("create-contract", {
          PGLITE_DATA_DIR: dir,
          DATABASE_URL: "",
        });
        const pg = await PGlite.create(dir); // recovers from the crash
        const counts = await countFor(async (q, p) => (await pg.query<{ n: number }>(q, p)).rows, issuerAccountId, contractId);
        expect(counts).toEqual({ contracts: 0, events: 0, outbox: 0 });
        const { rows } = await pg.query<{ n: number }>("select count(*)::int as n from accounts where id = $1", [issuerAccountId]);
        expect(rows[0].n).toBe(1);
        await pg.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});

describe("a database connection dropped mid-transaction", () => {
  it("rolls back Create Contract entirely, and the next request works", async () => {
    const { sql } = await import("drizzle-orm");
    const { getDb } = await import("@/db/client");
    const { createContract } = await import("@/lib/contracts/create-contract");
    const { defaultExpiryDate } = await import("@/lib/contracts/schemas");
    const { makeAccount, makeAgreement, makeContract } = await import("../support/factories");
    const { rowsOf } = await import("@/db/query");
    const issuer = await makeAccount();
    const { agreement } = await makeAgreement(issuer);
    const db = await getDb();
    const input = {
      agreementId: agreement.publicId,
      kind: "production" as const,
      noteToSignee: "Hi",
      linkExpiresOn: defaultExpiryDate(),
      signeeEmail: "drop@example.test",
    };
    let contractId = "";
    await expect(
      db.transaction(async (tx) => {
        contractId = (await createContract(db, issuer.viewer, input, tx)).id;
        if (onPostgres) {
          const [{ pid }] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
          const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
          await admin`select pg_terminate_backend(${pid})`;
          await admin.end();
          await tx.execute(sql`select 1`); // the connection is gone: this throws
        } else {
          throw new Error("connection lost"); // PGlite has no backend to kill: the nearest fault
        }
      }),
    ).rejects.toThrow();
    const counts = await countFor(
      async (q, p) => rowsOf<{ n: number }>(await db.execute(sql.raw(q.replace("$1", `'${p[0]}'`)))),
      issuer.account.id,
      contractId,
    );
    expect(counts).toEqual({ contracts: 0, events: 0, outbox: 0 });
    // The pool replaces the dead connection: the next request succeeds.
    expect((await makeContract(issuer, agreement.publicId)).publicId).toMatch(/^CRS-/);
  });
});
