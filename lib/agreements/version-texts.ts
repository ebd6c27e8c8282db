import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreements, agreementVersions, agreementVersionTexts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import type { Locale } from "@/lib/i18n/locales";

export type VersionLanguageText = { locale: Locale; content: string; sha256: string };

/**
 * A version's texts in other languages (issue 24), for its owner's agreement page: only the caller's own
 * agreements (another account gets none), in a stable order.
 */
export async function listVersionTexts(
  db: DbOrTx,
  viewer: Viewer,
  agreementPublicId: string,
  number: number,
): Promise<VersionLanguageText[]> {
  const rows = await db
    .select({ locale: agreementVersionTexts.locale, content: agreementVersionTexts.content, sha256: agreementVersionTexts.sha256 })
    .from(agreementVersionTexts)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementVersionTexts.versionId))
    .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
    .where(
      and(
        eq(agreements.publicId, agreementPublicId),
        eq(agreements.ownerAccountId, viewer.accountId),
        eq(agreementVersions.number, number),
      ),
    )
    .orderBy(asc(agreementVersionTexts.locale));
  return rows.map((r) => ({ ...r, locale: r.locale as Locale }));
}
