import { errorKey } from "@/lib/message-keys";
import "server-only";
import type { MemberRole } from "@/lib/accounts/viewer";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { newId, withFreshPublicId } from "@/lib/ids";

export type UserRow = typeof users.$inferSelect;

/**
 * Inserts a user with an already-computed password hash (hash before opening a transaction).
 * A taken email becomes a typed conflict. Inside a transaction, run it in a nested `tx.transaction`
 * if the caller wants to recover from the conflict.
 */
export async function createUser(db: DbOrTx, input: { email: string; fullName: string; passwordHash: string }): Promise<UserRow> {
  try {
    return await withFreshPublicId(newId.user, async (publicId) => {
      const [row] = await db
        .insert(users)
        .values({ publicId, email: input.email.trim(), fullName: input.fullName.trim(), passwordHash: input.passwordHash })
        .onConflictDoNothing({ target: users.publicId })
        .returning();
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e, "email")) {
      throw new AppError("conflict", errorKey("accountEmailExists"), { email: errorKey("accountEmailExists") });
    }
    throw e;
  }
}

/** Joins the user to the account; the default role is Owner (an account's first user owns it). */
export async function addMembership(db: DbOrTx, userId: string, accountId: string, role: MemberRole = "owner"): Promise<void> {
  await db.insert(memberships).values({ userId, accountId, role }).onConflictDoNothing();
}
