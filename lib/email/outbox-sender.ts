import "server-only";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { deliverOutbox } from "./deliver-outbox";
import { transportFromEnv, type MailTransport } from "./transport";
import { env } from "@/lib/env";

type Sender = { kick: () => void; stop: () => Promise<void> };
// On globalThis: Next loads instrumentation and route code in separate module graphs of one process.
const g = globalThis as unknown as { __scpOutboxSender?: Sender };

/**
 * Starts the background sender once per process: a run every SCP_OUTBOX_INTERVAL_MS (default 2000),
 * never two at once (a kick during a run schedules one more run), errors logged and never thrown.
 * Without a transport (production without SMTP_URL) it says so and leaves mail in the outbox.
 */
export function startOutboxSender(transport: MailTransport | null = transportFromEnv()): void {
  if (g.__scpOutboxSender) return;
  if (!transport) {
    log.warn("SMTP_URL is not set: emails are kept in the outbox and not delivered", { component: "outbox" });
    return;
  }
  const interval = env().SCP_OUTBOX_INTERVAL_MS;
  let running: Promise<void> | null = null;
  let again = false;
  const stopping = new AbortController();
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const report = await deliverOutbox(await getDb(), transport, { signal: stopping.signal });
          if (report.sent || report.retried || report.failed || report.released)
            log.info("outbox delivery", { component: "outbox", ...report });
        } while (again && !stopping.signal.aborted);
      } catch (e) {
        log.error("outbox delivery run failed", e, { component: "outbox" });
      } finally {
        running = null;
      }
    })();
    await running;
  };
  const timer = setInterval(() => void run(), interval);
  timer.unref();
  const sender: Sender = {
    kick: () => void run(),
    // Finishes the message being sent, releases the other claimed rows, and resolves once the run is over.
    stop: async () => {
      clearInterval(timer);
      stopping.abort();
      if (g.__scpOutboxSender === sender) g.__scpOutboxSender = undefined;
      await running;
    },
  };
  g.__scpOutboxSender = sender;
}

/** After a commit that queued mail: deliver now rather than at the next tick. Never blocks or throws. */
export function kickOutbox(): void {
  try {
    g.__scpOutboxSender?.kick();
  } catch {
    // the timer will pick it up
  }
}

/** Stops the sender (graceful shutdown, tests): resolves once the message in progress is sent and the rest released. */
export async function stopOutboxSender(): Promise<void> {
  await g.__scpOutboxSender?.stop();
}
