import path from "node:path";
import postgres from "postgres";

/**
 * The bench never touches the database you work in: with DATABASE_URL it uses a sibling database
 * named "<yours>_bench" on the same server (created if missing), else PGlite in bench/data/pglite.
 */
export async function benchDatabaseEnv(
  quick = false,
): Promise<{ env: Record<string, string>; driver: "postgres" | "pglite"; label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = path.resolve(pgliteDir(quick));
    return { env: { PGLITE_DATA_DIR: dir, DATABASE_URL: "" }, driver: "pglite", label: `PGlite ${path.relative(process.cwd(), dir)}` };
  }
  const u = new URL(url);
  const base = u.pathname.replace(/^\//, "") || "postgres";
  const suffix = quick ? "_bench_quick" : "_bench";
  const name = base.endsWith(suffix) ? base : `${base}${suffix}`;
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
// Quick runs (CI) keep their own small databases, so they never wipe the million-row ones.
const pgliteDir = (quick: boolean) => (quick ? "bench/data/pglite-quick" : "bench/data/pglite");

export function pgliteEnv(quick = false): Record<string, string> {
  // An empty DATABASE_URL means unset: the child must not inherit the caller's PostgreSQL.
  return { PGLITE_DATA_DIR: path.resolve(pgliteDir(quick)), DATABASE_URL: "" };
}
