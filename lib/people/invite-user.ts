import { errorKey } from "@/lib/message-keys";
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { col, queryRow } from "@/db/query";
import { staffInvitations } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { requireManager } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { countInvitation } from "@/lib/contracts/invitation-quota";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security/events";
import { lockAccountAsManager, OWNER_ONLY } from "./account-lock";
import { enqueueStaffInvitation, INVITATION_MS, issueInvitationToken } from "./invitation-link";
import { inviteUserSchema, type InviteUserInput } from "./schemas";

const ALREADY_MEMBER = errorKey("alreadyMember");
const ALREADY_INVITED = errorKey("alreadyInvited");

/**
 * Invite user: a pending invitation with a fresh link (7 days), its email in the outbox and a security
 * event, in one transaction. Owners and Admins only; only an Owner may invite an Owner. Counts against the
 * account's daily invitations (SCP_INVITES_PER_DAY, shared with activation links).
 */
export async function inviteUser(db: Db, viewer: Viewer, raw: InviteUserInput): Promise<{ invitationId: string; email: string }> {
  requireManager(viewer);
  const input = inviteUserSchema.parse(raw);
  const { token, tokenHash } = issueInvitationToken();
  const expiresAt = new Date(now().getTime() + INVITATION_MS);
  try {
    return await db.transaction(async (tx) => {
      const { actorRole, account } = await lockAccountAsManager(tx, viewer);
      if (input.role === "owner" && actorRole !== "owner") throw new AppError("forbidden", OWNER_ONLY, { role: OWNER_ONLY });
      const member = await queryRow(
        tx,
        sql`select 1 as one from memberships m join users u on u.id = m.user_id
            where m.account_id = ${viewer.accountId} and lower(u.email) = ${input.email}`,
        { one: col.int },
      );
      if (member) throw new AppError("conflict", ALREADY_MEMBER, { email: ALREADY_MEMBER });
      await countInvitation(tx, viewer.accountId);
      const [row] = await tx
        .insert(staffInvitations)
        .values({ accountId: viewer.accountId, email: input.email, role: input.role, tokenHash, invitedByUserId: viewer.userId, expiresAt })
        .returning({ id: staffInvitations.id });
      await enqueueStaffInvitation(tx, {
        to: input.email,
        token,
        role: input.role,
        account: { id: viewer.accountId, ...account },
        inviterName: viewer.fullName,
        expiresAt,
      });
      await recordSecurityEvent(tx, {
        kind: "user_invited",
        accountId: viewer.accountId,
        userId: viewer.userId,
        ip: viewer.ip,
        userAgent: viewer.userAgent,
        detail: { email: input.email, role: input.role },
      });
      return { invitationId: row.id, email: input.email };
    });
  } catch (e) {
    if (isUniqueViolation(e, "staff_invitations_pending_email"))
      throw new AppError("conflict", ALREADY_INVITED, { email: ALREADY_INVITED });
    throw e;
  }
}
