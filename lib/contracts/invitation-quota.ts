import { errorKey } from "@/lib/message-keys";
import "server-only";
import type { Tx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { env } from "@/lib/env";

export const DEFAULT_INVITES_PER_DAY = 200;
const DAY = 24 * 60 * 60;

/** SCP_INVITES_PER_DAY, validated by lib/env.ts (a whole number of at least 1, default 200). */
export function invitesPerDay(): number {
  return env().SCP_INVITES_PER_DAY;
}

/**
 * Counts one invitation of the issuing account (a new activation link, or a link emailed again) in a
 * 24-hour window, refusing past SCP_INVITES_PER_DAY (docs/security-requirements.md 36: the platform's name must not
 * carry unlimited invitations for one account).
 *
 * Unlike the attempt limits, this runs INSIDE the business transaction, on purpose: a refused or
 * rolled-back invitation then uses up nothing, and the counter's row lock serializes one account's
 * concurrent invitations, so the limit is exact. The counter is keyed by account, not by contracts
 * created, so deleting contracts does not give invitations back.
 */
export async function countInvitation(tx: Tx, issuerAccountId: string): Promise<void> {
  const limit = invitesPerDay();
  const hit = await hitRateLimit(tx, `invitations:${issuerAccountId}`, limit, DAY);
  if (hit.allowed) return;
  const at = hit.resetAt.toISOString();
  throw new AppError("rate_limited", errorKey("invitationQuota", { limit, day: at.slice(0, 10), time: at.slice(11, 16) }));
}
