// `npm run db:migrate`, and `node scripts/migrate.mjs` in the container image (plain JavaScript: the image
// has no TypeScript runner). Safe to run while instances start: the advisory lock in db/migrate.mjs makes
// concurrent runs take turns, and a run with nothing pending changes nothing.
import { mkdirSync } from "node:fs";
import { latestMigration, migratePgliteClient, migratePostgresUrl } from "../db/migrate.mjs";

const url = process.env.DATABASE_URL;
try {
  if (url) {
    await migratePostgresUrl(url);
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const dir = process.env.PGLITE_DATA_DIR || ".data/pglite";
    if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir, { extensions: { pg_trgm } });
    await migratePgliteClient(client);
    await client.close();
  }
  console.log(`Migrations applied up to ${latestMigration().tag} (${url ? "postgres" : "pglite"}).`);
} catch (e) {
  console.error(`Migration failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
