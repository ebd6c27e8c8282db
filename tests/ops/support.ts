import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** The PostgreSQL server the operations checks run on (CI starts it; see .ci/run). */
export const PG_BASE = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** A new, empty database on PG_BASE; `drop()` removes it (ending any connection left behind). */
export async function freshDatabase(prefix = "scp_ops") {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(PG_BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    sql: () => postgres(url.toString(), { max: 2, onnotice: () => {} }),
    async drop() {
      const a = postgres(PG_BASE, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
