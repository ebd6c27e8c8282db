import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { runScheduledJobs } from "./jobs";

type Loop = { stop: () => Promise<void> };
const g = globalThis as unknown as { __scpSchedulerLoop?: Loop };

/**
 * Runs the scheduled jobs every SCP_SCHEDULER_INTERVAL_MS (default one minute) in each app instance;
 * the jobs themselves make several instances safe. Never two runs at once in one process.
 */
export function startScheduler(): void {
  if (g.__scpSchedulerLoop) return;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        const done = await runScheduledJobs(await getDb());
        if (Object.values(done).some((n) => n > 0)) log.info("scheduled jobs", { component: "scheduler", ...done });
      } catch (e) {
        log.error("scheduler run failed", e, { component: "scheduler" });
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, env().SCP_SCHEDULER_INTERVAL_MS);
  timer.unref();
  g.__scpSchedulerLoop = {
    stop: async () => {
      clearInterval(timer);
      g.__scpSchedulerLoop = undefined;
      await running;
    },
  };
}

export async function stopScheduler(): Promise<void> {
  await g.__scpSchedulerLoop?.stop();
}
