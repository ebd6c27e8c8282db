import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import * as schema from "./schema";
import { databaseSettings } from "./settings";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: domain helpers accept both. */
export type DbOrTx = Db | Tx;

type Handle = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

const MIGRATIONS = path.join(process.cwd(), "db/migrations");
const MIGRATION_LOCK = 7_314_159; // advisory lock id: two app instances never migrate at once

// Statement counter: the benchmark reads it to report SQL statements per request.
const counter = globalThis as unknown as { __scpQueryCount?: number };
const logger = {
  logQuery() {
    counter.__scpQueryCount = (counter.__scpQueryCount ?? 0) + 1;
  },
};
export function queryCount(): number {
  return counter.__scpQueryCount ?? 0;
}

async function open(): Promise<Handle> {
  const settings = databaseSettings();
  const url = settings.DATABASE_URL;
  if (url) {
    const sql = postgres(url, {
      max: settings.DATABASE_POOL_SIZE,
      onnotice: () => {},
      connection: { application_name: "service-contracts" },
    });
    const db = drizzlePostgres(sql, { schema, logger }) as unknown as Db;
    // A dedicated single connection holds the advisory lock for the whole migration.
    const lockConn = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await lockConn`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(drizzlePostgres(lockConn), { migrationsFolder: MIGRATIONS });
    } finally {
      await lockConn.end({ timeout: 5 });
    }
    return { db, driver: "postgres", close: () => sql.end({ timeout: 5 }) };
  }
  const dir = settings.PGLITE_DATA_DIR;
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // pg_trgm backs the list searches' trigram indexes (migration 0001_search_trigram).
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
  return { db, driver: "pglite", close: () => client.close() };
}

// One client per process, kept on globalThis so dev reloads and Next's several module graphs share it.
const g = globalThis as unknown as { __scpDb?: Promise<Handle> };

function handle(): Promise<Handle> {
  if (!g.__scpDb) {
    g.__scpDb = open().catch((e) => {
      g.__scpDb = undefined;
      throw e;
    });
  }
  return g.__scpDb;
}

/** The database, opened and migrated on first use (never at import, so `next build` opens nothing). */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function dbDriver(): Promise<"pglite" | "postgres"> {
  return (await handle()).driver;
}

export async function closeDb(): Promise<void> {
  const h = g.__scpDb;
  g.__scpDb = undefined;
  if (h) await (await h).close();
}
