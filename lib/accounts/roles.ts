import { errorKey } from "@/lib/message-keys";
import type { MemberRole, Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";

/**
 * What each role of a member may do in its account (issue 17):
 * - Owner: everything; every account keeps at least one.
 * - Admin: users, settings and everything the account may do.
 * - Member: works with agreements and contracts as the account's permissions allow.
 * - Read-only: sees, changes nothing (defineAction refuses every action unless it says allowReadOnly).
 */
export const memberRoles = ["owner", "admin", "member", "readonly"] as const satisfies readonly MemberRole[];

export const memberRoleLabels: Record<MemberRole, string> = { owner: "Owner", admin: "Admin", member: "Member", readonly: "Read-only" };

type WithRole = Pick<Viewer, "memberRole">;

/** Users, settings, API keys, webhooks, branding, security events. */
export function canManageAccount(v: WithRole): boolean {
  return v.memberRole === "owner" || v.memberRole === "admin";
}

/** Anything that changes data (every role but Read-only). */
export function canChange(v: WithRole): boolean {
  return v.memberRole !== "readonly";
}

export function requireManager(v: WithRole): void {
  if (!canManageAccount(v)) throw new AppError("forbidden");
}

export function requireChange(v: WithRole): void {
  if (!canChange(v)) throw new AppError("forbidden", errorKey("readOnlyRole"));
}
