import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffInvitations } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { requireManager } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security/events";
import { lockAccountAsManager, OWNER_ONLY } from "./account-lock";
import { INVITATION_GONE } from "./resend-invitation";
import { invitationRefSchema } from "./schemas";

/** Revoke: the pending invitation is closed (its link then says so, 410). Compare-and-set, with its event. */
export async function revokeInvitation(db: Db, viewer: Viewer, raw: unknown): Promise<{ email: string }> {
  requireManager(viewer);
  const { invitationId } = invitationRefSchema.parse(raw);
  return db.transaction(async (tx) => {
    const { actorRole } = await lockAccountAsManager(tx, viewer);
    const [row] = await tx
      .update(staffInvitations)
      .set({ status: "revoked", closedAt: now() })
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
    await recordSecurityEvent(tx, {
      kind: "invitation_revoked",
      accountId: viewer.accountId,
      userId: viewer.userId,
      ip: viewer.ip,
      userAgent: viewer.userAgent,
      detail: { email: row.email, role: row.role },
    });
    return { email: row.email };
  });
}
