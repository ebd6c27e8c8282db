import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffInvitations } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { requireManager } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { countInvitation } from "@/lib/contracts/invitation-quota";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security/events";
import { lockAccountAsManager, OWNER_ONLY } from "./account-lock";
import { enqueueStaffInvitation, INVITATION_MS, issueInvitationToken } from "./invitation-link";
import { invitationRefSchema } from "./schemas";

export const INVITATION_GONE = errorKey("invitationGone");

/**
 * Resend: a new link replaces the old one (only hashes are kept, so the old link cannot be sent again; it
 * now reads as "not valid") with a fresh 7 days, and is emailed again. Compare-and-set on a pending
 * invitation of the caller's account.
 */
export async function resendInvitation(db: Db, viewer: Viewer, raw: unknown): Promise<{ email: string }> {
  requireManager(viewer);
  const { invitationId } = invitationRefSchema.parse(raw);
  const { token, tokenHash } = issueInvitationToken();
  const expiresAt = new Date(now().getTime() + INVITATION_MS);
  return db.transaction(async (tx) => {
    const { actorRole, account } = await lockAccountAsManager(tx, viewer);
    const [row] = await tx
      .update(staffInvitations)
      .set({ tokenHash, expiresAt, sentAt: now() })
      .where(
        and(
          eq(staffInvitations.id, invitationId),
          eq(staffInvitations.accountId, viewer.accountId),
          eq(staffInvitations.status, "pending"),
        ),
      )
      .returning({ email: staffInvitations.email, role: staffInvitations.role });
    if (!row) throw new AppError("not_found", INVITATION_GONE);
    if (row.role === "owner" && actorRole !== "owner") throw new AppError("forbidden", OWNER_ONLY);
    await countInvitation(tx, viewer.accountId);
    await enqueueStaffInvitation(tx, {
      to: row.email,
      token,
      role: row.role,
      account: { id: viewer.accountId, ...account },
      inviterName: viewer.fullName,
      expiresAt,
    });
    await recordSecurityEvent(tx, {
      kind: "invitation_resent",
      accountId: viewer.accountId,
      userId: viewer.userId,
      ip: viewer.ip,
      userAgent: viewer.userAgent,
      detail: { email: row.email, role: row.role },
    });
    return { email: row.email };
  });
}
