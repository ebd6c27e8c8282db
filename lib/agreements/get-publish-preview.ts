import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { assertMayManage } from "./access";
import { versionRefSchema, type VersionRef } from "./schemas";

/** What Publish will do, told before it is confirmed: the contracts asked to sign and the signees emailed. */
export type PublishPreview = { number: number; contracts: number; signees: number };

/**
 * Counted exactly as activateLocked and enqueueNewVersionToSign pick them: active contracts on the
 * agreement that are not on this version, and their distinct signees. Read-only; the caller's own
 * agreement only (another tenant's is not_found, like a missing one).
 */
export async function getPublishPreview(db: DbOrTx, viewer: Viewer, input: VersionRef): Promise<PublishPreview> {
  const p = parseOrThrow(versionRefSchema, input);
  const row = await queryRow(
    db,
    sql`select a.type, v.active,
           (select count(*) from contracts c where c.agreement_id = a.id and c.status = 'active' and c.agreement_version_id <> v.id) as contracts,
           (select count(distinct c.signee_user_id) from contracts c
             where c.agreement_id = a.id and c.status = 'active' and c.agreement_version_id <> v.id) as signees
        from agreements a join agreement_versions v on v.agreement_id = a.id and v.number = ${p.number}
        where a.public_id = ${p.agreementId} and a.owner_account_id = ${viewer.accountId}`,
    { type: col.oneOf<"service" | "program">(), active: col.bool, contracts: col.int, signees: col.int },
  );
  if (!row) throw new AppError("not_found", `Version ${p.number} of this agreement was not found.`);
  assertMayManage(viewer, row.type);
  if (row.active) throw new AppError("conflict", `Version ${p.number} is already the active version.`);
  return { number: p.number, contracts: row.contracts, signees: row.signees };
}
