import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import { followUpSends } from "@/db/schema";
import { decryptToken } from "@/lib/security/tokens";
import { enqueueExpirySoonToSignee, enqueueLinkNoticeToStaff, enqueueReminder, type FollowUpFacts } from "./messages";
import { planFollowUp, type FollowUpSlot } from "./schedule";
import { DEFAULT_REMINDER_POLICY } from "./schemas";

const BATCH = 200;

const columns = {
  contractId: col.text,
  publicId: col.text,
  status: col.text,
  kind: col.text,
  issuerAccountId: col.text,
  distributorName: col.text,
  distributorPublicId: col.text,
  agreementName: col.text,
  signeeEmail: col.textOrNull,
  signeeLocale: col.text,
  linkExpiresAt: col.date,
  tokenHash: col.textOrNull,
  tokenCiphertext: col.textOrNull,
  remindersEnabled: col.bool,
  armedAt: col.date,
  round: col.int,
  policyEnabled: col.bool,
  firstAfterDays: col.int,
  everyDays: col.int,
  maxReminders: col.int,
};

/**
 * The follow-up job (registered in ./job.ts): claims contracts whose next check is due at `now`
 * (FOR UPDATE SKIP LOCKED, so two instances take different rows), queues what is due for each
 * (reminders, "expires soon", "expired") in the same transaction as a row in follow_up_sends whose key
 * names the slot, and moves each contract's next check. A slot whose key exists is skipped, so a second
 * instance, a re-run after a crash before commit, or a late run never queues it twice; once queued, the
 * outbox delivers it (its own leases cover a crash between claim and send). Returns the messages queued.
 */
export async function runFollowUps(db: Db, now: Date, batch = BATCH): Promise<number> {
  let queued = 0;
  for (let i = 0; i < 50; i++) {
    const { claimed, queued: q } = await db.transaction((tx) => runBatch(tx, now, batch));
    queued += q;
    if (claimed < batch) break;
  }
  return queued;
}

async function runBatch(tx: Tx, now: Date, batch: number): Promise<{ claimed: number; queued: number }> {
  const rows = await queryRows(
    tx,
    sql`
      select f.contract_id, c.public_id, c.status, c.kind, c.issuer_account_id, a.name as distributor_name,
             a.public_id as distributor_public_id, ag.name as agreement_name, c.signee_email, c.signee_locale, c.link_expires_at,
             c.token_hash, c.token_ciphertext, f.reminders_enabled, f.armed_at, f.round,
             coalesce(p.enabled, ${DEFAULT_REMINDER_POLICY.enabled}) as policy_enabled,
             coalesce(p.first_after_days, ${DEFAULT_REMINDER_POLICY.firstAfterDays}) as first_after_days,
             coalesce(p.every_days, ${DEFAULT_REMINDER_POLICY.everyDays}) as every_days,
             coalesce(p.max_reminders, ${DEFAULT_REMINDER_POLICY.maxReminders}) as max_reminders
      from contract_follow_ups f
      join contracts c on c.id = f.contract_id
      join accounts a on a.id = c.issuer_account_id
      join agreements ag on ag.id = c.agreement_id
      left join reminder_policies p on p.account_id = c.issuer_account_id
      where f.next_check_at is not null and f.next_check_at <= ${now.toISOString()}::timestamptz
      order by f.next_check_at
      limit ${batch}
      for update of f skip locked`,
    columns,
  );
  let queued = 0;
  for (const r of rows) {
    const plan = planFollowUp(
      {
        contractId: r.contractId,
        status: r.status,
        hasSigneeEmail: !!r.signeeEmail,
        remindersEnabled: r.remindersEnabled,
        armedAt: r.armedAt,
        round: r.round,
        linkKey: (r.tokenHash ?? "none").slice(0, 16),
        linkExpiresAt: r.linkExpiresAt,
      },
      { enabled: r.policyEnabled, firstAfterDays: r.firstAfterDays, everyDays: r.everyDays, maxReminders: r.maxReminders },
      now,
    );
    const token = r.tokenCiphertext ? decryptToken(r.tokenCiphertext) : null;
    for (const slot of plan.due) {
      if (await claimSlot(tx, r.contractId, slot)) queued += await queueSlot(tx, r, slot, token);
    }
    await tx.execute(
      sql`update contract_follow_ups set next_check_at = ${plan.nextCheckAt?.toISOString() ?? null}::timestamptz where contract_id = ${r.contractId}`,
    );
  }
  return { claimed: rows.length, queued };
}

/** Inserts the slot's key; false when another run already queued it. */
async function claimSlot(tx: Tx, contractId: string, slot: FollowUpSlot): Promise<boolean> {
  const inserted = await tx
    .insert(followUpSends)
    .values({ key: slot.key, contractId, kind: slot.kind })
    .onConflictDoNothing({ target: followUpSends.key })
    .returning({ key: followUpSends.key });
  return inserted.length > 0;
}

async function queueSlot(tx: Tx, facts: FollowUpFacts, slot: FollowUpSlot, token: string | null): Promise<number> {
  switch (slot.kind) {
    case "reminder":
      if (!token) return 0;
      await enqueueReminder(tx, facts, token, slot.number);
      return 1;
    case "expiry_soon":
      if (token) await enqueueExpirySoonToSignee(tx, facts, token);
      await enqueueLinkNoticeToStaff(tx, facts, "expiry_soon");
      return 1;
    case "link_expired":
      await enqueueLinkNoticeToStaff(tx, facts, "link_expired");
      return 1;
  }
}
