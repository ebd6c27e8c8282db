import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRows, type RowOf } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import type { AuditEntry } from "@/lib/audit/catalogue";
import { CANCELLED_PREFIX } from "@/lib/email/cancel-invitations";
import { publicIdPattern } from "@/lib/ids";
import type { DetailsMode } from "./get-contract-details";

export type HistoryEntry =
  ({ source: "event" } & AuditEntry) | { source: "mail"; at: Date; kind: string; to: string; status: MailStatus; lastError: string | null };

/** "cancelled" is a failed row withdrawn on purpose (its link died), told apart by its `Cancelled:` reason. */
type MailStatus = "pending" | "sending" | "sent" | "failed" | "cancelled";

const columns = {
  source: col.oneOf<HistoryEntry["source"]>(),
  at: col.date,
  type: col.text,
  userName: col.textOrNull,
  data: col.json<Record<string, unknown> | null>(),
  toAddress: col.textOrNull,
  status: col.textOrNull,
  lastError: col.textOrNull,
};
type Row = RowOf<typeof columns>;

/**
 * Every event of the contract, and (issuer only) the mail queued for it so a failed delivery shows,
 * newest first, in one query. The contract is looked up with the caller's scope, so another
 * tenant's contract yields an empty history.
 */
export async function listContractHistory(db: DbOrTx, viewer: Viewer, publicId: string, mode: DetailsMode): Promise<HistoryEntry[]> {
  // Not a contract ID (a hand-typed URL, a NUL byte PostgreSQL would reject): no query, no history, like a missing one.
  if (!publicIdPattern.contract.test(publicId)) return [];
  const scope = mode === "issuer" ? sql`issuer_account_id = ${viewer.accountId}` : sql`owner_account_id = ${viewer.accountId}`;
  const mail =
    mode === "issuer"
      ? sql`union all
        select 'mail', o.created_at, o.kind, null, null, o.to_address, o.status, o.last_error, null
        from outbox o where o.contract_id = (select id from target)`
      : sql``;
  const rows = await queryRows(
    db,
    sql`
      with target as (select id from contracts where public_id = ${publicId} and ${scope})
      select * from (
        select 'event' as source, e.occurred_at as at, e.type, u.full_name as user_name, e.data,
               null as to_address, null as status, null as last_error, e.id as seq
        from events e left join users u on u.id = e.user_id
        where e.subject_id = (select id from target)
        ${mail}
      ) h order by at desc, seq desc nulls last`,
    columns,
  );
  return rows.map(({ source, at, type, userName, data, ...mail }): HistoryEntry => {
    if (source === "mail") return mailEntry(mail, at, type);
    return { source, at, type, userName, data: data ?? {} };
  });
}

function mailEntry(r: Pick<Row, "toAddress" | "status" | "lastError">, at: Date, kind: string): HistoryEntry {
  const base = { source: "mail" as const, at, kind, to: r.toAddress ?? "" };
  if (r.status === "failed" && r.lastError?.startsWith(CANCELLED_PREFIX)) {
    return { ...base, status: "cancelled", lastError: r.lastError.slice(CANCELLED_PREFIX.length) };
  }
  return { ...base, status: r.status as MailStatus, lastError: r.lastError };
}
