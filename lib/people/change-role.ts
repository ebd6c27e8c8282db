import { errorKey } from "@/lib/message-keys";
import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import { memberRoleLabels, requireManager } from "@/lib/accounts/roles";
import type { MemberRole, Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security/events";
import { LAST_OWNER, lockAccountAsManager, OWNER_ONLY, ownerCount } from "./account-lock";
import { changeRoleSchema } from "./schemas";

export const NOT_A_USER = errorKey("notAUser");

/** A user of the viewer's account, read under the account lock. */
export async function memberOf(tx: Tx, accountId: string, userPublicId: string) {
  return queryRow(
    tx,
    sql`select u.id, u.public_id, u.email, u.full_name, m.role from memberships m join users u on u.id = m.user_id
        where m.account_id = ${accountId} and u.public_id = ${userPublicId}`,
    { id: col.text, publicId: col.text, email: col.text, fullName: col.text, role: col.oneOf<MemberRole>() },
  );
}

/**
 * Change a user's role. Under the account's lock (lib/people/account-lock.ts): only an Owner grants or
 * takes away Owner, and the last Owner keeps it; the check and the update are one transaction, so two
 * Owners demoting each other at once leave one Owner.
 */
export async function changeRole(db: Db, viewer: Viewer, raw: unknown): Promise<{ fullName: string; role: MemberRole; changed: boolean }> {
  requireManager(viewer);
  const input = changeRoleSchema.parse(raw);
  return db.transaction(async (tx) => {
    const { actorRole } = await lockAccountAsManager(tx, viewer);
    const target = await memberOf(tx, viewer.accountId, input.userId);
    if (!target) throw new AppError("not_found", NOT_A_USER);
    if (target.role === input.role) return { fullName: target.fullName, role: input.role, changed: false };
    if ((target.role === "owner" || input.role === "owner") && actorRole !== "owner") throw new AppError("forbidden", OWNER_ONLY);
    if (target.role === "owner" && (await ownerCount(tx, viewer.accountId)) <= 1) throw new AppError("conflict", LAST_OWNER);
    await tx.execute(sql`update memberships set role = ${input.role} where account_id = ${viewer.accountId} and user_id = ${target.id}`);
    await recordSecurityEvent(tx, {
      kind: "role_changed",
      accountId: viewer.accountId,
      userId: viewer.userId,
      ip: viewer.ip,
      userAgent: viewer.userAgent,
      detail: { user: target.publicId, email: target.email, from: memberRoleLabels[target.role], to: memberRoleLabels[input.role] },
    });
    return { fullName: target.fullName, role: input.role, changed: true };
  });
}
