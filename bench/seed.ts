import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { hashPassword } from "../lib/security/passwords";
import { ALL_PERMISSIONS, NO_PERMISSIONS, contractPermissions } from "../lib/permissions";
import { rowsOf } from "../db/query";
import { issueToken, sha256Hex } from "../lib/security/tokens";
import { contractsSql, publicIdSql, resellersSql } from "./seed-sql";

export const STAFF = { email: "staff@bench-distribution.test", password: "bench staff password, long enough" };
const ISSUER_NAME = "Bench Distribution Ltd.";
/** Bump when the shape of the seeded data changes: older bench databases are then rebuilt. */
const SEED_VERSION = 3;

export type Sizes = { contracts: number; resellers: number };
export type BenchData = {
  issuerId: string;
  detailsPublicId: string;
  /** The agreement the Create Contract submissions use. */
  agreementPublicId: string;
  /** Plain activation tokens of pending contracts (GET the page with one; submissions consume them). */
  tokens: string[];
  /** The row 90 % of the way down the list (newest first): where the deep-cursor page starts. */
  deep: { t: string; id: string } | null;
};

/** An agreement of about 2.6 KB of markdown (headings, lists, emphasis, links), as a real one reads. */
export function agreementText(name: string, number: number): string {
  const clauses = [
    "Appointment",
    "Services and catalogue",
    "Prices, invoicing and payment",
    "Support and service levels",
    "Confidentiality",
    "Term and termination",
  ];
  const body = clauses
    .map(
      (title, i) =>
        `## ${i + 1}. ${title}\n\nThe reseller agrees to resell the **${name}** services only to customers in its territory, ` +
        `under the terms of this version and the [service policy](https://example.com/policy/${i + 1}). ` +
        `Any change to these terms is published as a new version that the reseller signs before it applies.\n\n` +
        `- The distributor provides the catalogue and its *current* prices.\n- The reseller keeps its customer records for five years.\n`,
    )
    .join("\n");
  return `# ${name} v${number}\n\n${body}`;
}

async function rows<T>(db: Db, text: string): Promise<T[]> {
  return rowsOf<T>(await db.execute(sql.raw(text)));
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Idempotent: a marker row records a completed seeding of these sizes; anything else starts over. */
export async function seedBench(db: Db, sizes: Sizes, log: (m: string) => void): Promise<BenchData> {
  await db.execute(sql`create table if not exists bench_meta (key text primary key, value text not null)`);
  const [marker] = await rows<{ value: string }>(db, `select value from bench_meta where key = 'seed'`);
  const wanted = JSON.stringify({ contracts: sizes.contracts, resellers: sizes.resellers, version: SEED_VERSION });
  if (marker?.value !== wanted) {
    log(
      marker
        ? `seed marker ${marker.value} differs from ${wanted}: reseeding`
        : `seeding ${sizes.contracts} contracts, ${sizes.resellers} resellers`,
    );
    await seed(db, sizes, log);
    await db.execute(
      sql`insert into bench_meta (key, value) values ('seed', ${wanted}) on conflict (key) do update set value = excluded.value`,
    );
  } else {
    log(`reusing the seeded database (${wanted})`);
  }
  return targets(db, sizes);
}

async function seed(db: Db, sizes: Sizes, log: (m: string) => void) {
  const started = Date.now();
  // The bench database is dedicated to the bench (see bench/database.ts), so starting over is a truncate.
  const tables = await rows<{ t: string }>(
    db,
    `select quote_ident(tablename) as t from pg_tables where schemaname = 'public' and tablename <> 'bench_meta'`,
  );
  await db.execute(sql.raw(`truncate ${tables.map((r) => r.t).join(", ")} cascade`));
  const salt = Math.floor(Math.random() * 1e9);
  const noPerms = JSON.stringify(NO_PERMISSIONS);
  // Series numbers start at 1: number 0 gives the distributor and its staff user IDs no reseller can take.
  const [issuer] = await rows<{ id: string }>(
    db,
    `insert into accounts (public_id, name, role, permissions) values (${publicIdSql("0", "PA", [3, 3], salt)}, ${quote(ISSUER_NAME)}, 'distributor', ${quote(JSON.stringify(ALL_PERMISSIONS))}::jsonb) returning id`,
  );
  const hash = await hashPassword(STAFF.password);
  const [staff] = await rows<{ id: string }>(
    db,
    `insert into users (public_id, email, full_name, password_hash) values (${publicIdSql("0", "UR", [3, 3, 3], salt)}, ${quote(STAFF.email)}, 'Bench Staff', ${quote(hash)}) returning id`,
  );
  await db.execute(sql.raw(`insert into memberships (user_id, account_id) values ('${staff.id}', '${issuer.id}')`));
  const versions: { agreementId: string; versionId: string }[] = [];
  for (const [i, name] of ["Reseller Agreement", "Cloud Services Addendum"].entries()) {
    const [ag] = await rows<{ id: string }>(
      db,
      `insert into agreements (public_id, type, name, description, owner_account_id, created_by_user_id) values ('AGS-999-999-99${i}', 'service', ${quote(name)}, 'Terms for resellers of our catalogue.', '${issuer.id}', '${staff.id}') returning id`,
    );
    for (const number of [1, 2, 3]) {
      const content = agreementText(name, number);
      const [v] = await rows<{ id: string }>(
        db,
        `insert into agreement_versions (agreement_id, number, content, sha256, active, author_user_id) values ('${ag.id}', ${number}, ${quote(content)}, '${sha256Hex(content)}', ${number === 3}, '${staff.id}') returning id`,
      );
      if (number === 3) versions.push({ agreementId: ag.id, versionId: v.id });
    }
  }
  const step = 50_000;
  for (let from = 1; from <= sizes.resellers; from += step) {
    for (const text of resellersSql(from, Math.min(from + step - 1, sizes.resellers), salt, noPerms)) await db.execute(sql.raw(text));
  }
  log(`resellers done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const permissionsJson = JSON.stringify(contractPermissions({ program: false, delegate: true }));
  for (let from = 1; from <= sizes.contracts; from += step) {
    const to = Math.min(from + step - 1, sizes.contracts);
    await db.execute(
      sql.raw(
        contractsSql({
          from,
          to,
          total: sizes.contracts,
          resellers: sizes.resellers,
          salt,
          issuerId: issuer.id,
          staffId: staff.id,
          versions,
          permissionsJson,
        }),
      ),
    );
    if ((to / step) % 4 === 0 || to === sizes.contracts)
      log(`contracts ${to}/${sizes.contracts} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await db.execute(sql.raw(`analyze`));
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Fresh activation links on the 200 newest pending contracts (tokens are re-issued each run: only hashes are stored). */
async function targets(db: Db, sizes: Sizes): Promise<BenchData> {
  const [issuer] = await rows<{ id: string }>(db, `select id from accounts where name = ${quote(ISSUER_NAME)}`);
  const pending = await rows<{ id: string; public_id: string }>(
    db,
    `select id, public_id from contracts where issuer_account_id = '${issuer.id}' and status = 'pending' order by created_at desc limit 200`,
  );
  const tokens: string[] = [];
  for (const c of pending) {
    const t = issueToken();
    tokens.push(t.token);
    await db.execute(
      sql`update contracts set token_hash = ${t.tokenHash}, token_ciphertext = ${t.tokenCiphertext}, link_expires_at = now() + interval '30 days' where id = ${c.id}`,
    );
  }
  // Details target: a contract in the middle of the table, not one the cache has just touched.
  const [mid] = await rows<{ public_id: string }>(
    db,
    `select public_id from contracts where issuer_account_id = '${issuer.id}' and status = 'active' order by created_at desc offset ${Math.floor(sizes.contracts / 5)} limit 1`,
  );
  const [deep] = await rows<{ t: string; id: string }>(
    db,
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t, id from contracts where issuer_account_id = '${issuer.id}' order by created_at desc, id desc offset ${Math.floor(sizes.contracts * 0.9)} limit 1`,
  );
  const [agreement] = await rows<{ public_id: string }>(
    db,
    `select public_id from agreements where owner_account_id = '${issuer.id}' order by public_id limit 1`,
  );
  return {
    issuerId: issuer.id,
    agreementPublicId: agreement.public_id,
    detailsPublicId: mid?.public_id ?? pending[0].public_id,
    tokens,
    deep: deep ?? null,
  };
}
