import path from "node:path";
import postgres from "postgres";

/**
 * The bench never touches the database you work in: with DATABASE_URL it uses a sibling database
 * named "<yours>_bench" on the same server (created if missing), else PGlite in bench/data/pglite.
 */
export async function benchDatabaseEnv(): Promise<{ env: Record<string, string>; driver: "postgres" | "pglite"; label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = path.resolve("bench/data/pglite");
    return { env: { PGLITE_DATA_DIR: dir, DATABASE_URL: "" }, driver: "pglite", label: `PGlite ${path.relative(process.cwd(), dir)}` };
  }
  const u = new URL(url);
  const base = u.pathname.replace(/^\//, "") || "postgres";
  const name = base.endsWith("_bench") ? base : `${base}_bench`;
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  u.pathname = `/${name}`;
  return { env: { DATABASE_URL: u.toString() }, driver: "postgres", label: `PostgreSQL database ${name}` };
}

/** PGlite settings for the second server of ratio 7 (PGlite vs PostgreSQL). */
export function pgliteEnv(): Record<string, string> {
  // An empty DATABASE_URL means unset: the child must not inherit the caller's PostgreSQL.
  return { PGLITE_DATA_DIR: path.resolve("bench/data/pglite"), DATABASE_URL: "" };
}
