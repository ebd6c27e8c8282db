import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";

/** Prefix of `last_error` on a row that was withdrawn rather than given up on (the History tab tells them apart). */
export const CANCELLED_PREFIX = "Cancelled: ";

/**
 * Withdraws the contract's invitations that have not gone out yet, because their link no longer works.
 * Call it with the transaction that kills the link. The status check has no "cancelled", so the row
 * becomes `failed` with a `Cancelled:` reason: the sender never takes a failed row again. A row a sender
 * already claimed (`sending`) is left alone: it is on its way and cannot be called back.
 */
export async function cancelPendingInvitations(tx: DbOrTx, contractId: string, reason: string): Promise<number> {
  const rows = await tx
    .update(outbox)
    .set({ status: "failed", lastError: `${CANCELLED_PREFIX}${reason}` })
    .where(and(eq(outbox.contractId, contractId), eq(outbox.kind, "invitation"), eq(outbox.status, "pending")))
    .returning({ id: outbox.id });
  return rows.length;
}
