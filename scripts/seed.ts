import { closeDb, getDb } from "../db/client";
import { DEMO, seedDemo } from "../lib/seed/seed-demo";

if (process.env.NODE_ENV === "production" && process.env.SEED_DEMO !== "force") {
  console.error("Refusing to create the demo account (known password) in production. Set SEED_DEMO=force to insist.");
  process.exit(1);
}
const { created } = await seedDemo(await getDb());
console.log(created ? `Demo data created. Sign in as ${DEMO.email} / ${DEMO.password}` : "Demo data already present; nothing to do.");
await closeDb();
