import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mergePermissions, type Permissions } from "@/lib/permissions";
import { rowsOf } from "@/lib/security/rate-limit";

export type AccountRole = "distributor" | "reseller";
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
  /** The role's own permissions plus those granted by the account's active contracts. */
  permissions: Permissions;
  accounts: AccountSummary[];
  ip: string | null;
  userAgent: string | null;
};

type Row = {
  user_id: string;
  user_public_id: string;
  email: string;
  full_name: string;
  session_version: number;
  account_id: string;
  account_public_id: string;
  account_name: string;
  role: AccountRole;
  permissions: Permissions;
  granted: Permissions[] | string;
};

/**
 * One query: the user, every account they belong to, and each account's grants from active contracts.
 * Returns null when the user is gone, the session version is stale, or they belong to no account.
 */
export async function loadViewer(
  db: DbOrTx,
  input: { userId: string; sessionVersion: number; accountPublicId?: string | null; ip?: string | null; userAgent?: string | null },
): Promise<Viewer | null> {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select u.id as user_id, u.public_id as user_public_id, u.email, u.full_name, u.session_version,
             a.id as account_id, a.public_id as account_public_id, a.name as account_name, a.role, a.permissions,
             coalesce((select jsonb_agg(c.permissions) from contracts c
                       where c.owner_account_id = a.id and c.status = 'active'), '[]'::jsonb) as granted
      from users u
      join memberships m on m.user_id = u.id
      join accounts a on a.id = m.account_id
      where u.id = ${input.userId}
      order by a.name, a.public_id`),
  );
  if (rows.length === 0 || Number(rows[0].session_version) !== input.sessionVersion) return null;
  const current = rows.find((r) => r.account_public_id === input.accountPublicId) ?? rows[0];
  const granted = typeof current.granted === "string" ? (JSON.parse(current.granted) as Permissions[]) : current.granted;
  return {
    userId: current.user_id,
    userPublicId: current.user_public_id,
    email: current.email,
    fullName: current.full_name,
    accountId: current.account_id,
    accountPublicId: current.account_public_id,
    accountName: current.account_name,
    role: current.role,
    permissions: mergePermissions(current.permissions, ...granted),
    accounts: rows.map((r) => ({ id: r.account_id, publicId: r.account_public_id, name: r.account_name, role: r.role })),
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  };
}

/** Partners module (agreements, contracts, directory) is open to those who may create something there. */
export function canUsePartners(v: Pick<Viewer, "permissions">): boolean {
  return v.permissions.agreement.service.create || v.permissions.agreement.program.create;
}
