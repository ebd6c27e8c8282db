import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { devMailboxEnabled } from "./transport";

/**
 * The development mailbox is a developer tool: it shows every message in this machine's outbox, to any
 * address, to any signed-in user. It does not exist in production (SECURITY.md 30) unless the e2e-only
 * SCP_DEV_MAILBOX=1 switch is set.
 */
function assertMailbox(viewer: Viewer | null): void {
  if (!devMailboxEnabled() || !viewer) throw new AppError("not_found");
}

export async function listMailbox(db: Db, viewer: Viewer | null, opts: { limit?: number } = {}) {
  assertMailbox(viewer);
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.to,
      subject: outbox.subject,
      status: outbox.status,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(opts.limit ?? 200);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readMailboxMessage(db: Db, viewer: Viewer | null, id: string) {
  assertMailbox(viewer);
  if (!UUID.test(id)) throw new AppError("not_found");
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!row) throw new AppError("not_found");
  return row;
}

export type MailboxMessage = Awaited<ReturnType<typeof readMailboxMessage>>;
