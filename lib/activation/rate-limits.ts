import "server-only";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { hitRateLimit } from "@/lib/security/rate-limit";

export const ACTIVATION_LIMIT_PER_TOKEN = 20;
export const ACTIVATION_LIMIT_PER_IP = 100;
const HOUR = 60 * 60;

/**
 * Counts one attempt on an activation link per token (hash) and per IP, in the database so the limit
 * holds across app instances. Call before opening a transaction.
 */
export async function hitActivationLimits(db: Db, tokenHash: string, ip: string): Promise<void> {
  const perToken = await hitRateLimit(db, `activation:token:${tokenHash}`, ACTIVATION_LIMIT_PER_TOKEN, HOUR);
  const perIp = await hitRateLimit(db, `activation:ip:${ip}`, ACTIVATION_LIMIT_PER_IP, HOUR);
  if (!perToken.allowed || !perIp.allowed) {
    logSecurity("activation.rate_limited", { ip });
    throw new AppError("rate_limited", "Too many attempts on this activation link. Please wait an hour and try again.");
  }
}
