import "server-only";
import type { DbOrTx } from "@/db/client";
import { accounts } from "@/db/schema";
import { newId, withFreshPublicId } from "@/lib/ids";
import { assertCompanyNameAvailable } from "./company-name";
import { ALL_PERMISSIONS, NO_PERMISSIONS, type Permissions } from "@/lib/permissions";
import type { AccountRole } from "./viewer";

export type AccountRow = typeof accounts.$inferSelect;

/**
 * A company. Distributors hold every agreement permission by role; resellers none until delegated.
 * `distinctName`: refuse a name that folds to an existing account's (every company a visitor names).
 */
export async function createAccount(
  db: DbOrTx,
  input: { name: string; role: AccountRole; permissions?: Permissions; distinctName?: boolean },
): Promise<AccountRow> {
  if (input.distinctName) await assertCompanyNameAvailable(db, input.name);
  const permissions = input.permissions ?? (input.role === "distributor" ? ALL_PERMISSIONS : NO_PERMISSIONS);
  return withFreshPublicId(newId.account, async (publicId) => {
    const [row] = await db
      .insert(accounts)
      .values({ publicId, name: input.name, role: input.role, permissions })
      .onConflictDoNothing({ target: accounts.publicId })
      .returning();
    return row;
  });
}
