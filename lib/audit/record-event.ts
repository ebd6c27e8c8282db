import "server-only";
import type { DbOrTx } from "@/db/client";
import { events } from "@/db/schema";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import type { AuditCatalogue, AuditEventType, SubjectOf } from "./catalogue";

export type Actor = {
  userId: string | null;
  accountId: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/** An event of the catalogue about one object; data may be left out only where the type carries none. */
export type EventInput<K extends AuditEventType> = {
  type: K;
  /** Always the part of `type` before the dot (stored for the History queries' filters). */
  subjectType?: SubjectOf<K>;
  subjectId: string;
  subjectPublicId: string;
} & (Record<string, never> extends AuditCatalogue[K] ? { data?: AuditCatalogue[K] } : { data: AuditCatalogue[K] });

/** Writes one audit event; pass the transaction so the event commits or rolls back with the change. */
export async function recordEvent<K extends AuditEventType>(db: DbOrTx, actor: Actor, input: EventInput<K>): Promise<void> {
  const [row] = await db
    .insert(events)
    .values({
      type: input.type,
      userId: actor.userId,
      accountId: actor.accountId,
      subjectType: input.type.slice(0, input.type.indexOf(".")),
      subjectId: input.subjectId,
      subjectPublicId: input.subjectPublicId,
      data: input.data ?? {},
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: events.id });
  // Webhooks subscribed to this event are queued in the same transaction (issue 19).
  await enqueueWebhooks(db, { eventRowId: row.id, ...input, data: (input.data ?? {}) as Record<string, unknown> });
}
