import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contractFollowUps, outbox } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { CANCELLED_PREFIX } from "@/lib/email/cancel-invitations";

/**
 * (Re-)starts a contract's follow-up schedule from now: at creation, when its link is emailed again, and
 * when the link is regenerated (a new round: new slot keys). The scheduler looks at it on its next run.
 * `remindersEnabled` is set only at creation (the wizard's and Create Partner's "Send reminders").
 */
export async function armFollowUp(tx: DbOrTx, contractId: string, opts: { remindersEnabled?: boolean } = {}): Promise<void> {
  const at = clockNow();
  await tx
    .insert(contractFollowUps)
    .values({ contractId, armedAt: at, nextCheckAt: at, remindersEnabled: opts.remindersEnabled ?? true })
    .onConflictDoUpdate({
      target: contractFollowUps.contractId,
      set: { armedAt: at, nextCheckAt: at, round: sql`${contractFollowUps.round} + 1` },
    });
}

/** After Extend expiry: the schedule keeps its start, but the expiry notices are planned again. */
export async function recheckFollowUp(tx: DbOrTx, contractId: string): Promise<void> {
  const at = clockNow();
  await tx
    .insert(contractFollowUps)
    .values({ contractId, armedAt: at, nextCheckAt: at })
    .onConflictDoUpdate({ target: contractFollowUps.contractId, set: { nextCheckAt: at } });
}

/** The follow-up mail that carries (or is about) the link: withdrawn with it when the link is regenerated. */
export const LINK_MAIL_KINDS = ["reminder", "link_expiry_notice", "link_expiry_staff_notice", "link_expired_notice"] as const;

/**
 * Withdraws the contract's follow-up mail not yet claimed by a sender (History shows each as cancelled,
 * like withdrawn invitations: a failed row with a `Cancelled:` reason the sender never takes again).
 */
export async function cancelPendingFollowUps(tx: DbOrTx, contractId: string, reason: string): Promise<number> {
  const rows = await tx
    .update(outbox)
    .set({ status: "failed", lastError: `${CANCELLED_PREFIX}${reason}` })
    .where(and(eq(outbox.contractId, contractId), inArray(outbox.kind, [...LINK_MAIL_KINDS]), eq(outbox.status, "pending")))
    .returning({ id: outbox.id });
  return rows.length;
}
