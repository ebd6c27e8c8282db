import "server-only";
import type { DbOrTx } from "@/db/client";
import { recordSecurityEvent, type SecurityEventKind } from "@/lib/security/events";

/**
 * A change to a user's own credentials concerns every account they belong to: recordSecurityEvent without
 * an account writes one row per membership, so each account's Owners and Admins see it.
 */
export async function recordUserSecurityEvent(
  db: DbOrTx,
  userId: string,
  kind: SecurityEventKind,
  who: { ip: string | null; userAgent: string | null },
  detail?: Record<string, string | number | boolean | null>,
): Promise<void> {
  await recordSecurityEvent(db, { userId, kind, ip: who.ip, userAgent: who.userAgent, detail });
}
