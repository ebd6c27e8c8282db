import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, contracts, memberships, users } from "@/db/schema";

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
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return Boolean(row);
}

/** Whether this account issued the contract behind the link: it may never own it (checked again at Activate). */
export async function issuedLink(db: DbOrTx, tokenHash: string, accountPublicId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(accounts, eq(accounts.id, contracts.issuerAccountId))
    .where(and(eq(contracts.tokenHash, tokenHash), eq(accounts.publicId, accountPublicId)))
    .limit(1);
  return Boolean(row);
}
