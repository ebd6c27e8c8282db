import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { logSecurity } from "@/lib/log";
import { recordSecurityEvent, recordSignIn } from "@/lib/security/events";
import { clock, EMAIL_BACKOFF_WINDOW_SECONDS, emailBackoffMs } from "@/lib/security/backoff";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "@/lib/security/passwords";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/security/rate-limit";

export const SIGNIN_FAILURES_BEFORE_LOCK = 5;
export const SIGNIN_LOCK_SECONDS = 15 * 60;
export const SIGNIN_DAILY_IP_CAP = 300;

type Result =
  | { status: "ok"; user: { id: string; email: string; fullName: string; sessionVersion: number } }
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
  const pairKey = `signin:fail:${email}:${input.ip}`;
  const emailKey = `signin:email:${email}`;
  const log = { email, ip: input.ip, userAgent: input.userAgent };

  const ipHit = await hitRateLimit(db, `signin:ip:${input.ip}`, SIGNIN_DAILY_IP_CAP, 24 * 60 * 60);
  if (!ipHit.allowed || (await peekRateLimit(db, pairKey)) >= SIGNIN_FAILURES_BEFORE_LOCK) {
    logSecurity("signin.locked", log);
    return { status: "rate_limited" };
  }

  const delay = emailBackoffMs(await peekRateLimit(db, emailKey));
  if (delay > 0) {
    logSecurity("signin.slowed", { ...log, delayMs: delay });
    await clock.wait(delay);
  }

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await hitRateLimit(db, pairKey, SIGNIN_FAILURES_BEFORE_LOCK, SIGNIN_LOCK_SECONDS);
    await hitRateLimit(db, emailKey, Number.MAX_SAFE_INTEGER, EMAIL_BACKOFF_WINDOW_SECONDS);
    logSecurity("signin.failure", log);
    // A known user's accounts see the failure on their Security events page (an unknown email: logs only).
    if (user) await recordSecurityEvent(db, { kind: "sign_in_failed", userId: user.id, ip: input.ip, userAgent: input.userAgent });
    return { status: "invalid" };
  }

  await clearRateLimit(db, pairKey);
  if (needsRehash(user.passwordHash)) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  logSecurity("signin.success", { ...log, user: user.publicId });
  await recordSignIn(db, user.id, input);
  return { status: "ok", user: { id: user.id, email: user.email, fullName: user.fullName, sessionVersion: user.sessionVersion } };
}
