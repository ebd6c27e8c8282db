import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, userTwoFactor } from "@/db/schema";
import { logSecurity } from "@/lib/log";
import { recordSecurityEvent, recordSignIn } from "@/lib/security/events";
import { clock, EMAIL_BACKOFF_WINDOW_SECONDS, emailBackoffMs } from "@/lib/security/backoff";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "@/lib/security/passwords";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/security/rate-limit";

export const SIGNIN_FAILURES_BEFORE_LOCK = 5;
export const SIGNIN_LOCK_SECONDS = 15 * 60;
export const SIGNIN_DAILY_IP_CAP = 300;

type Result =
  | { status: "ok"; user: { id: string; email: string; fullName: string; sessionVersion: number; twoFactor: boolean } }
  | { status: "invalid" }
  | { status: "rate_limited" };

/**
 * Checks email and password. Throttled before any hashing: per (email, IP) failures lock for a while,
 * each IP has a daily cap, and failures on one email from any address slow every attempt on it without
 * ever refusing (lib/security/backoff.ts). Unknown email and wrong password cost the same argon2
 * verification, and the same back-off.
 */
export async function authenticate(db: Db, input: { email: string; password: string; ip: string; userAgent: string }): Promise<Result> {
  const email = input.email.trim().toLowerCase();
  const log = { email, ip: input.ip, userAgent: input.userAgent };
  if (!(await throttleSignIn(db, email, input.ip, log))) return { status: "rate_limited" };

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await recordSignInFailure(db, email, input.ip);
    logSecurity("signin.failure", log);
    // A known user's accounts see the failure on their Security events page (an unknown email: logs only).
    if (user) await recordSecurityEvent(db, { kind: "sign_in_failed", userId: user.id, ip: input.ip, userAgent: input.userAgent });
    return { status: "invalid" };
  }

  await clearRateLimit(db, `signin:fail:${email}:${input.ip}`);
  if (needsRehash(user.passwordHash)) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  const [second] = await db
    .select({ userId: userTwoFactor.userId })
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, user.id), isNotNull(userTwoFactor.enabledAt)));
  logSecurity(second ? "signin.password_ok" : "signin.success", { ...log, user: user.publicId });
  // With two-factor sign-in the sign-in happens once the code is accepted (lib/accounts/two-factor.ts).
  if (!second) await recordSignIn(db, user.id, input);
  return {
    status: "ok",
    user: { id: user.id, email: user.email, fullName: user.fullName, sessionVersion: user.sessionVersion, twoFactor: Boolean(second) },
  };
}

/**
 * The sign-in throttle, shared by the password step and the two-factor code step (one counter for both):
 * each IP has a daily cap, 5 failures per (email, IP) lock for 15 minutes, and failures on one email from
 * anywhere slow every attempt on it (never refuse). False when the attempt is refused.
 */
export async function throttleSignIn(db: Db, email: string, ip: string, log: Record<string, unknown>): Promise<boolean> {
  const ipHit = await hitRateLimit(db, `signin:ip:${ip}`, SIGNIN_DAILY_IP_CAP, 24 * 60 * 60);
  if (!ipHit.allowed || (await peekRateLimit(db, `signin:fail:${email}:${ip}`)) >= SIGNIN_FAILURES_BEFORE_LOCK) {
    logSecurity("signin.locked", log);
    return false;
  }
  const delay = emailBackoffMs(await peekRateLimit(db, `signin:email:${email}`));
  if (delay > 0) {
    logSecurity("signin.slowed", { ...log, delayMs: delay });
    await clock.wait(delay);
  }
  return true;
}

/** One failed attempt (wrong password or wrong code) against the throttle above. */
export async function recordSignInFailure(db: Db, email: string, ip: string): Promise<void> {
  await hitRateLimit(db, `signin:fail:${email}:${ip}`, SIGNIN_FAILURES_BEFORE_LOCK, SIGNIN_LOCK_SECONDS);
  await hitRateLimit(db, `signin:email:${email}`, Number.MAX_SAFE_INTEGER, EMAIL_BACKOFF_WINDOW_SECONDS);
}
