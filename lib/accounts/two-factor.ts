import { errorKey, v } from "@/lib/message-keys";
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accountSecurity, recoveryCodes, users, userTwoFactor } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { authSecret } from "@/lib/env";
import { derivedKey } from "@/lib/security/derived-key";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { verifyPassword } from "@/lib/security/passwords";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { decryptTotpSecret, encryptTotpSecret, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from "@/lib/security/totp";
import { recordSignIn } from "@/lib/security/events";
import { recordSignInFailure, throttleSignIn } from "./authenticate";
import { confirmTwoFactorSchema, disableTwoFactorSchema, recoveryCodeSchema, signInCodeSchema, totpCodeSchema } from "./security-schemas";
import { recordUserSecurityEvent } from "./user-security-event";
import type { Viewer } from "./viewer";

type Who = { ip: string | null; userAgent: string | null };

export const hashRecoveryCode = (code: string): string =>
  createHash("sha256")
    .update(code.replace(/[\s-]+/g, "").toLowerCase())
    .digest("hex");

// ---------------------------------------------------------------- status and enrolment (Your profile)

export type TwoFactorStatus =
  { state: "off" } | { state: "pending"; secret: string; uri: string } | { state: "on"; enabledAt: Date; recoveryCodesLeft: number };

export async function twoFactorStatus(db: DbOrTx, viewer: Pick<Viewer, "userId" | "email">): Promise<TwoFactorStatus> {
  const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, viewer.userId)).limit(1);
  if (!row) return { state: "off" };
  if (!row.enabledAt) {
    const secret = decryptTotpSecret(row.secretCiphertext);
    return { state: "pending", secret, uri: totpUri(secret, viewer.email) };
  }
  const left = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, viewer.userId), isNull(recoveryCodes.usedAt)));
  return { state: "on", enabledAt: row.enabledAt, recoveryCodesLeft: left.length };
}

/** Starts (or restarts) enrolment: a fresh secret, encrypted, not yet enabled. Refused while 2FA is on. */
export async function startTwoFactorSetup(db: Db, viewer: Viewer): Promise<void> {
  const secretCiphertext = encryptTotpSecret(newTotpSecret());
  const rows = await db
    .insert(userTwoFactor)
    .values({ userId: viewer.userId, secretCiphertext })
    .onConflictDoUpdate({ target: userTwoFactor.userId, set: { secretCiphertext, lastStep: 0 }, setWhere: isNull(userTwoFactor.enabledAt) })
    .returning({ userId: userTwoFactor.userId });
  if (rows.length === 0) throw new AppError("conflict", errorKey("twoFactorAlreadyOn"));
}

/** Leaves enrolment before confirming (nothing was enabled). */
export async function cancelTwoFactorSetup(db: Db, viewer: Viewer): Promise<void> {
  await db.delete(userTwoFactor).where(and(eq(userTwoFactor.userId, viewer.userId), isNull(userTwoFactor.enabledAt)));
}

/**
 * Confirms enrolment with a code from the app: turns two-factor on (compare-and-set on "not enabled"), and
 * returns ten fresh recovery codes, shown once; only their sha-256 is kept.
 */
export async function confirmTwoFactor(db: Db, viewer: Viewer, raw: unknown, at = clockNow()): Promise<{ recoveryCodes: string[] }> {
  const parsed = confirmTwoFactorSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError("invalid", v("totpCodeRequired"), {
      code: v("totpCodeRequired"),
    });
  const limit = await hitRateLimit(db, `2fa:confirm:${viewer.userId}`, 10, 15 * 60);
  if (!limit.allowed) throw new AppError("rate_limited", errorKey("tooManyAttempts15"));
  const [row] = await db
    .select()
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, viewer.userId), isNull(userTwoFactor.enabledAt)))
    .limit(1);
  if (!row) throw new AppError("conflict", errorKey("setupRestartCancelled"));
  const step = totpStep(decryptTotpSecret(row.secretCiphertext), parsed.data.code, at);
  if (step === null) {
    const wrong = errorKey("codeWrongClock");
    throw new AppError("invalid", wrong, { code: wrong });
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    const [on] = await tx
      .update(userTwoFactor)
      .set({ enabledAt: at, lastStep: step })
      .where(
        and(
          eq(userTwoFactor.userId, viewer.userId),
          isNull(userTwoFactor.enabledAt),
          eq(userTwoFactor.secretCiphertext, row.secretCiphertext),
        ),
      )
      .returning({ userId: userTwoFactor.userId });
    if (!on) throw new AppError("conflict", errorKey("setupRestartRestarted"));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, viewer.userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: viewer.userId, codeHash: hashRecoveryCode(c) })));
    await recordUserSecurityEvent(tx, viewer.userId, "two_factor_enabled", viewer);
  });
  logSecurity("two_factor.enabled", { user: viewer.userPublicId, ip: viewer.ip, userAgent: viewer.userAgent });
  return { recoveryCodes: codes };
}

/** Turns two-factor off: needs a current code (not replayed) or the password. Throttled per user. */
export async function disableTwoFactor(db: Db, viewer: Viewer, raw: unknown, at = clockNow()): Promise<void> {
  const parsed = disableTwoFactorSchema.safeParse(raw);
  const ask = v("codeOrPasswordRequired");
  if (!parsed.success) throw new AppError("invalid", ask, { code: ask });
  const limit = await hitRateLimit(db, `2fa:disable:${viewer.userId}`, 10, 15 * 60);
  if (!limit.allowed) throw new AppError("rate_limited", errorKey("tooManyAttempts15"));
  let proven = false;
  if (parsed.data.code.trim()) {
    const code = totpCodeSchema.safeParse(parsed.data.code);
    proven = code.success && (await spendTotp(db, viewer.userId, code.data, at));
  } else {
    const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId));
    proven = Boolean(user) && (await verifyPassword(user.hash, parsed.data.password));
  }
  if (!proven) {
    const wrong = parsed.data.code.trim() ? errorKey("codeWrong") : errorKey("passwordWrong");
    throw new AppError("invalid", wrong, parsed.data.code.trim() ? { code: wrong } : { password: wrong });
  }
  await db.transaction(async (tx) => {
    const gone = await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, viewer.userId)).returning({ userId: userTwoFactor.userId });
    if (gone.length === 0) throw new AppError("conflict", errorKey("twoFactorAlreadyOff"));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, viewer.userId));
    await recordUserSecurityEvent(tx, viewer.userId, "two_factor_disabled", viewer);
  });
  logSecurity("two_factor.disabled", { user: viewer.userPublicId, ip: viewer.ip, userAgent: viewer.userAgent });
}

// ---------------------------------------------------------------- codes

/**
 * Accepts a TOTP code once: its time step must be after the last accepted one (compare-and-set), so a code
 * seen over someone's shoulder cannot be used again within its 30–90 second window.
 */
async function spendTotp(db: DbOrTx, userId: string, code: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select()
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt)))
    .limit(1);
  if (!row) return false;
  const step = totpStep(decryptTotpSecret(row.secretCiphertext), code, at);
  if (step === null) return false;
  const spent = await db
    .update(userTwoFactor)
    .set({ lastStep: step })
    .where(and(eq(userTwoFactor.userId, userId), lt(userTwoFactor.lastStep, step)))
    .returning({ userId: userTwoFactor.userId });
  return spent.length === 1;
}

/** Spends one unused recovery code (compare-and-set on used_at), recording the event. */
async function spendRecoveryCode(db: Db, userId: string, code: string, who: Who, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(recoveryCodes)
      .set({ usedAt: at })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (spent.length === 0) return false;
    const left = await tx
      .select({ id: recoveryCodes.id })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    await recordUserSecurityEvent(tx, userId, "recovery_code_used", who, { left: left.length });
    return true;
  });
}

// ---------------------------------------------------------------- the sign-in's second step

const TICKET_SECONDS = 5 * 60;

function ticketMac(body: string): Buffer {
  return createHmac("sha256", derivedKey(authSecret(), "two-factor-pending-v1")).update(body).digest();
}

/**
 * After a correct password for a user with two-factor on: a signed "pending" ticket (user, session
 * version, five minutes), carried by the code form. It proves the password step only; a changed password
 * (new session version) voids it.
 */
export function issuePendingTicket(user: { id: string; sessionVersion: number }, at = clockNow()): string {
  const body = Buffer.from(
    JSON.stringify({ uid: user.id, sv: user.sessionVersion, exp: Math.floor(at.getTime() / 1000) + TICKET_SECONDS }),
  ).toString("base64url");
  return `${body}.${ticketMac(body).toString("base64url")}`;
}

async function userForPendingTicket(db: DbOrTx, ticket: string, at: Date) {
  const [body, signature] = ticket.split(".");
  if (!body || !signature) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = ticketMac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: { uid?: unknown; sv?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof claims.uid !== "string" || typeof claims.exp !== "number" || claims.exp * 1000 <= at.getTime()) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, publicId: users.publicId, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, claims.uid))
    .limit(1);
  return user && user.sessionVersion === claims.sv ? user : null;
}

export const TICKET_EXPIRED = errorKey("signInTicketExpired");

/**
 * The second step: the pending ticket and a 6-digit code (or a recovery code). Throttled exactly like the
 * password, with the same counters (per IP, per email and IP, and the per-email back-off). Returns the
 * user to sign in.
 */
export async function completeTwoFactorSignIn(
  db: Db,
  raw: unknown,
  who: { ip: string; userAgent: string },
  at = clockNow(),
): Promise<{ id: string; email: string }> {
  const parsed = signInCodeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("expired", TICKET_EXPIRED);
  const user = await userForPendingTicket(db, parsed.data.ticket, at);
  if (!user) throw new AppError("expired", TICKET_EXPIRED);
  const email = user.email.toLowerCase();
  const log = { email, ip: who.ip, userAgent: who.userAgent };
  if (!(await throttleSignIn(db, email, who.ip, log))) {
    throw new AppError("rate_limited", errorKey("tooManySignIns15"));
  }
  // One field takes either: six digits are an app code, anything else a recovery code.
  const recovery =
    parsed.data.method === "recovery" || (parsed.data.method === "auto" && !/^\d{6}$/.test(parsed.data.code.replace(/\s+/g, "")));
  let ok = false;
  if (recovery) {
    const code = recoveryCodeSchema.safeParse(parsed.data.code);
    ok = code.success && (await spendRecoveryCode(db, user.id, code.data, who, at));
  } else {
    const code = totpCodeSchema.safeParse(parsed.data.code);
    ok = code.success && (await spendTotp(db, user.id, code.data, at));
  }
  if (!ok) {
    await recordSignInFailure(db, email, who.ip);
    logSecurity("signin.two_factor_failure", { ...log, user: user.publicId });
    const wrong = recovery ? errorKey("recoveryCodeWrong") : errorKey("codeWrongOrUsed");
    throw new AppError("invalid", wrong, { code: wrong });
  }
  logSecurity("signin.success", { ...log, user: user.publicId, secondFactor: recovery ? "recovery_code" : "totp" });
  await recordSignIn(db, user.id, who);
  return { id: user.id, email: user.email };
}

// ---------------------------------------------------------------- the account's policy

export async function accountRequiresTwoFactor(db: DbOrTx, accountId: string): Promise<boolean> {
  const [row] = await db.select().from(accountSecurity).where(eq(accountSecurity.accountId, accountId)).limit(1);
  return row?.requireTwoFactor ?? false;
}

/** Owners and Admins: require two-factor sign-in of every user of the account (or stop requiring it). */
export async function setRequireTwoFactor(db: Db, viewer: Viewer, input: { require: boolean }): Promise<{ require: boolean }> {
  await db
    .insert(accountSecurity)
    .values({ accountId: viewer.accountId, requireTwoFactor: input.require })
    .onConflictDoUpdate({ target: accountSecurity.accountId, set: { requireTwoFactor: input.require, updatedAt: new Date() } });
  logSecurity("account.require_two_factor", { account: viewer.accountPublicId, user: viewer.userPublicId, require: input.require });
  return { require: input.require };
}

/** Whether the user signs in with a second factor (then no path may sign them in on the password alone). */
export async function hasTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTwoFactor.userId })
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt)))
    .limit(1);
  return Boolean(row);
}
