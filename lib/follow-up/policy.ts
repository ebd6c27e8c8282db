import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { reminderPolicies } from "@/db/schema";
import { requireManager } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { now as clockNow } from "@/lib/clock";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { DEFAULT_REMINDER_POLICY, reminderPolicySchema, type ReminderPolicy } from "./schemas";

/** The account's reminder policy, or the defaults (on, 3 / 4 / 3) when it never saved one. */
export async function getReminderPolicy(db: DbOrTx, accountId: string): Promise<ReminderPolicy> {
  const [row] = await db
    .select({
      enabled: reminderPolicies.enabled,
      firstAfterDays: reminderPolicies.firstAfterDays,
      everyDays: reminderPolicies.everyDays,
      maxReminders: reminderPolicies.maxReminders,
    })
    .from(reminderPolicies)
    .where(eq(reminderPolicies.accountId, accountId))
    .limit(1);
  return row ?? { ...DEFAULT_REMINDER_POLICY };
}

/**
 * Settings → Reminders → Save (Owners and Admins). The account's pending contracts are looked at again by
 * the next scheduler run, so a shorter schedule applies at once and a longer one postpones what was due.
 */
export async function updateReminderPolicy(db: Db, viewer: Viewer, input: unknown): Promise<ReminderPolicy> {
  requireManager(viewer);
  assertMayManageContracts(viewer);
  const policy = parseOrThrow(reminderPolicySchema, input);
  const at = clockNow();
  await db.transaction(async (tx) => {
    await tx
      .insert(reminderPolicies)
      .values({ accountId: viewer.accountId, ...policy, updatedAt: at })
      .onConflictDoUpdate({ target: reminderPolicies.accountId, set: { ...policy, updatedAt: at } });
    await tx.execute(sql`
      update contract_follow_ups f set next_check_at = ${at.toISOString()}::timestamptz
      from contracts c
      where c.id = f.contract_id and c.issuer_account_id = ${viewer.accountId} and c.status = 'pending'
        and (f.next_check_at is null or f.next_check_at > ${at.toISOString()}::timestamptz)`);
  });
  return policy;
}
