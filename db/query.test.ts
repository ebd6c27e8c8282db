import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { col, queryRow, queryRows, rowsOf } from "./query";

// Runs on PGlite and, in CI, on PostgreSQL: the two drivers hand back different JS types for the same
// columns, and the caller must not see which one ran.
describe("typed raw queries", () => {
  it("reads counts, timestamps, json, booleans and nulls the same on either driver", async () => {
    const row = await queryRow(
      await getDb(),
      sql`select count(*) as row_count, timestamptz '2026-01-02 03:04:05.678+00' as happened_at, '{"a":[1]}'::jsonb as doc,
                 '["x","y"]'::json as list, true as yes, false as no, null::text as nothing, null::timestamptz as never_at,
                 'ignored' as not_asked_for
          from (values (1), (2), (3)) v(n)`,
      {
        rowCount: col.int,
        happenedAt: col.date,
        doc: col.json<{ a: number[] }>(),
        list: col.json<string[]>(),
        yes: col.bool,
        no: col.bool,
        nothing: col.textOrNull,
        neverAt: col.dateOrNull,
      },
    );
    expect(row).toEqual({
      rowCount: 3,
      happenedAt: new Date("2026-01-02T03:04:05.678Z"),
      doc: { a: [1] },
      list: ["x", "y"],
      yes: true,
      no: false,
      nothing: null,
      neverAt: null,
    });
  });

  it("gives every row, or undefined when there is none", async () => {
    const db = await getDb();
    expect(await queryRows(db, sql`select n from generate_series(1, 3) n`, { n: col.int })).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await queryRow(db, sql`select 1 as n where false`, { n: col.int })).toBeUndefined();
  });

  it("reads rows from either driver's result shape", () => {
    expect(rowsOf([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(rowsOf({ rows: [{ a: 1 }], fields: [] })).toEqual([{ a: 1 }]);
    expect(rowsOf({})).toEqual([]);
  });
});
