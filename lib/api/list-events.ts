import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";

export const listEventsSchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .catch(undefined)
    .meta({ description: "The `nextCursor` of the previous call; omit it to read from the beginning." }),
  limit: z.coerce.number().int().min(1).max(500).default(100).catch(100),
});

export type ApiEvent = { id: string; type: string; occurredAt: Date; contract: string; data: Record<string, unknown> };

/**
 * The events of the account's own contracts (as issuer) after a cursor, oldest first: what a system
 * polling the API reads to follow every change (the History tab's events, in the order they happened).
 * The same permission as the Contracts tab.
 */
export async function listContractEvents(
  db: DbOrTx,
  viewer: Viewer,
  input: z.input<typeof listEventsSchema>,
): Promise<{ data: ApiEvent[]; nextCursor: string }> {
  assertMayManageContracts(viewer);
  const p = listEventsSchema.parse(input);
  const after = p.after ?? "0";
  // Deleted contracts keep their events (no FK), so the issuer is read from each contract's "created" event.
  const rows = await queryRows(
    db,
    sql`
      select e.id::text as id, e.type, e.occurred_at, e.subject_public_id as contract, e.data
      from events e
      where e.subject_type = 'contract' and e.id > ${after}::bigint
        and exists (select 1 from events c0 where c0.subject_id = e.subject_id and c0.type = 'contract.created'
                    and c0.account_id = ${viewer.accountId})
      order by e.id
      limit ${p.limit}`,
    { id: col.text, type: col.text, occurredAt: col.date, contract: col.text, data: col.json<Record<string, unknown>>() },
  );
  return { data: rows, nextCursor: rows.length ? rows[rows.length - 1].id : after };
}
