import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contracts } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/** The language of a contract's emails to its signee (issue 24), for the issuer's General tab; scoped to the issuer. */
export async function contractSigneeLocale(db: DbOrTx, viewer: { accountId: string }, contractId: string): Promise<Locale | undefined> {
  const [row] = await db
    .select({ locale: contracts.signeeLocale })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.issuerAccountId, viewer.accountId)))
    .limit(1);
  return row && isLocale(row.locale) ? row.locale : undefined;
}
