import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { now } from "@/lib/clock";
import { webhookTypeOfAuditEvent } from "./events";

/**
 * Called by recordEvent for every audit event, inside the business transaction: queues one delivery per
 * enabled endpoint of the account concerned (a contract's issuer, an agreement's owner) that subscribed to
 * the event's webhook type. A rolled-back change therefore sends nothing. The body is fixed here, so
 * retries and redeliveries carry the same event ID and bytes.
 */
export async function enqueueWebhooks(
  db: DbOrTx,
  e: { eventRowId: number; type: string; subjectId: string; subjectPublicId: string; data: Record<string, unknown> },
): Promise<void> {
  const type = webhookTypeOfAuditEvent[e.type];
  if (!type) return;
  const contract = type.startsWith("contract.");
  const eventId = `evt_${e.eventRowId}`;
  const body = JSON.stringify({
    id: eventId,
    type,
    createdAt: now().toISOString(),
    data: { ...(contract ? { contract: e.subjectPublicId } : { agreement: e.subjectPublicId }), ...e.data },
  });
  const account = contract
    ? sql`(select issuer_account_id from contracts where id = ${e.subjectId})`
    : sql`(select owner_account_id from agreements where id = ${e.subjectId})`;
  await db.execute(sql`
    insert into webhook_deliveries (endpoint_id, event_id, event_type, body)
    select w.id, ${eventId}, ${type}, ${body} from webhook_endpoints w
    where w.account_id = ${account} and w.disabled_at is null and ${type} = any(w.event_types)`);
}
