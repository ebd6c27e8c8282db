import "server-only";
import type { Db } from "@/db/client";
import { now as clockNow } from "@/lib/clock";
import { log } from "@/lib/log";

/**
 * A piece of scheduled work. `run` must be safe with several app instances running it at once
 * (claim rows with FOR UPDATE SKIP LOCKED or compare-and-set them) and must only use `now`, never the
 * wall clock, to decide what is due. It returns how many things it did (for the log).
 */
export type ScheduledJob = { name: string; run: (db: Db, now: Date) => Promise<number> };

const g = globalThis as unknown as { __scpScheduledJobs?: ScheduledJob[] };
const jobs = (g.__scpScheduledJobs ??= []);

/** Features register their jobs here (once per name; a second registration replaces the first). */
export function registerJob(job: ScheduledJob): void {
  const i = jobs.findIndex((j) => j.name === job.name);
  if (i >= 0) jobs[i] = job;
  else jobs.push(job);
}

export function registeredJobs(): readonly ScheduledJob[] {
  return jobs;
}

/** Runs every job once, in order; one job's failure is logged and does not stop the others. */
export async function runScheduledJobs(db: Db, now: Date = clockNow()): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const job of jobs) {
    try {
      done[job.name] = await job.run(db, now);
    } catch (e) {
      log.error("scheduled job failed", e, { component: "scheduler", job: job.name });
    }
  }
  return done;
}
