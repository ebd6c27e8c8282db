import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import type { AccountRole, MemberRole } from "@/lib/accounts/viewer";
import { now } from "@/lib/clock";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";

export type PendingInvitation = {
  id: string;
  accountId: string;
  accountName: string;
  accountPublicId: string;
  accountRole: AccountRole;
  email: string;
  role: MemberRole;
  inviterName: string | null;
  expiresAt: Date;
  /** The invited email already has a user: they sign in and join instead of signing up. */
  existingUserId: string | null;
};

export type InvitationState =
  { state: "pending"; invitation: PendingInvitation } | { state: "invalid" | "expired" | "accepted" | "revoked" };

/**
 * What a /join link is, read only (opening it changes nothing). A malformed token never reaches the
 * database; an unknown or replaced (resent) one is "invalid" (404), a used, revoked or expired one has
 * its own page (410).
 */
export async function resolveInvitation(db: DbOrTx, token: string): Promise<InvitationState> {
  if (!isWellFormedToken(token)) return { state: "invalid" };
  const row = await queryRow(
    db,
    sql`
      select i.id, i.account_id, a.name as account_name, a.public_id as account_public_id, a.role as account_role, i.email, i.role,
             i.status, i.expires_at, b.full_name as inviter_name,
             (select u.id from users u where lower(u.email) = lower(i.email) limit 1) as existing_user_id
      from staff_invitations i
      join accounts a on a.id = i.account_id
      left join users b on b.id = i.invited_by_user_id
      where i.token_hash = ${hashToken(token)}`,
    {
      id: col.text,
      accountId: col.text,
      accountName: col.text,
      accountPublicId: col.text,
      accountRole: col.oneOf<AccountRole>(),
      email: col.text,
      role: col.oneOf<MemberRole>(),
      status: col.oneOf<"pending" | "accepted" | "revoked">(),
      expiresAt: col.date,
      inviterName: col.textOrNull,
      existingUserId: col.textOrNull,
    },
  );
  if (!row) return { state: "invalid" };
  if (row.status !== "pending") return { state: row.status };
  if (row.expiresAt.getTime() <= now().getTime()) return { state: "expired" };
  const { status: _s, ...invitation } = row;
  return { state: "pending", invitation };
}

/** The HTTP status of a closed invitation's page (proxy.ts): 404 for a link that never was, 410 for a closed one. */
export function closedInvitationStatus(state: InvitationState["state"]): 404 | 410 | null {
  if (state === "pending") return null;
  return state === "invalid" ? 404 : 410;
}
