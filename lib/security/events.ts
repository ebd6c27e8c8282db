import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import { cursorParam, decodeCursor, keysetPage } from "@/lib/data/keyset";

/** Every kind of security event, with the words the Security events page shows for it. */
export const securityEventLabels = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  password_changed: "Password changed",
  password_reset_requested: "Password reset requested",
  password_reset: "Password reset",
  two_factor_enabled: "Two-factor sign-in enabled",
  two_factor_disabled: "Two-factor sign-in disabled",
  recovery_code_used: "Recovery code used",
  role_changed: "Role changed",
  user_invited: "User invited",
  invitation_resent: "Invitation resent",
  invitation_revoked: "Invitation revoked",
  user_joined: "User joined",
  user_removed: "User removed",
} as const;

export type SecurityEventKind = keyof typeof securityEventLabels;
export const securityEventKinds = Object.keys(securityEventLabels) as SecurityEventKind[];

export type SecurityEventInput = {
  kind: SecurityEventKind;
  /** The user it is about (for account changes: who acted; the target goes in `detail`). */
  userId?: string | null;
  /**
   * The account whose page shows it. Leave it out for an event about the user as a whole (sign-in,
   * password, two-factor): it is then written once per account the user belongs to at that moment, so
   * each account sees it on its own page and an account the user joins later never sees earlier ones.
   */
  accountId?: string;
  ip?: string | null;
  userAgent?: string | null;
  /** Small facts for the page: emails, roles, public IDs. Never a password, token or link. */
  detail?: Record<string, string | number | boolean | null>;
};

/**
 * Records a security event in the caller's transaction (call it with `tx` inside one). One statement: with
 * `accountId` one row; without it one row per membership of `userId` (none if the user belongs to no
 * account, and none without a user: an unknown email's failure stays in the logs only).
 */
export async function recordSecurityEvent(db: DbOrTx, e: SecurityEventInput): Promise<void> {
  const detail = JSON.stringify(e.detail ?? {});
  const ip = e.ip ?? null;
  const ua = e.userAgent ? e.userAgent.slice(0, 500) : null;
  const userId = e.userId ?? null;
  if (e.accountId) {
    await db.execute(sql`
      insert into security_events (account_id, user_id, kind, ip, user_agent, detail)
      values (${e.accountId}, ${userId}, ${e.kind}, ${ip}, ${ua}, ${detail}::jsonb)`);
    return;
  }
  if (!userId) return;
  await db.execute(sql`
    insert into security_events (account_id, user_id, kind, ip, user_agent, detail)
    select m.account_id, m.user_id, ${e.kind}, ${ip}, ${ua}, ${detail}::jsonb from memberships m where m.user_id = ${userId}`);
}

/**
 * A successful sign-in, in ONE statement: the user's last sign-in time and a sign_in event for each of
 * their accounts. Kept cheap because every sign-in pays it.
 */
export async function recordSignIn(db: DbOrTx, userId: string, info: { ip?: string | null; userAgent?: string | null }): Promise<void> {
  await db.execute(sql`
    with signed as (update users set last_sign_in_at = now() where id = ${userId} returning id)
    insert into security_events (account_id, user_id, kind, ip, user_agent, detail)
    select m.account_id, m.user_id, 'sign_in', ${info.ip ?? null}, ${info.userAgent?.slice(0, 500) ?? null}, '{}'::jsonb
    from memberships m join signed s on s.id = m.user_id`);
}

export const SECURITY_EVENTS_PAGE_SIZE = 50;

export const listSecurityEventsSchema = z.object({ cursor: cursorParam });

export type SecurityEventRow = {
  id: string;
  t: string;
  kind: SecurityEventKind;
  createdAt: Date;
  userName: string | null;
  userEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
};

/** The viewer's account's events, newest first, by keyset (Settings → Security events). Managers only. */
export async function listSecurityEvents(db: DbOrTx, viewer: Viewer, input: { cursor?: string } = {}) {
  const cursor = decodeCursor(listSecurityEventsSchema.parse(input).cursor);
  const back = cursor?.dir === "prev";
  const from = cursor && sql`(${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
  const where = from ? (back ? sql`and (e.created_at, e.id) > ${from}` : sql`and (e.created_at, e.id) < ${from}`) : sql``;
  // The index's order (desc nulls last) read either way, so the page is read from it, never sorted.
  const order = back ? sql`e.created_at asc nulls first, e.id asc nulls first` : sql`e.created_at desc nulls last, e.id desc nulls last`;
  const found = await queryRows(
    db,
    sql`
      select e.id, to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t, e.kind, e.created_at, u.full_name as user_name, u.email as user_email,
             e.ip, e.user_agent, e.detail
      from security_events e left join users u on u.id = e.user_id
      where e.account_id = ${viewer.accountId} ${where}
      order by ${order}
      limit ${SECURITY_EVENTS_PAGE_SIZE + 1}`,
    {
      id: col.text,
      t: col.text,
      kind: col.oneOf<SecurityEventKind>(),
      createdAt: col.date,
      userName: col.textOrNull,
      userEmail: col.textOrNull,
      ip: col.textOrNull,
      userAgent: col.textOrNull,
      detail: col.json<Record<string, unknown>>(),
    },
  );
  const { page, nextCursor, prevCursor } = keysetPage(found, SECURITY_EVENTS_PAGE_SIZE, cursor);
  return { rows: page as SecurityEventRow[], nextCursor, prevCursor };
}
