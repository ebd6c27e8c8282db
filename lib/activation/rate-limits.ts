import { errorKey } from "@/lib/message-keys";
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { hitRateLimit, hitRateLimits, peekRateLimit } from "@/lib/security/rate-limit";

export const ACTIVATION_LIMIT_PER_TOKEN = 20;
export const ACTIVATION_LIMIT_PER_IP = 100;
const HOUR = 60 * 60;

/**
 * Counts one attempt on an activation link per token (hash) and per IP, in the database so the limit
 * holds across app instances. Call before opening a transaction.
 */
export async function hitActivationLimits(db: Db, tokenHash: string, ip: string): Promise<void> {
  const [perToken, perIp] = await hitRateLimits(db, [
    { key: `activation:token:${tokenHash}`, limit: ACTIVATION_LIMIT_PER_TOKEN, windowSeconds: HOUR },
    { key: `activation:ip:${ip}`, limit: ACTIVATION_LIMIT_PER_IP, windowSeconds: HOUR },
  ]);
  if (!perToken.allowed || !perIp.allowed) {
    logSecurity("activation.rate_limited", { ip });
    throw new AppError("rate_limited", errorKey("activationTooManyAttempts"));
  }
}

/** How many different emails one link may ask "does this email have an account?" about. */
export const EMAIL_PROBES_PER_LINK = 3;

/**
 * Step 1 tells the link's holder whether an email has an account (they need to know: sign in or sign
 * up). So that a link cannot become an oracle for enumerating users, each link may ask about only a few
 * distinct emails over its whole life; asking again about one of them costs nothing.
 */
export async function hitEmailProbeLimit(db: Db, tokenHash: string, email: string, linkExpiresAt: Date): Promise<void> {
  const seenKey = `activation:email:${tokenHash}:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
  const lifetime = Math.max(HOUR, Math.ceil((linkExpiresAt.getTime() - Date.now()) / 1000));
  if ((await peekRateLimit(db, seenKey)) > 0) return;
  // Counted before the email is remembered: two racing new emails both count, never neither.
  const distinct = await hitRateLimit(db, `activation:emails:${tokenHash}`, EMAIL_PROBES_PER_LINK, lifetime);
  if (!distinct.allowed) {
    logSecurity("activation.email_probe_limit", { link: tokenHash.slice(0, 12) });
    throw new AppError("rate_limited", errorKey("emailProbesUsed", { max: EMAIL_PROBES_PER_LINK }), {
      email: errorKey("emailProbesField", { max: EMAIL_PROBES_PER_LINK }),
    });
  }
  await hitRateLimit(db, seenKey, Number.MAX_SAFE_INTEGER, lifetime);
}
