import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgliteThread, type PgliteThread } from "./pglite-thread";
import { registerPrepared } from "./prepared";

// The embedded database in its own thread (db/pglite-worker.mjs): what callers notice is only that the same
// calls answer the same way, transactions included, while the main thread stays free.
describe("PGlite in its own thread", () => {
  let thread: PgliteThread;
  beforeAll(async () => {
    thread = await openPgliteThread("memory://");
    await thread.client.query("create table t (id int primary key, note text, at timestamptz, doc jsonb, raw bytea)");
  });
  afterAll(() => thread.close());

  it("answers rows in object and array mode, keeping as text the types drizzle asks to keep", async () => {
    await thread.client.query("insert into t values ($1, $2, $3, $4, $5)", [
      1,
      "one",
      "2026-01-02T03:04:05Z",
      '{"a":[1]}',
      new Uint8Array([7, 8]),
    ]);
    const objects = await thread.client.query<Record<string, unknown>>("select id, note, at, doc, raw from t where id = $1", [1]);
    expect(objects.rows[0]).toMatchObject({ id: 1, note: "one", doc: { a: [1] } });
    expect(objects.rows[0].at).toBeInstanceOf(Date);
    expect([...(objects.rows[0].raw as Uint8Array)]).toEqual([7, 8]);
    expect(objects.fields.map((f) => f.name)).toEqual(["id", "note", "at", "doc", "raw"]);

    const keep = (value: string) => value;
    const arrays = await thread.client.query<unknown[]>("select id, at from t", [], { rowMode: "array", parsers: { 1184: keep } });
    expect(arrays.rows).toEqual([[1, "2026-01-02 03:04:05+00"]]);
  });

  it("refuses a parser it cannot carry across, rather than ignoring it", async () => {
    await expect(thread.client.query("select 1", [], { parsers: { 23: (v: string) => Number(v) * 2 } })).rejects.toThrow(
      /identity parsers/,
    );
  });

  it("reports PostgreSQL's error fields, with the statement, and keeps working", async () => {
    const error = await thread.client.query("insert into t (id) values (1)").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "23505", constraint: "t_pkey", query: "insert into t (id) values (1)" });
    expect(error).toBeInstanceOf(Error);
    expect((await thread.client.query("select count(*)::int as n from t")).rows).toEqual([{ n: 1 }]);
  });

  it("commits a transaction, rolls one back on a throw, and holds other statements until it ends", async () => {
    let outsideSawRow: unknown;
    await thread.client.transaction(async (tx) => {
      await tx.query("insert into t (id, note) values (2, 'two')");
      // A statement outside the transaction waits for it, as with PGlite's own single connection.
      const outside = thread.client.query("select note from t where id = 2").then((r) => (outsideSawRow = r.rows[0]));
      await new Promise((r) => setTimeout(r, 20));
      expect(outsideSawRow).toBeUndefined();
      expect((await tx.query("select note from t where id = 2")).rows).toEqual([{ note: "two" }]);
      void outside;
    });
    await expect.poll(() => outsideSawRow).toEqual({ note: "two" });

    await expect(
      thread.client.transaction(async (tx) => {
        await tx.query("insert into t (id, note) values (3, 'three')");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await thread.client.query("select id from t where id = 3")).rows).toEqual([]);
  });

  it("a transaction's client refuses statements after it ended", async () => {
    let kept: { query: (text: string) => Promise<unknown> } | undefined;
    await thread.client.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.query("select 1")).rejects.toThrow(/already ended/);
  });

  it("runs registered statements as named statements, parsed once", async () => {
    const text = "select note from t where id = $1";
    registerPrepared(text);
    expect((await thread.client.query(text, [1])).rows).toEqual([{ note: "one" }]);
    expect((await thread.client.query(text, [2])).rows).toEqual([{ note: "two" }]);
    const named = await thread.client.query<{ statement: string }>("select statement from pg_prepared_statements");
    expect(named.rows.map((r) => r.statement)).toContain(text);
  });

  it("does not keep a script's process alive once its calls are answered", () => {
    // A script that opens the database, queries and never closes it still exits.
    const dir = mkdtempSync(path.join(tmpdir(), "scp-thread-"));
    const script = path.join(dir, "script.mts");
    writeFileSync(
      script,
      `import { openPgliteThread } from ${JSON.stringify(path.resolve("db/pglite-thread.ts"))};
      const t = await openPgliteThread("memory://");
      console.log(JSON.stringify((await t.client.query("select 41 + 1 as n")).rows));`,
    );
    try {
      const out = execFileSync("npx", ["tsx", script], { encoding: "utf8", timeout: 60_000 });
      expect(out.trim()).toBe('[{"n":42}]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("when the database thread dies", () => {
  it("fails the calls in flight and after with the reason, and tells its owner once", async () => {
    const stops: Error[] = [];
    // A small heap for the worker: a result too large for it stops the thread, not this process.
    const thread = await openPgliteThread("memory://", { onStop: (e) => stops.push(e), resourceLimits: { maxOldGenerationSizeMb: 24 } });
    try {
      expect((await thread.client.query("select 1 as n")).rows).toEqual([{ n: 1 }]);
      const huge = thread.client.query("select repeat(md5(g::text), 20) as s from generate_series(1, 400000) g");
      await expect(huge).rejects.toThrow(/The database thread stopped/);
      await expect(thread.client.query("select 1")).rejects.toThrow(/The database thread stopped/);
      expect(stops).toHaveLength(1);
    } finally {
      await thread.close();
    }
    expect(stops).toHaveLength(1);
  });

  it("does not call a closed thread stopped", async () => {
    const stops: Error[] = [];
    const thread = await openPgliteThread("memory://", { onStop: (e) => stops.push(e) });
    await thread.close();
    await expect(thread.client.query("select 1")).rejects.toThrow(/stopped/);
    expect(stops).toEqual([]);
  });
});
