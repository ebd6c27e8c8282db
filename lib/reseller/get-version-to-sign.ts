import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ContentKind } from "@/db/schema";
import { col, queryRow } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import type { VersionText as ReadVersionText } from "@/lib/data/read-shapes";
import { publicIdPattern } from "@/lib/ids";

export type VersionText = ReadVersionText & { id: string };
export type VersionToSign = { current: VersionText; next: VersionText };

/**
 * The version the caller's active contract is on and the agreement's newer active version, when there
 * is one to sign; otherwise null. Scoped to the owner, so another tenant's contract yields null.
 */
export async function getVersionToSign(db: DbOrTx, viewer: Viewer, contractPublicId: string): Promise<VersionToSign | null> {
  // Not a contract ID (a hand-typed URL, a NUL byte PostgreSQL would reject): no query, nothing to sign, like a missing one.
  if (!publicIdPattern.contract.test(contractPublicId)) return null;
  const kind = col.oneOf<ContentKind>();
  const r = await queryRow(
    db,
    sql`
      select cur.id as cur_id, cur.number as cur_number, cur.content as cur_content, cur.content_kind as cur_kind,
             nv.id as next_id, nv.number as next_number, nv.content as next_content, nv.content_kind as next_kind
      from contracts c
      join agreement_versions cur on cur.id = c.agreement_version_id
      join agreement_versions nv on nv.agreement_id = c.agreement_id and nv.active and nv.number > cur.number
      where c.public_id = ${contractPublicId} and c.owner_account_id = ${viewer.accountId} and c.status = 'active'
      limit 1`,
    {
      curId: col.text,
      curNumber: col.int,
      curContent: col.text,
      curKind: kind,
      nextId: col.text,
      nextNumber: col.int,
      nextContent: col.text,
      nextKind: kind,
    },
  );
  if (!r) return null;
  return {
    current: { id: r.curId, number: r.curNumber, content: r.curContent, contentKind: r.curKind },
    next: { id: r.nextId, number: r.nextNumber, content: r.nextContent, contentKind: r.nextKind },
  };
}
