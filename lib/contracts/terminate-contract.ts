import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { enqueueContractTerminated } from "@/lib/email/messages";
import { assertMayManageContracts, ownContract, unchangedError } from "./contract-transition";
import { terminateSchema } from "./detail-schemas";

/**
 * Ends an active contract with a reason. What it granted disappears at once, since effective
 * permissions are derived from active contracts on every request (lib/accounts/viewer.ts).
 */
export async function terminateContract(db: Db, viewer: Viewer, input: unknown): Promise<void> {
  assertMayManageContracts(viewer);
  const { publicId, reason } = parseOrThrow(terminateSchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ status: "terminated", terminatedAt: sql`now()`, terminationReason: reason, updatedAt: sql`now()` })
      .where(ownContract(viewer, publicId, "active"))
      .returning({ id: contracts.id, publicId: contracts.publicId });
    if (!row) throw await unchangedError(tx, viewer, publicId, "active");
    await recordEvent(tx, viewer, {
      type: "contract.terminated",
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: { reason },
    });
    await enqueueContractTerminated(tx, row.id, reason);
  });
}
