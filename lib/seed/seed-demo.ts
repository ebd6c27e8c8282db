import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, agreements, users } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import { hashPassword } from "@/lib/security/passwords";
import { seedDemoAgreement } from "./seed-demo-agreement";
import { DEMO_MARKETPLACE_NAME, seedDemoPartners } from "./seed-demo-partners";

export const DEMO = {
  accountName: "Northwind Distribution Inc.",
  email: "admin@northwind.test",
  password: "northwind-demo-password",
  fullName: "Nora Admin",
};

/**
 * Idempotent: finds or creates the demo distributor, its staff user, its agreements, and its partners
 * and contracts (lib/seed/seed-demo-partners.ts). The demo resellers' signees sign in with the same
 * demo password (README).
 */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const [existing] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, DEMO.email))
    .limit(1);
  const [partnersDone] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.name, DEMO_MARKETPLACE_NAME)).limit(1);
  // Hashed once, before the transaction, and only when something still needs it.
  const passwordHash = existing && partnersDone ? "" : await hashPassword(DEMO.password);
  return db.transaction(async (tx) => {
    let [account] = await tx.select().from(accounts).where(eq(accounts.name, DEMO.accountName)).limit(1);
    account ??= await createAccount(tx, { name: DEMO.accountName, role: "distributor" });
    const user = existing ?? (await createUser(tx, { email: DEMO.email, fullName: DEMO.fullName, passwordHash }));
    await addMembership(tx, user.id, account.id);
    const ids = { accountId: account.id, userId: user.id };
    const service = await seedDemoAgreement(tx, ids);
    if (!partnersDone) await seedDemoPartners(tx, ids, service, passwordHash);
    return { created: !existing };
  });
}
