import "server-only";
import { closeDb, getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { authSecret, env } from "@/lib/env";
import { onShutdown } from "@/lib/ops/lifecycle.mjs";
import { seedDemo } from "@/lib/seed/seed-demo";

const starters: Array<() => void> = [];
/** Background work (the outbox sender) registers here to start with the server. */
export function onServerStart(fn: () => void): void {
  starters.push(fn);
}
onServerStart(() => void import("@/lib/email/outbox-sender").then((m) => m.startOutboxSender()));
onServerStart(() => void import("@/lib/scheduler/loop").then((m) => m.startScheduler()));
// Graceful shutdown (scripts/server.mjs): the sender hands back its leases before the database closes.
onShutdown("scheduler", 5, async () => (await import("@/lib/scheduler/loop")).stopScheduler());
onShutdown("outbox", 10, async () => (await import("@/lib/email/outbox-sender")).stopOutboxSender());
onShutdown("database", 20, closeDb);

export async function startServer(): Promise<void> {
  const production = process.env.NODE_ENV === "production";
  if (production) authSecret(); // throws the clear "AUTH_SECRET is not set" message
  const db = await getDb(); // applies migrations
  const force = env().SEED_DEMO === "force";
  if (force || !production) {
    const [any] = await db.select({ id: accounts.id }).from(accounts).limit(1);
    if (!any || force) await seedDemo(db);
  }
  for (const start of starters) start();
}
