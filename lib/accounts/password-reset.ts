import { errorKey, v } from "@/lib/message-keys";
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { enqueuePasswordChangedEmail, enqueuePasswordResetEmail } from "@/lib/email/account-messages";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { hashPassword, passwordProblem } from "@/lib/security/passwords";
import { hitRateLimit, hitRateLimits } from "@/lib/security/rate-limit";
import { hashToken, isWellFormedToken, newActivationToken, sha256Hex } from "@/lib/security/tokens";
import { forgotPasswordSchema, resetPasswordSchema } from "./security-schemas";
import { recordUserSecurityEvent } from "./user-security-event";

export const RESET_LINK_SECONDS = 60 * 60;
/** Reset emails one address may receive per hour; past it the request is answered the same and sends nothing. */
export const RESET_EMAILS_PER_HOUR = 3;
/** Reset requests (and reset attempts) one IP may make per hour. */
export const RESET_REQUESTS_PER_IP = 20;
const HOUR = 60 * 60;

type Who = { ip: string; userAgent: string };

export const resetLink = (token: string): string => `${appUrl()}/reset-password/${token}`;

export const RESET_SENT_MESSAGE = errorKey("resetSent");

/**
 * "Forgot password?": the same answer whether or not the email has an account, and the same work up to the
 * insert (rate limits, one lookup). Throttled per IP (refused with a message) and per email (silently: no more
 * mail, same answer, so neither enumeration nor mail-bombing is possible).
 */
export async function requestPasswordReset(db: Db, raw: unknown, who: Who, at = clockNow()): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", v("emailInvalid"), { email: v("emailInvalid") });
  const email = parsed.data.email;
  const perIp = await hitRateLimit(db, `reset:ip:${who.ip}`, RESET_REQUESTS_PER_IP, HOUR);
  if (!perIp.allowed) {
    logSecurity("password_reset.rate_limited", { ip: who.ip });
    throw new AppError("rate_limited", errorKey("resetTooManyRequests"));
  }
  const perEmail = await hitRateLimit(db, `reset:email:${sha256Hex(email)}`, RESET_EMAILS_PER_HOUR, HOUR);
  const [user] = await db
    .select({ id: users.id, email: users.email, publicId: users.publicId })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user || !perEmail.allowed) {
    logSecurity("password_reset.requested", { ip: who.ip, userAgent: who.userAgent, sent: false });
    return;
  }
  const token = newActivationToken();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(at.getTime() + RESET_LINK_SECONDS * 1000),
      requestedIp: who.ip,
    });
    await recordUserSecurityEvent(tx, user.id, "password_reset_requested", who);
    await enqueuePasswordResetEmail(tx, { to: user.email, link: resetLink(token) });
  });
  logSecurity("password_reset.requested", { ip: who.ip, userAgent: who.userAgent, user: user.publicId, sent: true });
}

const LINK_UNUSABLE = errorKey("resetLinkUnusable");

/** The open reset a token names (for the page's GET: reads only), or null. */
export async function findOpenReset(db: DbOrTx, token: string, at = clockNow()): Promise<{ email: string } | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({ email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
    .limit(1);
  return row ?? null;
}

/**
 * Sets the new password from a reset link (POST only; GET shows the form). The link is spent with a
 * compare-and-set in the same transaction that changes the password, bumps the session version (every
 * session of the user ends), spends the user's other open links, records the event and queues
 * "Your password was changed". The user then signs in with the new password (and their second factor).
 */
export async function resetPassword(db: Db, raw: unknown, who: Who, at = clockNow()): Promise<{ email: string }> {
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) {
    const bad = parsed.error.issues.some((i) => i.path[0] === "token");
    if (bad) throw new AppError("expired", LINK_UNUSABLE);
    throw new AppError("invalid", v("newPasswordRequired"), { password: v("newPasswordRequired") });
  }
  const { token, password } = parsed.data;
  // Both counted on every attempt: one statement.
  const [perIp, perLink] = await hitRateLimits(db, [
    { key: `reset:ip:${who.ip}`, limit: RESET_REQUESTS_PER_IP, windowSeconds: HOUR },
    { key: `reset:token:${hashToken(token)}`, limit: 10, windowSeconds: HOUR },
  ]);
  if (!perIp.allowed || !perLink.allowed) {
    logSecurity("password_reset.rate_limited", { ip: who.ip });
    throw new AppError("rate_limited", errorKey("tooManyAttemptsHour"));
  }
  const open = await findOpenReset(db, token, at);
  if (!open) throw new AppError("expired", LINK_UNUSABLE);
  const problem = passwordProblem(password, open.email);
  if (problem) throw new AppError("invalid", problem, { password: problem });
  const passwordHash = await hashPassword(password);

  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
      .returning({ userId: passwordResets.userId });
    if (!spent) throw new AppError("expired", LINK_UNUSABLE);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: at })
      .where(eq(users.id, spent.userId))
      .returning({ id: users.id, email: users.email, publicId: users.publicId });
    await tx
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await recordUserSecurityEvent(tx, user.id, "password_reset", who);
    await enqueuePasswordChangedEmail(tx, { to: user.email, how: "reset" });
    logSecurity("password_reset.done", { ip: who.ip, userAgent: who.userAgent, user: user.publicId });
    return { email: user.email };
  });
}
