import { like } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outbox } from "@/db/schema";
import { deliverOutbox } from "@/lib/email/deliver-outbox";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { startOutboxSender, stopOutboxSender } from "@/lib/email/outbox-sender";
import type { MailTransport, OutgoingMessage } from "@/lib/email/transport";
import { db } from "../support/factories";

// Issue 22, graceful shutdown: a stopping sender finishes the message in progress and hands back the rest of
// what it claimed at once, so no lease is left held for another instance to wait out.
const mail = (to: string) => ({ kind: "invitation" as const, to, subject: "Hello", html: "<p>Hi</p>", text: "Hi" });
const rowsLike = async (pattern: string) => (await db()).select().from(outbox).where(like(outbox.to, pattern));
afterEach(() => vi.unstubAllEnvs());

/** A transport whose sends wait until `release()`; `started` resolves when the first send begins. */
function slowTransport() {
  const sent: OutgoingMessage[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let began!: () => void;
  const started = new Promise<void>((r) => (began = r));
  const transport: MailTransport = {
    kind: "smtp",
    async send(m) {
      began();
      await gate;
      sent.push(m);
    },
  };
  return { transport, sent, started, release };
}

describe("outbox leases at shutdown (issue 22)", () => {
  it("deliverOutbox sends the message in progress and releases every other claimed row, due now and not counted as an attempt", async () => {
    await enqueueEmail(
      await db(),
      ["a", "b", "c", "d"].map((n) => mail(`${n}@release.test`)),
    );
    const slow = slowTransport();
    const stopping = new AbortController();
    const run = deliverOutbox(await db(), slow.transport, { signal: stopping.signal });
    await slow.started;
    expect((await rowsLike("%@release.test")).every((r) => r.status === "sending")).toBe(true);
    stopping.abort();
    slow.release();
    expect(await run).toEqual({ sent: 1, retried: 0, failed: 0, released: 3 });
    const rows = await rowsLike("%@release.test");
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(1);
    const released = rows.filter((r) => r.status !== "sent");
    expect(released.map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
      ["pending", 0],
    ]);
    for (const r of released) expect(r.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    // Another sender picks them up right away.
    expect((await deliverOutbox(await db(), { kind: "smtp", send: async () => {} })).sent).toBeGreaterThanOrEqual(3);
  });

  it("stopOutboxSender resolves only once the run in progress is over, leaving nothing in 'sending'", async () => {
    vi.stubEnv("SCP_OUTBOX_INTERVAL_MS", "600000");
    await enqueueEmail(
      await db(),
      ["e", "f", "g"].map((n) => mail(`${n}@stop.test`)),
    );
    const slow = slowTransport();
    startOutboxSender(slow.transport);
    const { kickOutbox } = await import("@/lib/email/outbox-sender");
    kickOutbox();
    await slow.started;
    let stopped = false;
    const stop = stopOutboxSender().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false); // still sending the first message
    slow.release();
    await stop;
    const rows = await rowsLike("%@stop.test");
    expect(rows.filter((r) => r.status === "sending")).toEqual([]);
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "pending", "sent"]);
  });
});
