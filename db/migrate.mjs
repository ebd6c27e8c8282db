// Plain JavaScript: shared by db/client.ts (migrations at start) and scripts/migrate.mjs (`npm run db:migrate`,
// and `node scripts/migrate.mjs` inside the container image, where there is no TypeScript runner).
import { readFileSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export const MIGRATIONS = path.join(process.cwd(), "db/migrations");
/** Advisory lock id: instances starting at once on an empty database take turns, the first one migrates. */
export const MIGRATION_LOCK = 7_314_159;

/**
 * Applies pending migrations on PostgreSQL under a session advisory lock held by one dedicated connection,
 * so concurrent starts never both migrate: the second waits, then finds nothing left to do. The lock needs a
 * session, so the URL must reach PostgreSQL directly or through a session-mode pooler (README, "Deploying").
 * @param {string} url
 */
export async function migratePostgresUrl(url) {
  const lockConn = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "service-contracts-migrate" } });
  try {
    await lockConn`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(lockConn), { migrationsFolder: MIGRATIONS });
  } finally {
    await lockConn.end({ timeout: 5 });
  }
}

/** PGlite is one process's own database: nobody else can migrate it at the same time. @param {import("@electric-sql/pglite").PGlite} client */
export async function migratePgliteClient(client) {
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
}

/** @type {{ when: number, tag: string } | undefined} */
let latest;
/** The newest migration this build ships (drizzle records its `when` as created_at once applied). */
export function latestMigration() {
  if (!latest) {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8"));
    const entries = /** @type {{ when: number, tag: string }[]} */ (journal.entries);
    latest = entries.reduce((a, b) => (b.when > a.when ? b : a));
  }
  return latest;
}
