import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema";

export type CompanyOption = { publicId: string; name: string };

/** The reseller companies a user belongs to: the ones they may activate a contract for. */
export async function resellerCompaniesOf(db: DbOrTx, userId: string): Promise<CompanyOption[]> {
  return db
    .select({ publicId: accounts.publicId, name: accounts.name })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), eq(accounts.role, "reseller")))
    .orderBy(asc(accounts.name));
}

export async function userExistsWithEmail(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1);
  return Boolean(row);
}
