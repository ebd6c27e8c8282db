import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { publicIdPattern } from "@/lib/ids";
import { rowsOf } from "@/lib/security/rate-limit";

export type VersionText = { id: string; number: number; content: string; contentKind: "markdown" | "link" };
export type VersionToSign = { current: VersionText; next: VersionText };

type Row = {
  cur_id: string;
  cur_number: number | string;
  cur_content: string;
  cur_kind: "markdown" | "link";
  next_id: string;
  next_number: number | string;
  next_content: string;
  next_kind: "markdown" | "link";
};

/**
 * The version the caller's active contract is on and the agreement's newer active version, when there
 * is one to sign; otherwise null. Scoped to the owner, so another tenant's contract yields null.
 */
export async function getVersionToSign(db: DbOrTx, viewer: Viewer, contractPublicId: string): Promise<VersionToSign | null> {
  // Not a contract ID (a hand-typed URL, a NUL byte PostgreSQL would reject): no query, nothing to sign, like a missing one.
  if (!publicIdPattern.contract.test(contractPublicId)) return null;
  const [r] = rowsOf<Row>(
    await db.execute(sql`
      select cur.id as cur_id, cur.number as cur_number, cur.content as cur_content, cur.content_kind as cur_kind,
             nv.id as next_id, nv.number as next_number, nv.content as next_content, nv.content_kind as next_kind
      from contracts c
      join agreement_versions cur on cur.id = c.agreement_version_id
      join agreement_versions nv on nv.agreement_id = c.agreement_id and nv.active and nv.number > cur.number
      where c.public_id = ${contractPublicId} and c.owner_account_id = ${viewer.accountId} and c.status = 'active'
      limit 1`),
  );
  if (!r) return null;
  return {
    current: { id: r.cur_id, number: Number(r.cur_number), content: r.cur_content, contentKind: r.cur_kind },
    next: { id: r.next_id, number: Number(r.next_number), content: r.next_content, contentKind: r.next_kind },
  };
}
