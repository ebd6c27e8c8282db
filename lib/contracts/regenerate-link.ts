import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { cancelPendingInvitations } from "@/lib/email/cancel-invitations";
import { armFollowUp, cancelPendingFollowUps } from "@/lib/follow-up/arm";
import { activationLink, issueToken } from "@/lib/security/tokens";
import { assertMayManageContracts, ownContract, unchangedError } from "./contract-transition";
import { regenerateLinkSchema } from "./detail-schemas";
import { expiryFromDate } from "./schemas";

/**
 * A new activation link for a pending contract. Hash and ciphertext are replaced in ONE update, so the
 * old link stops working the moment this commits (SECURITY.md 5). Works on an expired link too.
 */
export async function regenerateLink(db: Db, viewer: Viewer, input: unknown): Promise<{ activationLink: string; linkExpiresAt: Date }> {
  assertMayManageContracts(viewer);
  const { publicId, linkExpiresOn } = parseOrThrow(regenerateLinkSchema, input);
  const { token, tokenHash, tokenCiphertext } = issueToken();
  const linkExpiresAt = expiryFromDate(linkExpiresOn);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ tokenHash, tokenCiphertext, linkExpiresAt, updatedAt: sql`now()` })
      .where(ownContract(viewer, publicId, "pending"))
      .returning({ id: contracts.id, publicId: contracts.publicId });
    if (!row) throw await unchangedError(tx, viewer, publicId, "pending");
    await cancelPendingInvitations(tx, row.id, "the link was regenerated");
    // Reminders queued with the old link would carry a dead link; the new link starts a new schedule.
    await cancelPendingFollowUps(tx, row.id, "the link was regenerated");
    await armFollowUp(tx, row.id);
    await recordEvent(tx, viewer, {
      type: "contract.link_regenerated",
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: { expiresAt: linkExpiresAt.toISOString() },
    });
  });
  return { activationLink: activationLink(token), linkExpiresAt };
}
