import "server-only";
import { getDb } from "@/db/client";
import { now } from "@/lib/clock";
import { log } from "@/lib/log";
import { deliverDueWebhooks } from "./deliver";

const g = globalThis as unknown as { __scpSchedulerLoop?: unknown };

/**
 * After Send test event or Redeliver: deliver now rather than at the scheduler's next run. Only in a
 * process whose scheduler runs (the server; tests call deliverDueWebhooks with their own clock). Never throws.
 */
export function sendWebhooksSoon(): void {
  if (!g.__scpSchedulerLoop) return;
  void (async () => {
    try {
      await deliverDueWebhooks(await getDb(), now());
    } catch (e) {
      log.error("webhook delivery failed", e, { component: "webhooks" });
    }
  })();
}
