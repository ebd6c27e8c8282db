import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ContentKind } from "@/db/schema";
import { col, queryRow } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import type { TextLocale } from "@/lib/agreements/version-text";
import type { VersionText as ReadVersionText } from "@/lib/data/read-shapes";
import type { Locale } from "@/lib/i18n/locales";
import { publicIdPattern } from "@/lib/ids";

/** A version as the reader sees it: `content` is its text in their language when it has one (`textLocale`). */
export type VersionText = ReadVersionText & { id: string; textLocale: TextLocale };
export type VersionToSign = { current: VersionText; next: VersionText };

/**
 * The version the caller's active contract is on and the agreement's newer active version, when there
 * is one to sign; otherwise null. Scoped to the owner, so another tenant's contract yields null.
 * Each version reads in `locale` when the distributor gave it a text in that language (issue 24,
 * lib/agreements/version-text.ts), else in its own text; the Sign form posts back which one it showed.
 */
export async function getVersionToSign(
  db: DbOrTx,
  viewer: Viewer,
  contractPublicId: string,
  locale: Locale = "en",
): Promise<VersionToSign | null> {
  // Not a contract ID (a hand-typed URL, a NUL byte PostgreSQL would reject): no query, nothing to sign, like a missing one.
  if (!publicIdPattern.contract.test(contractPublicId)) return null;
  const kind = col.oneOf<ContentKind>();
  const r = await queryRow(
    db,
    sql`
      select cur.id as cur_id, cur.number as cur_number, coalesce(ct.content, cur.content) as cur_content,
             cur.content_kind as cur_kind, ct.locale as cur_locale,
             nv.id as next_id, nv.number as next_number, coalesce(nt.content, nv.content) as next_content,
             nv.content_kind as next_kind, nt.locale as next_locale
      from contracts c
      join agreement_versions cur on cur.id = c.agreement_version_id
      join agreement_versions nv on nv.agreement_id = c.agreement_id and nv.active and nv.number > cur.number
      left join agreement_version_texts ct on ct.version_id = cur.id and ct.locale = ${locale}
      left join agreement_version_texts nt on nt.version_id = nv.id and nt.locale = ${locale}
      where c.public_id = ${contractPublicId} and c.owner_account_id = ${viewer.accountId} and c.status = 'active'
      limit 1`,
    {
      curId: col.text,
      curNumber: col.int,
      curContent: col.text,
      curKind: kind,
      curLocale: col.textOrNull,
      nextId: col.text,
      nextNumber: col.int,
      nextContent: col.text,
      nextKind: kind,
      nextLocale: col.textOrNull,
    },
  );
  if (!r) return null;
  // Each version's text in `locale` was read in the same statement (left joins on agreement_version_texts).
  return {
    current: {
      id: r.curId,
      number: r.curNumber,
      content: r.curContent,
      contentKind: r.curKind,
      textLocale: (r.curLocale as Locale | null) ?? "default",
    },
    next: {
      id: r.nextId,
      number: r.nextNumber,
      content: r.nextContent,
      contentKind: r.nextKind,
      textLocale: (r.nextLocale as Locale | null) ?? "default",
    },
  };
}
