import "server-only";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { authSecret, env } from "@/lib/env";
import { seedDemo } from "@/lib/seed/seed-demo";

const starters: Array<() => void> = [];
/** Background work (the outbox sender) registers here to start with the server. */
export function onServerStart(fn: () => void): void {
  starters.push(fn);
}
onServerStart(() => void import("@/lib/email/outbox-sender").then((m) => m.startOutboxSender()));

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
