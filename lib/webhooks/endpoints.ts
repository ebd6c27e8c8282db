import { errorKey } from "@/lib/message-keys";
import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { requireChange, requireManager } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { resolveWebhookTarget } from "./address";
import { TEST_EVENT_TYPE } from "./events";
import { createWebhookEndpointSchema, webhookDeliveryRefSchema, webhookEndpointRefSchema } from "./schemas";
import { encryptSecret, newWebhookSecret } from "./secret";

export const DELIVERY_LOG_SIZE = 20;

export type WebhookDeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "sending" | "delivered" | "failed";
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastResponse: string | null;
};

export type WebhookEndpointRow = {
  id: string;
  url: string;
  eventTypes: string[];
  createdAt: Date;
  disabledAt: Date | null;
  failingSince: Date | null;
  deliveries: WebhookDeliveryRow[];
};

const manage = (viewer: Viewer) => {
  requireChange(viewer);
  requireManager(viewer);
};
const notFound = () => new AppError("not_found", errorKey("endpointNotFound"));

/** Adds an endpoint after checking its address is public; the signing secret is returned this once only. */
export async function createWebhookEndpoint(db: Db, viewer: Viewer, input: unknown): Promise<{ id: string; secret: string }> {
  manage(viewer);
  const { url, eventTypes } = parseOrThrow(createWebhookEndpointSchema, input);
  const target = await resolveWebhookTarget(url);
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      accountId: viewer.accountId,
      url: target.url.toString(),
      eventTypes,
      secretCiphertext: encryptSecret(secret),
      createdByUserId: viewer.userId,
    })
    .returning({ id: webhookEndpoints.id });
  logSecurity("webhook.endpoint_created", { user: viewer.userPublicId, account: viewer.accountPublicId, host: target.url.host });
  return { id: row.id, secret };
}

export async function deleteWebhookEndpoint(db: Db, viewer: Viewer, input: unknown): Promise<void> {
  manage(viewer);
  const { endpointId } = parseOrThrow(webhookEndpointRefSchema, input);
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.accountId, viewer.accountId)))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw notFound();
}

/** Turns a disabled endpoint back on (its failure streak starts again). */
export async function enableWebhookEndpoint(db: Db, viewer: Viewer, input: unknown): Promise<void> {
  manage(viewer);
  const { endpointId } = parseOrThrow(webhookEndpointRefSchema, input);
  const [row] = await db
    .update(webhookEndpoints)
    .set({ disabledAt: null, failingSince: null })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.accountId, viewer.accountId)))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw notFound();
}

/** The account's endpoints, each with its newest deliveries (the delivery log). */
export async function listWebhookEndpoints(db: DbOrTx, viewer: Viewer): Promise<WebhookEndpointRow[]> {
  requireManager(viewer);
  const endpoints = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      eventTypes: webhookEndpoints.eventTypes,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
      failingSince: webhookEndpoints.failingSince,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.accountId, viewer.accountId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  if (endpoints.length === 0) return [];
  const deliveries = await db.execute(sql`
    select d.id, d.endpoint_id, d.event_id, d.event_type, d.status, d.attempts, d.created_at, d.last_attempt_at,
           d.last_status_code, d.last_response
    from ${webhookEndpoints} w
    cross join lateral (select * from webhook_deliveries x where x.endpoint_id = w.id
                        order by x.created_at desc, x.id desc limit ${DELIVERY_LOG_SIZE}) d
    where w.account_id = ${viewer.accountId}`);
  const { rowsOf } = await import("@/db/query");
  const byEndpoint = new Map<string, WebhookDeliveryRow[]>();
  for (const r of rowsOf<Record<string, unknown>>(deliveries)) {
    const list = byEndpoint.get(r.endpoint_id as string) ?? [];
    list.push({
      id: r.id as string,
      eventId: r.event_id as string,
      eventType: r.event_type as string,
      status: r.status as WebhookDeliveryRow["status"],
      attempts: Number(r.attempts),
      createdAt: new Date(r.created_at as string),
      lastAttemptAt: r.last_attempt_at ? new Date(r.last_attempt_at as string) : null,
      lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
      lastResponse: (r.last_response as string | null) ?? null,
    });
    byEndpoint.set(r.endpoint_id as string, list);
  }
  return endpoints.map((e) => ({ ...e, deliveries: byEndpoint.get(e.id) ?? [] }));
}

/** Send test event: a `webhook.test` delivery to this endpoint, sent by the next run of the sender. */
export async function sendTestEvent(db: Db, viewer: Viewer, input: unknown): Promise<{ eventId: string }> {
  manage(viewer);
  const { endpointId } = parseOrThrow(webhookEndpointRefSchema, input);
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.accountId, viewer.accountId)))
    .limit(1);
  if (!endpoint) throw notFound();
  if (endpoint.disabledAt) throw new AppError("conflict", errorKey("endpointDisabled"));
  const eventId = `evt_test_${randomUUID()}`;
  const body = JSON.stringify({
    id: eventId,
    type: TEST_EVENT_TYPE,
    createdAt: now().toISOString(),
    data: { account: viewer.accountPublicId, message: "A test event sent from Settings → Webhooks." },
  });
  await db.insert(webhookDeliveries).values({ endpointId, eventId, eventType: TEST_EVENT_TYPE, body });
  return { eventId };
}

/** Redeliver: the same event (same ID and body) queued again for the same endpoint. */
export async function redeliverWebhook(db: Db, viewer: Viewer, input: unknown): Promise<{ eventId: string }> {
  manage(viewer);
  const { deliveryId } = parseOrThrow(webhookDeliveryRefSchema, input);
  const [found] = await db
    .select({
      endpointId: webhookDeliveries.endpointId,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      body: webhookDeliveries.body,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookEndpoints.accountId, viewer.accountId)))
    .limit(1);
  if (!found) throw new AppError("not_found", errorKey("deliveryNotFound"));
  if (found.disabledAt) throw new AppError("conflict", errorKey("endpointDisabled"));
  const { disabledAt: _d, ...copy } = found;
  await db.insert(webhookDeliveries).values(copy);
  return { eventId: found.eventId };
}
