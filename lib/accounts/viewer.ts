import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import { mergePermissions, type Permissions } from "@/lib/permissions";

export type AccountRole = "distributor" | "reseller";
/** The user's role within the current account (lib/accounts/roles.ts says what each may do). */
export type MemberRole = "owner" | "admin" | "member" | "readonly";
export type AccountSummary = { id: string; publicId: string; name: string; role: AccountRole };

/** Who is acting, resolved from the database on every request (never trusted from the token). */
export type Viewer = {
  userId: string;
  userPublicId: string;
  email: string;
  fullName: string;
  accountId: string;
  accountPublicId: string;
  accountName: string;
  role: AccountRole;
  /** The signed-in user's role in this account: Owner, Admin, Member or Read-only. */
  memberRole: MemberRole;
  /** The role's own permissions plus those granted by the account's active contracts. */
  permissions: Permissions;
  accounts: AccountSummary[];
  ip: string | null;
  userAgent: string | null;
  /** The account requires two-factor sign-in and this user has not set it up: only Your profile opens. */
  mustSetUpTwoFactor?: boolean;
};

/**
 * One query: the user, every account they belong to, and each account's grants from active contracts.
 * Returns null when the user is gone, the session version is stale, or they belong to no account.
 */
export async function loadViewer(
  db: DbOrTx,
  input: { userId: string; sessionVersion: number; accountPublicId?: string | null; ip?: string | null; userAgent?: string | null },
): Promise<Viewer | null> {
  const rows = await queryRows(
    db,
    sql`
      select u.id as user_id, u.public_id as user_public_id, u.email, u.full_name, u.session_version,
             a.id as account_id, a.public_id as account_public_id, a.name as account_name, a.role, a.permissions, m.role as member_role,
             coalesce((select jsonb_agg(c.permissions) from contracts c
                       where c.owner_account_id = a.id and c.status = 'active'), '[]'::jsonb) as granted,
             (exists (select 1 from account_security s where s.account_id = a.id and s.require_two_factor)
              and not exists (select 1 from user_two_factor t where t.user_id = u.id and t.enabled_at is not null)) as must_set_up_two_factor
      from users u
      join memberships m on m.user_id = u.id
      join accounts a on a.id = m.account_id
      where u.id = ${input.userId}
      order by a.name, a.public_id`,
    {
      userId: col.text,
      userPublicId: col.text,
      email: col.text,
      fullName: col.text,
      sessionVersion: col.int,
      accountId: col.text,
      accountPublicId: col.text,
      accountName: col.text,
      role: col.oneOf<AccountRole>(),
      memberRole: col.oneOf<MemberRole>(),
      permissions: col.json<Permissions>(),
      granted: col.json<Permissions[]>(),
      mustSetUpTwoFactor: col.bool,
    },
    // Run on every signed-in request: a named statement, planned once (db/prepared.ts).
    { prepared: true },
  );
  if (rows.length === 0 || rows[0].sessionVersion !== input.sessionVersion) return null;
  const {
    sessionVersion: _v,
    permissions,
    granted,
    mustSetUpTwoFactor,
    ...current
  } = rows.find((r) => r.accountPublicId === input.accountPublicId) ?? rows[0];
  return {
    ...current,
    permissions: mergePermissions(permissions, ...granted),
    accounts: rows.map((r) => ({ id: r.accountId, publicId: r.accountPublicId, name: r.accountName, role: r.role })),
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    mustSetUpTwoFactor,
  };
}

/** Partners module (agreements, contracts, directory) is open to those who may create something there. */
export function canUsePartners(v: Pick<Viewer, "permissions">): boolean {
  return v.permissions.agreement.service.create || v.permissions.agreement.program.create;
}
