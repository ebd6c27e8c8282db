import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, contracts } from "@/db/schema";
import { mergePermissions, NO_PERMISSIONS, type Permissions } from "@/lib/permissions";

/**
 * An account's effective permissions (its role's plus those of the active contracts it owns), the same
 * rule as lib/accounts/viewer.ts, for an account that is not the caller (a contract's issuer).
 * With `lock`, the granting contracts are row-locked FOR SHARE until the transaction ends: a concurrent
 * termination then either commits first (and its contract no longer counts) or waits for this
 * transaction, so what was checked still holds when it commits.
 */
export async function effectivePermissionsOf(db: DbOrTx, accountId: string, opts: { lock?: boolean } = {}): Promise<Permissions> {
  const [account] = await db.select({ permissions: accounts.permissions }).from(accounts).where(eq(accounts.id, accountId));
  const granting = db
    .select({ permissions: contracts.permissions })
    .from(contracts)
    .where(and(eq(contracts.ownerAccountId, accountId), eq(contracts.status, "active")));
  const grants = opts.lock ? await granting.for("share") : await granting;
  return mergePermissions(account?.permissions ?? NO_PERMISSIONS, ...grants.map((g) => g.permissions));
}
