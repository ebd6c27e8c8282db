import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import { publicIdPattern } from "@/lib/ids";

export type FollowUpInfo = {
  remindersEnabled: boolean;
  remindersSent: number;
  firstOpenedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  lastOpenIp: string | null;
  lastOpenUserAgent: string | null;
};

export const followUpColumns = {
  remindersEnabled: col.bool,
  firstOpenedAt: col.dateOrNull,
  lastOpenedAt: col.dateOrNull,
  openCount: col.int,
  lastOpenIp: col.textOrNull,
  lastOpenUserAgent: col.textOrNull,
  remindersSent: col.int,
};

/** The follow-up columns of the contract `c` (joined as `f`); also folded into the details page's statement. */
export const followUpSelect = sql`
  coalesce(f.reminders_enabled, true) as reminders_enabled, f.first_opened_at, f.last_opened_at,
  coalesce(f.open_count, 0) as open_count, f.last_open_ip, f.last_open_user_agent,
  (select count(*) from outbox o where o.contract_id = c.id and o.kind = 'reminder' and o.status = 'sent') as reminders_sent`;

/** The issuer's view of a contract's follow-up (Opened, reminders); null for another tenant's or a missing contract. */
export async function getFollowUp(db: DbOrTx, viewer: Viewer, publicId: string): Promise<FollowUpInfo | null> {
  if (!publicIdPattern.contract.test(publicId)) return null;
  const row = await queryRow(
    db,
    sql`
      select ${followUpSelect}
      from contracts c left join contract_follow_ups f on f.contract_id = c.id
      where c.public_id = ${publicId} and c.issuer_account_id = ${viewer.accountId}`,
    followUpColumns,
  );
  return row ?? null;
}
