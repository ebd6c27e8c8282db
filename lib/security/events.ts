import "server-only";
import type { DbOrTx } from "@/db/client";
import { securityEvents } from "@/db/schema";

// STAND-IN: branch h17a owns this module (and the Security events page); same signature, same table.
export type SecurityEventKind =
  "password_changed" | "password_reset_requested" | "password_reset" | "two_factor_enabled" | "two_factor_disabled" | "recovery_code_used";

/** One row in the account's security events (call it inside the transaction of the change it records). */
export async function recordSecurityEvent(
  db: DbOrTx,
  e: {
    accountId?: string | null;
    userId: string | null;
    kind: SecurityEventKind;
    ip: string | null;
    userAgent: string | null;
    detail?: Record<string, unknown> | null;
  },
): Promise<void> {
  await db.insert(securityEvents).values({
    accountId: e.accountId ?? null,
    userId: e.userId,
    kind: e.kind,
    ip: e.ip,
    userAgent: e.userAgent,
    detail: e.detail ?? null,
  });
}
