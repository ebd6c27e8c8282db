import { errorKey } from "@/lib/message-keys";
import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { rowsOf } from "@/db/query";

export const LOOK_ALIKE_NAME = errorKey("companyNameLookAlike");
export const NAME_WITHOUT_LETTERS = errorKey("companyNameNoLetters");

/**
 * Refuses a new company name that folds to an existing account's name (docs/security-requirements.md 36), so a reseller
 * cannot take its distributor's name to phish from the platform. The folding is the SQL function
 * company_name_key (db/migrations/0002_company_name_key.sql: NFKD, case, spacing and punctuation,
 * look-alike letters), backed by an index on every account's folded name.
 * Inside a transaction, an advisory lock on the folded name makes two concurrent activations with
 * look-alike names take turns, so the second sees the first's company.
 */
export async function assertCompanyNameAvailable(tx: DbOrTx, name: string): Promise<void> {
  // The folded name and its lock in one statement (no lock when nothing is left to fold).
  const [{ key }] = rowsOf<{ key: string | null }>(
    await tx.execute(sql`
      select k.key, case when coalesce(k.key, '') <> '' then pg_advisory_xact_lock(hashtextextended('company-name:' || k.key, 0)) end as locked
      from (select company_name_key(${name}) as key) k`),
  );
  if (!key) throw new AppError("invalid", NAME_WITHOUT_LETTERS, { name: NAME_WITHOUT_LETTERS });
  // A statement of its own, after the lock: it sees a company committed by whoever held it.
  const taken = rowsOf(await tx.execute(sql`select 1 from accounts where company_name_key(name) = ${key} limit 1`));
  if (taken.length > 0) throw new AppError("conflict", LOOK_ALIKE_NAME, { name: LOOK_ALIKE_NAME });
}
