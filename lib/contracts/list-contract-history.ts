import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { CANCELLED_PREFIX } from "@/lib/email/cancel-invitations";
import { publicIdPattern } from "@/lib/ids";
import { rowsOf } from "@/lib/security/rate-limit";
import type { DetailsMode } from "./get-contract-details";

export type HistoryEntry =
  | { source: "event"; at: Date; type: string; userName: string | null; data: Record<string, unknown> }
  | { source: "mail"; at: Date; kind: string; to: string; status: MailStatus; lastError: string | null };

/** "cancelled" is a failed row withdrawn on purpose (its link died), told apart by its `Cancelled:` reason. */
type MailStatus = "pending" | "sending" | "sent" | "failed" | "cancelled";

type Row = { source: "event" | "mail"; at: string | Date; type: string; user_name: string | null; data: unknown; to_address: string | null; status: string | null; last_error: string | null };

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
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with target as (select id from contracts where public_id = ${publicId} and ${scope})
      select * from (
        select 'event' as source, e.occurred_at as at, e.type, u.full_name as user_name, e.data,
               null as to_address, null as status, null as last_error, e.id as seq
        from events e left join users u on u.id = e.user_id
        where e.subject_id = (select id from target)
        ${mail}
      ) h order by at desc, seq desc nulls last`),
  );
  return rows.map((r): HistoryEntry => {
    const at = new Date(r.at);
    if (r.source === "mail") return mailEntry(r, at);
    const data = typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : ((r.data ?? {}) as Record<string, unknown>);
    return { source: "event", at, type: r.type, userName: r.user_name, data };
  });
}

function mailEntry(r: Row, at: Date): HistoryEntry {
  const base = { source: "mail" as const, at, kind: r.type, to: r.to_address ?? "" };
  if (r.status === "failed" && r.last_error?.startsWith(CANCELLED_PREFIX)) {
    return { ...base, status: "cancelled", lastError: r.last_error.slice(CANCELLED_PREFIX.length) };
  }
  return { ...base, status: r.status as MailStatus, lastError: r.last_error };
}
