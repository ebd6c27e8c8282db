import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRow, type RowOf } from "@/db/query";
import { isLocale, type Locale } from "@/lib/i18n/locales";
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
  /** The user's language setting (users.locale, issue 24); null follows the browser. */
  localeSetting?: Locale | null;
};

export type ViewerInput = {
  userId: string;
  sessionVersion: number;
  accountPublicId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/**
 * The viewer as SQL, for `loadViewer` and for page queries that fold it in (lib/page-data.ts), so a page is
 * one statement. `with` clause: `vr`, the user's memberships; `cur`, the current account's row (the one the
 * account cookie names, else the first by name), only when the session version matches the database's.
 * Select list (`viewerSelect`): columns prefixed `v_`, read by `viewerColumns` / `toViewer`. A page query
 * scopes itself to `cur.account_id` (null without a viewer: it then matches nothing).
 */
export function viewerWith(input: ViewerInput): SQL {
  return sql`
    vr as (
      select u.id as user_id, u.public_id as user_public_id, u.email, u.full_name, u.session_version, u.locale,
             a.id as account_id, a.public_id as account_public_id, a.name as account_name, a.role, a.permissions,
             m.role as member_role,
             row_number() over (order by coalesce(a.public_id = ${input.accountPublicId ?? null}::text, false) desc,
                                         a.name, a.public_id) as pick
      from users u
      join memberships m on m.user_id = u.id
      join accounts a on a.id = m.account_id
      where u.id = ${input.userId}
    ),
    cur as (select * from vr where pick = 1 and session_version = ${input.sessionVersion}::int)`;
}

export const viewerSelect = sql`
  cur.user_id as v_user_id, cur.user_public_id as v_user_public_id, cur.email as v_email, cur.full_name as v_full_name,
  cur.locale as v_locale,
  cur.account_id as v_account_id, cur.account_public_id as v_account_public_id, cur.account_name as v_account_name,
  cur.role as v_role, cur.member_role as v_member_role, cur.permissions as v_permissions,
  case when cur.account_id is null then null else
    coalesce((select jsonb_agg(c.permissions) from contracts c
              where c.owner_account_id = cur.account_id and c.status = 'active'), '[]'::jsonb) end as v_granted,
  case when cur.account_id is null then null else
    (select jsonb_agg(jsonb_build_object('id', vr.account_id, 'publicId', vr.account_public_id, 'name', vr.account_name,
                                         'role', vr.role) order by vr.account_name, vr.account_public_id) from vr) end as v_accounts,
  (exists (select 1 from account_security s where s.account_id = cur.account_id and s.require_two_factor)
   and not exists (select 1 from user_two_factor t where t.user_id = cur.user_id and t.enabled_at is not null))
    as v_must_set_up_two_factor`;

export const viewerColumns = {
  vUserId: col.textOrNull,
  vUserPublicId: col.text,
  vEmail: col.text,
  vFullName: col.text,
  vLocale: col.textOrNull,
  vAccountId: col.text,
  vAccountPublicId: col.text,
  vAccountName: col.text,
  vRole: col.oneOf<AccountRole>(),
  vMemberRole: col.oneOf<MemberRole>(),
  vPermissions: col.json<Permissions>(),
  vGranted: col.json<Permissions[]>(),
  vAccounts: col.json<AccountSummary[]>(),
  vMustSetUpTwoFactor: col.bool,
};

/** The viewer from a row selected with `viewerSelect`, or null (no such user, stale session, no account). */
export function toViewer(r: RowOf<typeof viewerColumns>, input: ViewerInput): Viewer | null {
  if (r.vUserId === null) return null;
  return {
    userId: r.vUserId,
    userPublicId: r.vUserPublicId,
    email: r.vEmail,
    fullName: r.vFullName,
    accountId: r.vAccountId,
    accountPublicId: r.vAccountPublicId,
    accountName: r.vAccountName,
    role: r.vRole,
    memberRole: r.vMemberRole,
    permissions: mergePermissions(r.vPermissions, ...r.vGranted),
    accounts: r.vAccounts,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    mustSetUpTwoFactor: r.vMustSetUpTwoFactor,
    localeSetting: isLocale(r.vLocale) ? r.vLocale : null,
  };
}

/**
 * One query: the user, every account they belong to, and the current account's grants from active contracts.
 * Returns null when the user is gone, the session version is stale, or they belong to no account.
 */
export async function loadViewer(db: DbOrTx, input: ViewerInput): Promise<Viewer | null> {
  const row = await queryRow(
    db,
    sql`with ${viewerWith(input)} select ${viewerSelect} from (select 1) one left join cur on true`,
    viewerColumns,
    // Run on every signed-in request: a named statement, planned once (db/prepared.ts).
    { prepared: true },
  );
  return row ? toViewer(row, input) : null;
}

/** Partners module (agreements, contracts, directory) is open to those who may create something there. */
export function canUsePartners(v: Pick<Viewer, "permissions">): boolean {
  return v.permissions.agreement.service.create || v.permissions.agreement.program.create;
}
