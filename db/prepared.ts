import type { Sql } from "postgres";

/**
 * Prepared statements for the hot read queries (the viewer, the details and list pages), on both drivers.
 *
 * A query opts in with `prepared()` (db/query.ts `queryRows(..., { prepared: true })`, or a drizzle builder
 * passed through `prepared()`): its SQL text joins a process-wide registry. The driver clients handed to
 * drizzle are wrapped (db/client.ts) so that a registered text is:
 * - on PostgreSQL, sent by postgres.js as a named statement, parsed and planned once per connection
 *   (postgres.js keeps its own statement cache per connection, keyed by text and parameter types);
 * - on PGlite, parsed once into a named statement (Parse/Describe), then only bound and executed
 *   (Bind/Execute/Sync) on each use, through PGlite's public protocol API; the plan is then reused. That
 *   runs in the database's thread (db/pglite-worker.mjs); db/pglite-thread.ts sends it the statement's name.
 * Statements inside a transaction are never affected (drizzle gives them the transaction's own client).
 * Only texts registered here are prepared: they are fixed strings with placeholders, a few dozen at most.
 */

const MAX_STATEMENTS = 256;
// Process-wide, like the database handle (db/client.ts): Next loads this module once per module graph
// (proxy, route handlers, pages), and the wrapped client made in one graph must see texts registered in all.
const g = globalThis as unknown as { __scpPrepared?: Map<string, string> };
const registry = (g.__scpPrepared ??= new Map<string, string>());

/** Registers a SQL text as prepared; returns its statement name, or null when the registry is full. */
export function registerPrepared(text: string): string | null {
  let name = registry.get(text);
  if (!name) {
    if (registry.size >= MAX_STATEMENTS) return null;
    name = `scp_${registry.size + 1}`;
    registry.set(text, name);
  }
  return name;
}

export function preparedName(text: string): string | undefined {
  return registry.get(text);
}

/** A drizzle query builder (anything with toSQL) marked as prepared; awaiting it runs it. */
export function prepared<Q extends { toSQL(): { sql: string } }>(query: Q): Q {
  registerPrepared(query.toSQL().sql);
  return query;
}

/** postgres.js: registered texts go out with `prepare: true` (a named statement, reused per connection). */
export function preparingPostgres(sql: Sql): Sql {
  const unsafe = sql.unsafe.bind(sql);
  const wrapped = ((text: string, params?: unknown[], options?: { prepare?: boolean }) =>
    registry.has(text)
      ? unsafe(text, params as never, { ...options, prepare: true })
      : unsafe(text, params as never, options)) as Sql["unsafe"];
  return new Proxy(sql, {
    get: (target, key, receiver) => (key === "unsafe" ? wrapped : Reflect.get(target, key, receiver)),
    apply: (target, self, args) => Reflect.apply(target as never, self, args),
  });
}
