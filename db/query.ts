import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";
import { registerPrepared } from "./prepared";
import { traced } from "./span";

/**
 * Raw SQL (`db.execute`) answers differently per driver: postgres.js returns an array of rows, PGlite an
 * object with `rows`; bigint counts come as strings, timestamps as strings or Dates, json as parsed
 * values or text. Queries name each column's reading once here instead of coercing by hand.
 */
export type Column<T> = (raw: unknown) => T;
type Columns = Record<string, Column<unknown>>;
export type RowOf<C extends Columns> = { [K in keyof C]: ReturnType<C[K]> };

const nullable =
  <T>(read: Column<T>): Column<T | null> =>
  (v) =>
    v === null || v === undefined ? null : read(v);

const text: Column<string> = (v) => v as string;
const int: Column<number> = (v) => Number(v);
const date: Column<Date> = (v) => new Date(v as string | Date);
const bool: Column<boolean> = (v) => v === true || v === "t" || v === "true";

export const col = {
  text,
  int,
  date,
  bool,
  textOrNull: nullable(text),
  intOrNull: nullable(int),
  dateOrNull: nullable(date),
  json:
    <T>(): Column<T> =>
    (v) =>
      (typeof v === "string" ? JSON.parse(v) : v) as T,
  /** A value the database already constrains (a check constraint or a literal in the query). */
  oneOf:
    <T extends string>(): Column<T> =>
    (v) =>
      v as T,
};

const dialect = new PgDialect();

/** `prepared`: a fixed text run on every request (viewer, page queries), kept as a named statement. */
export type QueryOptions = { prepared?: boolean };

/** Rows of any `execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Runs raw SQL and reads each row through `columns`, the only fields the caller sees. Fields are named
 * as the app names them (camelCase) and read from the query's snake_case columns (`publicId` ← public_id).
 */
export async function queryRows<C extends Columns>(db: DbOrTx, query: SQL, columns: C, options?: QueryOptions): Promise<RowOf<C>[]> {
  // A hot read query runs as a named statement, parsed and planned once (db/prepared.ts).
  if (options?.prepared) registerPrepared(dialect.sqlToQuery(query).sql);
  const fields = Object.keys(columns).map((name) => [name, name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] as const);
  const result = await traced(
    "db.query",
    () => ({ "db.query.text": dialect.sqlToQuery(query).sql.slice(0, 2000) }),
    () => db.execute(query),
  );
  return rowsOf<Record<string, unknown>>(result).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [name, column] of fields) row[name] = columns[name](raw[column]);
    return row as RowOf<C>;
  });
}

export async function queryRow<C extends Columns>(
  db: DbOrTx,
  query: SQL,
  columns: C,
  options?: QueryOptions,
): Promise<RowOf<C> | undefined> {
  return (await queryRows(db, query, columns, options))[0];
}
