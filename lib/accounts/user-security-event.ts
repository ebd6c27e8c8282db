import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordSecurityEvent, type SecurityEventKind } from "@/lib/security/events";

/**
 * A change to a user's own credentials concerns every account they belong to: one security event per
 * account, so each account's Owners and Admins see it (one without an account when they have none).
 */
export async function recordUserSecurityEvent(
  db: DbOrTx,
  userId: string,
  kind: SecurityEventKind,
  who: { ip: string | null; userAgent: string | null },
  detail?: Record<string, unknown>,
): Promise<void> {
  const rows = await db.select({ accountId: memberships.accountId }).from(memberships).where(eq(memberships.userId, userId));
  const accountIds = rows.length ? rows.map((r) => r.accountId) : [null];
  for (const accountId of accountIds)
    await recordSecurityEvent(db, { accountId, userId, kind, ip: who.ip, userAgent: who.userAgent, detail });
}
