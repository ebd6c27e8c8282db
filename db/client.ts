import "server-only";
import { sql as rawSql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { mkdirSync } from "node:fs";
import postgres from "postgres";
import { latestMigration, migratePgliteClient, migratePostgresUrl } from "./migrate.mjs";
import * as schema from "./schema";
import { openPgliteThread } from "./pglite-thread";
import { preparingPostgres } from "./prepared";
import { noteStatement, traced, tracingEnabled } from "./span";
import { databaseSettings } from "./settings";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: domain helpers accept both. */
export type DbOrTx = Db | Tx;

type Handle = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

// Statement counter: the benchmark reads it to report SQL statements per request.
const counter = globalThis as unknown as { __scpQueryCount?: number };
const logger = {
  logQuery(query: string) {
    counter.__scpQueryCount = (counter.__scpQueryCount ?? 0) + 1;
    if (tracingEnabled()) noteStatement(query);
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
    // Hot read queries opt into named statements (db/prepared.ts).
    const db = drizzlePostgres(preparingPostgres(sql), { schema, logger }) as unknown as Db;
    // SCP_MIGRATE_ON_START=0: the deploy migrates before rollout; instances only check (/api/ready).
    if (settings.SCP_MIGRATE_ON_START) await migratePostgresUrl(url);
    return { db, driver: "postgres", close: () => sql.end({ timeout: 5 }) };
  }
  const dir = settings.PGLITE_DATA_DIR;
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // PGlite runs in its own thread (db/pglite-worker.mjs); its client here forwards drizzle's calls there.
  // If that thread dies, the handle is dropped and the next getDb() opens the database again.
  let opened: Db | undefined;
  const thread = await openPgliteThread(dir, { onStop: () => opened && forget(opened) });
  const db = (opened = drizzlePglite(thread.client, { schema, logger }) as unknown as Db);
  try {
    if (settings.SCP_MIGRATE_ON_START) await migratePgliteClient(thread.client);
  } catch (e) {
    await thread.close();
    throw e;
  }
  return { db, driver: "pglite", close: thread.close };
}

// One client per process, kept on globalThis so dev reloads and Next's several module graphs share it.
const g = globalThis as unknown as { __scpDb?: Promise<Handle> };

/** Drops the process's handle if it is still the one holding `db` (a stopped PGlite thread). */
function forget(db: Db): void {
  const current = g.__scpDb;
  void current?.then(
    (h) => {
      if (h.db === db && g.__scpDb === current) g.__scpDb = undefined;
    },
    () => {},
  );
}

/** With tracing on, every transaction is a span; the statements inside are its events. */
function withTransactionSpans(h: Handle): Handle {
  if (!tracingEnabled()) return h;
  const transaction = h.db.transaction.bind(h.db);
  const system = h.driver === "pglite" ? "pglite" : "postgresql";
  h.db.transaction = ((fn, config) =>
    traced("db.transaction", { "db.system.name": system }, () => transaction(fn, config))) as Db["transaction"];
  return h;
}

function handle(): Promise<Handle> {
  if (!g.__scpDb) {
    g.__scpDb = open()
      .then(withTransactionSpans)
      .catch((e) => {
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

export type Readiness = { ready: true } | { ready: false; reason: "database unreachable" | "migrations pending" };

/** The database answers and holds this build's newest migration: what /api/ready reports. */
export async function checkReady(): Promise<Readiness> {
  let db: Db;
  try {
    db = await getDb();
  } catch {
    return { ready: false, reason: "database unreachable" };
  }
  try {
    const result = await db.execute(rawSql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { at: string | null }[] }).rows) as { at: string | null }[];
    return Number(rows[0]?.at ?? 0) >= latestMigration().when ? { ready: true } : { ready: false, reason: "migrations pending" };
  } catch (e) {
    // undefined_table: nothing was ever migrated here.
    if ((e as { code?: string }).code === "42P01" || (e as { cause?: { code?: string } }).cause?.code === "42P01")
      return { ready: false, reason: "migrations pending" };
    return { ready: false, reason: "database unreachable" };
  }
}
