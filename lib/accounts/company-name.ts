import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { rowsOf } from "@/db/query";

export const LOOK_ALIKE_NAME =
  "A company with this name, or one that looks the same, already uses the platform. If it is your company, sign in and choose it; otherwise enter your company's full legal name.";
export const NAME_WITHOUT_LETTERS = "Enter a company name with letters or digits.";

/**
 * Refuses a new company name that folds to an existing account's name (docs/security-requirements.md 36), so a reseller
 * cannot take its distributor's name to phish from the platform. The folding is the SQL function
 * company_name_key (db/migrations/0002_company_name_key.sql: NFKD, case, spacing and punctuation,
 * look-alike letters), backed by an index on every account's folded name.
 * Inside a transaction, an advisory lock on the folded name makes two concurrent activations with
 * look-alike names take turns, so the second sees the first's company.
 */
export async function assertCompanyNameAvailable(tx: DbOrTx, name: string): Promise<void> {
  const [{ key }] = rowsOf<{ key: string }>(await tx.execute(sql`select company_name_key(${name}) as key`));
  if (!key) throw new AppError("invalid", NAME_WITHOUT_LETTERS, { name: NAME_WITHOUT_LETTERS });
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`company-name:${key}`}, 0))`);
  const taken = rowsOf(await tx.execute(sql`select 1 from accounts where company_name_key(name) = ${key} limit 1`));
  if (taken.length > 0) throw new AppError("conflict", LOOK_ALIKE_NAME, { name: LOOK_ALIKE_NAME });
}
