import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import { requireManager } from "@/lib/accounts/roles";
import type { MemberRole, Viewer } from "@/lib/accounts/viewer";
import { now } from "@/lib/clock";

export type PersonRow =
  | {
      kind: "user";
      /** UR-… */
      id: string;
      fullName: string;
      email: string;
      role: MemberRole;
      lastSignInAt: Date | null;
      since: Date;
    }
  | {
      kind: "invitation";
      /** The invitation's uuid (Resend and Revoke name it). */
      id: string;
      fullName: null;
      email: string;
      role: MemberRole;
      expired: boolean;
      expiresAt: Date;
      since: Date;
      invitedBy: string | null;
    };

/**
 * Settings → Users: the account's users (Active) and its pending invitations (Invited), one statement,
 * scoped to the viewer's account. Owners and Admins only. An account has a handful of users, so no paging.
 */
export async function listPeople(db: DbOrTx, viewer: Viewer): Promise<PersonRow[]> {
  requireManager(viewer);
  const at = now();
  const rows = await queryRows(
    db,
    sql`
      select 'user' as kind, u.public_id as id, u.full_name, u.email, m.role, u.last_sign_in_at, m.created_at as since,
             null::timestamptz as expires_at, null as invited_by
      from memberships m join users u on u.id = m.user_id
      where m.account_id = ${viewer.accountId}
      union all
      select 'invitation', i.id::text, null, i.email, i.role, null, i.sent_at, i.expires_at, b.full_name
      from staff_invitations i left join users b on b.id = i.invited_by_user_id
      where i.account_id = ${viewer.accountId} and i.status = 'pending'
      order by kind desc, full_name nulls last, email`,
    {
      kind: col.oneOf<"user" | "invitation">(),
      id: col.text,
      fullName: col.textOrNull,
      email: col.text,
      role: col.oneOf<MemberRole>(),
      lastSignInAt: col.dateOrNull,
      since: col.date,
      expiresAt: col.dateOrNull,
      invitedBy: col.textOrNull,
    },
  );
  return rows.map((r): PersonRow =>
    r.kind === "user"
      ? { kind: "user", id: r.id, fullName: r.fullName ?? "", email: r.email, role: r.role, lastSignInAt: r.lastSignInAt, since: r.since }
      : {
          kind: "invitation",
          id: r.id,
          fullName: null,
          email: r.email,
          role: r.role,
          expiresAt: r.expiresAt!,
          expired: r.expiresAt!.getTime() <= at.getTime(),
          since: r.since,
          invitedBy: r.invitedBy,
        },
  );
}
