import type { DbOrTx } from "@/db/client";
import { events } from "@/db/schema";

export type Actor = {
  userId: string | null;
  accountId: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

export type EventInput = {
  type: string;
  subjectType?: string;
  subjectId?: string;
  subjectPublicId?: string;
  data?: Record<string, unknown>;
};

/** Writes one audit event; pass the transaction so the event commits or rolls back with the change. */
export async function recordEvent(db: DbOrTx, actor: Actor, input: EventInput): Promise<void> {
  await db.insert(events).values({
    type: input.type,
    userId: actor.userId,
    accountId: actor.accountId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    subjectPublicId: input.subjectPublicId,
    data: input.data ?? {},
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 500) ?? null,
  });
}
