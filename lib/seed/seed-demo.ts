import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import { hashPassword } from "@/lib/security/passwords";
import { seedDemoAgreement } from "./seed-demo-agreement";

export const DEMO = {
  accountName: "Northwind Distribution Inc.",
  email: "admin@northwind.test",
  password: "northwind-demo-password",
  fullName: "Nora Admin",
};

/** Idempotent: finds or creates the demo distributor, its staff user and its agreement. */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const [existing] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, DEMO.email))
    .limit(1);
  const passwordHash = existing ? undefined : await hashPassword(DEMO.password);
  return db.transaction(async (tx) => {
    let [account] = await tx.select().from(accounts).where(eq(accounts.name, DEMO.accountName)).limit(1);
    account ??= await createAccount(tx, { name: DEMO.accountName, role: "distributor" });
    const user = existing ?? (await createUser(tx, { email: DEMO.email, fullName: DEMO.fullName, passwordHash: passwordHash! }));
    await addMembership(tx, user.id, account.id);
    await seedDemoAgreement(tx, { accountId: account.id, userId: user.id });
    return { created: !existing };
  });
}
