import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { traced } from "@/db/span";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 6;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** A claimed row is leased this long; if the sender dies mid-send, the row is due again afterwards. */
const CLAIM_LEASE_MS = 5 * 60_000;

export type DeliveryReport = { sent: number; retried: number; failed: number; released: number };

/** 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

const after = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/**
 * Claims due rows in a short transaction (FOR UPDATE SKIP LOCKED, so several instances never take the
 * same row), then sends each outside it. A row left in "sending" by a crashed sender is due again once
 * its lease expires. Every result is written compare-and-set on (status, attempts), so a late result
 * from an expired lease never overwrites the newer attempt. Once `signal` aborts (the server shuts down),
 * the row being sent finishes and the rest of the claimed rows are released, due again at once.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport,
  opts: { batch?: number; maxAttempts?: number; signal?: AbortSignal } = {},
): Promise<DeliveryReport> {
  const batch = opts.batch ?? 20;
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  const isDue = and(inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, sql`now()`));
  // One cheap read per idle tick instead of a transaction (the loop runs every couple of seconds).
  const [any] = await db.select({ id: outbox.id }).from(outbox).where(isDue).limit(1);
  if (!any || opts.signal?.aborted) return { sent: 0, retried: 0, failed: 0, released: 0 };
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(isDue)
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: after(CLAIM_LEASE_MS) })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });

  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, released: 0 };
  for (const row of claimed) {
    const mine = and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.attempts, row.attempts));
    if (opts.signal?.aborted) {
      // Shutting down: hand the row back at once (the attempt never happened) instead of holding its lease.
      const released = await db
        .update(outbox)
        .set({ status: "pending", attempts: sql`${outbox.attempts} - 1`, nextAttemptAt: sql`now()` })
        .where(mine)
        .returning({ id: outbox.id });
      report.released += released.length;
      continue;
    }
    try {
      await traced(
        "outbox.deliver",
        { "outbox.id": String(row.id), "outbox.kind": row.kind, "outbox.attempt": row.attempts, "outbox.transport": transport.kind },
        () => transport.send({ to: row.to, subject: row.subject, html: row.html, text: row.text }),
      );
      await db
        .update(outbox)
        .set({ status: "sent", sentAt: sql`now()`, lastError: null })
        .where(mine);
      report.sent++;
    } catch (e) {
      const reason = describeError(e);
      if (row.attempts >= maxAttempts) {
        await db
          .update(outbox)
          .set({ status: "failed", lastError: `Gave up after ${row.attempts} attempts: ${reason}` })
          .where(mine);
        report.failed++;
      } else {
        await db
          .update(outbox)
          .set({ status: "pending", lastError: reason, nextAttemptAt: after(backoffMs(row.attempts)) })
          .where(mine);
        report.retried++;
      }
    }
  }
  return report;
}

/** A short, single-line reason for the History tab (SMTP replies carry no credentials). */
function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s+/g, " ").trim().slice(0, 300) || "Unknown delivery error";
}
