import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { enqueuePasswordChangedEmail } from "@/lib/email/account-messages";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/security/passwords";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { changePasswordSchema } from "./security-schemas";
import { recordUserSecurityEvent } from "./user-security-event";
import type { Viewer } from "./viewer";

const WRONG = errorKey("currentPasswordWrong");

/**
 * Change password (Settings → Your profile): the current password (throttled: 10 wrong per hour), the new
 * one through the same policy as activation. Bumps the session version with a compare-and-set on the
 * version this session carries, so every other session ends; the caller re-issues this one with the
 * returned version. Records the event and queues "Your password was changed".
 */
export async function changePassword(db: Db, viewer: Viewer, raw: unknown): Promise<{ userId: string }> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", errorKey("invalid"));
  const { currentPassword, newPassword } = parsed.data;
  const limit = await hitRateLimit(db, `password-change:${viewer.userId}`, 10, 60 * 60);
  if (!limit.allowed) throw new AppError("rate_limited", errorKey("tooManyAttemptsHour"));
  const [user] = await db.select().from(users).where(eq(users.id, viewer.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    logSecurity("password_change.refused", { user: viewer.userPublicId, ip: viewer.ip, userAgent: viewer.userAgent });
    throw new AppError("invalid", WRONG, { currentPassword: WRONG });
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) throw new AppError("invalid", problem, { newPassword: problem });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, user.id), eq(users.sessionVersion, user.sessionVersion)))
      .returning({ id: users.id });
    if (!changed) throw new AppError("stale", errorKey("sessionsChanged"));
    await recordUserSecurityEvent(tx, user.id, "password_changed", viewer);
    await enqueuePasswordChangedEmail(tx, { to: user.email, how: "changed" });
  });
  logSecurity("password_change.done", { user: viewer.userPublicId, ip: viewer.ip, userAgent: viewer.userAgent });
  return { userId: user.id };
}
