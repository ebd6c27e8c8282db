import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreementVersionTexts } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** Which text of a version a signee reads and signs: the version's own ("default") or one of its languages. */
export type TextLocale = "default" | Locale;

export type SignedText = { textLocale: TextLocale; content: string; sha256: string };

/**
 * The text of an agreement version for a reader of `locale` (issue 24): the version's text in that language
 * when the distributor gave one (agreement_version_texts), else null and the caller shows the version's own
 * content (textLocale "default", sha256 of the version). Agreement texts are never machine-translated.
 */
export async function versionTextIn(db: DbOrTx, versionId: string, locale: Locale): Promise<SignedText | null> {
  const [row] = await db
    .select({ content: agreementVersionTexts.content, sha256: agreementVersionTexts.sha256, locale: agreementVersionTexts.locale })
    .from(agreementVersionTexts)
    .where(and(eq(agreementVersionTexts.versionId, versionId), eq(agreementVersionTexts.locale, locale)))
    .limit(1);
  return row ? { textLocale: row.locale as Locale, content: row.content, sha256: row.sha256 } : null;
}

/** The languages each version has a text in (for the editor's and the viewer's language tabs). */
export async function versionTextLocales(db: DbOrTx, versionIds: string[]): Promise<Map<string, Locale[]>> {
  const out = new Map<string, Locale[]>();
  if (versionIds.length === 0) return out;
  const rows = await db
    .select({ versionId: agreementVersionTexts.versionId, locale: agreementVersionTexts.locale })
    .from(agreementVersionTexts)
    .where(inArray(agreementVersionTexts.versionId, versionIds));
  for (const r of rows) out.set(r.versionId, [...(out.get(r.versionId) ?? []), r.locale as Locale]);
  return out;
}
