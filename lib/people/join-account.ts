import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { staffInvitations } from "@/db/schema";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent, recordSignIn } from "@/lib/security/events";
import { hashPassword, passwordProblem } from "@/lib/security/passwords";
import { resolveInvitation, type PendingInvitation } from "./resolve-invitation";
import { joinNewUserSchema } from "./schemas";

export const CLOSED = errorKey("inviteClosed");
export const WRONG_USER = errorKey("inviteWrongUser");
export const HAS_ACCOUNT = errorKey("inviteHasAccount");

type Info = { ip: string | null; userAgent: string | null };
type Joined = { userId: string; accountPublicId: string; accountName: string };

async function pendingOrThrow(db: Db, token: string): Promise<PendingInvitation> {
  const found = await resolveInvitation(db, token);
  if (found.state !== "pending") throw new AppError("expired", CLOSED);
  return found.invitation;
}

/** Single use: pending → accepted, only while it is pending and unexpired (compare-and-set). */
async function claim(tx: Tx, invitation: PendingInvitation, userId: string): Promise<void> {
  const at = now();
  const [row] = await tx
    .update(staffInvitations)
    .set({ status: "accepted", acceptedUserId: userId, closedAt: at })
    .where(and(eq(staffInvitations.id, invitation.id), eq(staffInvitations.status, "pending"), gt(staffInvitations.expiresAt, at)))
    .returning({ id: staffInvitations.id });
  if (!row) throw new AppError("expired", CLOSED);
}

async function join(tx: Tx, invitation: PendingInvitation, userId: string, info: Info): Promise<void> {
  await claim(tx, invitation, userId);
  await addMembership(tx, userId, invitation.accountId, invitation.role); // already a member: keeps their role
  await recordSecurityEvent(tx, {
    kind: "user_joined",
    accountId: invitation.accountId,
    userId,
    ip: info.ip,
    userAgent: info.userAgent,
    detail: { email: invitation.email, role: invitation.role },
  });
}

/**
 * A signed-in user accepts an invitation sent to their own email: they join the account (the account
 * switcher then lists it). Another user's session is refused (the page offers to sign out).
 */
export async function joinAsViewer(db: Db, token: string, viewer: { userId: string; email: string } & Info): Promise<Joined> {
  const invitation = await pendingOrThrow(db, token);
  if (viewer.email.toLowerCase() !== invitation.email.toLowerCase()) throw new AppError("forbidden", WRONG_USER);
  await db.transaction((tx) => join(tx, invitation, viewer.userId, viewer));
  return { userId: viewer.userId, accountPublicId: invitation.accountPublicId, accountName: invitation.accountName };
}

/**
 * A new person accepts: their name and a password that passes the policy (with the invited email), a new
 * user, the membership and the used invitation in one transaction. The password is checked and hashed
 * before the transaction and only for a pending link (a closed link hashes nothing).
 */
export async function joinAsNewUser(db: Db, raw: unknown, info: Info): Promise<Joined> {
  const input = joinNewUserSchema.parse(raw);
  const invitation = await pendingOrThrow(db, input.token);
  if (invitation.existingUserId) throw new AppError("conflict", HAS_ACCOUNT);
  const problem = passwordProblem(input.password, invitation.email);
  if (problem) throw new AppError("invalid", problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const user = await createUser(tx, { email: invitation.email, fullName: input.fullName, passwordHash });
    await join(tx, invitation, user.id, info);
    await recordSignIn(tx, user.id, info);
    return user.id;
  });
  return { userId, accountPublicId: invitation.accountPublicId, accountName: invitation.accountName };
}
