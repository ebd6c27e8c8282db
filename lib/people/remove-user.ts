import { errorKey } from "@/lib/message-keys";
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberRoleLabels, requireManager } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent } from "@/lib/security/events";
import { LAST_OWNER, lockAccountAsManager, ownerCount } from "./account-lock";
import { memberOf, NOT_A_USER } from "./change-role";
import { removeUserSchema } from "./schemas";

const OWNER_REMOVAL = errorKey("ownerRemoval");

/**
 * Remove a user from the account (their user and their other accounts stay). Under the account's lock:
 * the last Owner is never removed (not even by themselves), and only an Owner removes an Owner. Their
 * access ends with their next request, since membership is read from the database on every one.
 */
export async function removeUser(db: Db, viewer: Viewer, raw: unknown): Promise<{ fullName: string; self: boolean }> {
  requireManager(viewer);
  const input = removeUserSchema.parse(raw);
  return db.transaction(async (tx) => {
    const { actorRole } = await lockAccountAsManager(tx, viewer);
    const target = await memberOf(tx, viewer.accountId, input.userId);
    if (!target) throw new AppError("not_found", NOT_A_USER);
    if (target.role === "owner" && actorRole !== "owner") throw new AppError("forbidden", OWNER_REMOVAL);
    if (target.role === "owner" && (await ownerCount(tx, viewer.accountId)) <= 1) throw new AppError("conflict", LAST_OWNER);
    await tx.execute(sql`delete from memberships where account_id = ${viewer.accountId} and user_id = ${target.id}`);
    await recordSecurityEvent(tx, {
      kind: "user_removed",
      accountId: viewer.accountId,
      userId: viewer.userId,
      ip: viewer.ip,
      userAgent: viewer.userAgent,
      detail: { user: target.publicId, email: target.email, role: memberRoleLabels[target.role] },
    });
    return { fullName: target.fullName, self: target.id === viewer.userId };
  });
}
