import "server-only";
import type { Db } from "@/db/client";
import { contracts, deletedContractLinks } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { cancelPendingInvitations } from "@/lib/email/cancel-invitations";
import { assertMayManageContracts, ownContract, unchangedError } from "./contract-transition";
import { deleteSchema } from "./detail-schemas";

/**
 * Removes a pending contract (its link dies with it, keeping only its hash to say so). The delete is itself the compare-and-set;
 * the "deleted" event stays, since events have no foreign keys.
 */
export async function deleteContract(db: Db, viewer: Viewer, input: unknown): Promise<void> {
  assertMayManageContracts(viewer);
  const { publicId } = parseOrThrow(deleteSchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(contracts)
      .where(ownContract(viewer, publicId, "pending"))
      .returning({ id: contracts.id, publicId: contracts.publicId, tokenHash: contracts.tokenHash });
    if (!row) throw await unchangedError(tx, viewer, publicId, "pending");
    // Its link then says "deleted" rather than "not valid" (a page per link state).
    if (row.tokenHash) await tx.insert(deletedContractLinks).values({ tokenHash: row.tokenHash }).onConflictDoNothing();
    await cancelPendingInvitations(tx, row.id, "the contract was deleted");
    await recordEvent(tx, viewer, { type: "contract.deleted", subjectType: "contract", subjectId: row.id, subjectPublicId: row.publicId });
  });
}
