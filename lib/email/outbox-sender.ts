import "server-only";
import { getDb } from "@/db/client";
import { deliverOutbox } from "./deliver-outbox";
import { transportFromEnv, type MailTransport } from "./transport";
import { env } from "@/lib/env";

type Sender = { kick: () => void; stop: () => void };
// On globalThis: Next loads instrumentation and route code in separate module graphs of one process.
const g = globalThis as unknown as { __scpOutboxSender?: Sender };

function log(message: string, error?: unknown): void {
  if (env().SCP_SILENT_LOGS) return;
  const detail = error instanceof Error ? `: ${error.message}` : "";
  console.error(`[outbox] ${message}${detail}`);
}

/**
 * Starts the background sender once per process: a run every SCP_OUTBOX_INTERVAL_MS (default 2000),
 * never two at once (a kick during a run schedules one more run), errors logged and never thrown.
 * Without a transport (production without SMTP_URL) it says so and leaves mail in the outbox.
 */
export function startOutboxSender(transport: MailTransport | null = transportFromEnv()): void {
  if (g.__scpOutboxSender) return;
  if (!transport) {
    console.warn("SMTP_URL is not set: emails are kept in the outbox and not delivered");
    return;
  }
  const interval = env().SCP_OUTBOX_INTERVAL_MS;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const report = await deliverOutbox(await getDb(), transport);
        if (report.retried || report.failed) log(`delivery: ${report.sent} sent, ${report.retried} will retry, ${report.failed} failed`);
      } while (again);
    } catch (e) {
      log("delivery run failed", e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), interval);
  timer.unref();
  g.__scpOutboxSender = {
    kick: () => void run(),
    stop: () => {
      clearInterval(timer);
      g.__scpOutboxSender = undefined;
    },
  };
}

/** After a commit that queued mail: deliver now rather than at the next tick. Never blocks or throws. */
export function kickOutbox(): void {
  try {
    g.__scpOutboxSender?.kick();
  } catch {
    // the timer will pick it up
  }
}

export function stopOutboxSender(): void {
  g.__scpOutboxSender?.stop();
}
