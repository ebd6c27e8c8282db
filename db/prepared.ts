import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";
import { parse, protocol } from "@electric-sql/pglite";
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
 *   (Bind/Execute/Sync) on each use, through PGlite's public protocol API; the plan is then reused.
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

type PgliteInternals = PGlite & {
  parsers: Record<number, (v: string, type: number) => unknown>;
  serializers: Record<number, (v: unknown) => string>;
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
};

/** PGlite: registered texts run as named statements, parsed once per database instance. */
export function preparingPglite(pg: PGlite): PGlite {
  const lite = pg as PgliteInternals;
  // Statement name → its parameter types, for this instance only.
  const statements = new Map<string, number[]>();
  const query = pg.query.bind(pg);
  const stream = (message: Uint8Array) => lite.execProtocolStream(message, { syncToFs: false });

  async function run<T>(name: string, text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    await lite._checkReady();
    // Like PGlite's own query(): wait for any open transaction, then hold the connection.
    return lite._runExclusiveTransaction(() =>
      lite._runExclusiveQuery(async () => {
        const messages = [];
        try {
          let types = statements.get(name);
          if (!types) {
            // Close first: a statement left half-prepared by a failure is replaced, not a duplicate.
            await stream(protocol.serialize.close({ type: "S", name }));
            await stream(protocol.serialize.parse({ name, text }));
            types = parse.parseDescribeStatementResults(await stream(protocol.serialize.describe({ type: "S", name })));
            statements.set(name, types);
          }
          const values = params.map((v, i) => {
            if (v === null || v === undefined) return null;
            const serialize = options?.serializers?.[types[i]] ?? lite.serializers[types[i]];
            return serialize ? serialize(v) : String(v);
          });
          messages.push(
            ...(await stream(protocol.serialize.bind({ statement: name, values }))),
            ...(await stream(protocol.serialize.describe({ type: "P" }))),
            ...(await stream(protocol.serialize.execute({}))),
          );
        } catch (e) {
          // A statement that failed to parse, or was dropped, is prepared afresh next time.
          if ((e as { code?: string }).code === "26000") statements.delete(name);
          throw Object.assign(e as object, { query: text, params });
        } finally {
          await stream(protocol.serialize.sync());
        }
        return parse.parseResults(messages, lite.parsers, options)[0] as Results<T>;
      }),
    );
  }

  return new Proxy(pg, {
    get(target, key) {
      if (key === "query")
        return <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
          const name = registry.get(text);
          return name ? run<T>(name, text, params, options) : query<T>(text, params, options);
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
