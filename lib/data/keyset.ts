import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * Keyset pagination for every list that pages newest first on (a timestamp, id): no OFFSET, no count,
 * and rows arriving between two pages are neither skipped nor repeated. A cursor is the last (or, for
 * Previous page, the first) row's exact timestamp and id, and the direction to read from it.
 */
export type Cursor = { t: string; id: string; dir: "next" | "prev" };

/** The `cursor` query parameter: anything too long or not a string is no cursor (the first page). */
export const cursorParam = z.string().max(200).optional().catch(undefined);

/**
 * How the list's index stores the key. Postgres reads an index forwards or backwards, so ORDER BY must
 * name the NULLS position the index gives in that direction (the columns are NOT NULL, but the planner
 * does not use that), or it sorts every matching row instead of reading the index.
 */
type IndexOrder = "desc nulls last" | "asc nulls last";

const orders: Record<IndexOrder, { next: SQL; prev: SQL }> = {
  "desc nulls last": { next: sql`desc nulls last`, prev: sql`asc nulls first` },
  "asc nulls last": { next: sql`desc nulls first`, prev: sql`asc nulls last` },
};

/**
 * The page's condition and order on (at, id); a "prev" cursor reads backwards from its row. `reverse`
 * lists the other way round (oldest first for a "desc" index), reading the same index the other way.
 */
export function keysetQuery(key: { at: AnyColumn; id: AnyColumn }, cursor: Cursor | null, index: IndexOrder, reverse = false) {
  const back = (cursor?.dir === "prev") !== reverse;
  const dir = orders[index][back ? "prev" : "next"];
  const row = sql`(${key.at}, ${key.id})`;
  const from = cursor && sql`(${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
  return {
    where: from ? (back ? sql`${row} > ${from}` : sql`${row} < ${from}`) : undefined,
    orderBy: [sql`${key.at} ${dir}`, sql`${key.id} ${dir}`],
  };
}

/** The key's timestamp as text with its microseconds: a JS Date would round them and skip or repeat rows. */
export function exactInstant(at: AnyColumn): SQL<string> {
  return sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * Turns the `limit + 1` rows a keyset query fetched into a page with its Previous/Next cursors.
 * A "prev" cursor's query reads backwards (ascending), so its rows come back reversed into display order;
 * the extra row only tells whether there is more in the direction read.
 */
export function keysetPage<T extends { t: string; id: string }>(found: T[], limit: number, cursor: Cursor | null) {
  const back = cursor?.dir === "prev";
  const more = found.length > limit;
  const page = found.slice(0, limit);
  if (back) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    page,
    nextCursor: last && (back || more) ? encodeCursor({ t: last.t, id: last.id, dir: "next" }) : null,
    prevCursor: first && (back ? more : cursor !== null) ? encodeCursor({ t: first.t, id: first.id, dir: "prev" }) : null,
  };
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.dir}|${c.t}|${c.id}`).toString("base64url");
}

/** A malformed, tampered or impossible cursor is no cursor (the first page), never sent to the database. */
export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [dir, t, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (dir !== "next" && dir !== "prev") return null;
  if (!isExactInstant(t ?? "")) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? "")) return null;
  return { dir, t, id };
}

/**
 * The shape alone lets month 13, February 30 or year 0 through, which PostgreSQL refuses with an error
 * (a 500); only an instant that reads back unchanged through Date is a real one.
 */
function isExactInstant(t: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(t) || t.startsWith("0000")) return false;
  const at = new Date(`${t.slice(0, 19)}Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === t.slice(0, 19);
}
