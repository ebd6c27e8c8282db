import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contracts, type ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";

/**
 * Called when a compare-and-set update touched no row: tells "someone changed it" (stale, or an expired
 * link) from "it is not there for you" (missing or another tenant's), reading with the same scope.
 */
export async function unchangedError(tx: Tx, viewer: Viewer, publicId: string, expected: ContractStatus): Promise<AppError> {
  const [row] = await tx
    .select({ status: contracts.status, linkExpiresAt: contracts.linkExpiresAt })
    .from(contracts)
    .where(and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId)))
    .limit(1);
  if (!row) return new AppError("not_found", errorKey("contractNotYours"));
  // Same status as expected: either its link expired (the update also checks expiry), or it reached that
  // status between our update and this read (a racing activation), which is "changed", not "expired".
  const expired = row.linkExpiresAt.getTime() <= Date.now();
  if (row.status === expected && expired) return new AppError("expired", errorKey("linkExpiredRegenerate"));
  if (row.status === expected) return new AppError("stale", errorKey("contractChanged"));
  return new AppError("stale", errorKey("contractChangedTo", { status: row.status }));
}

/** The scope every action on the details screen starts from: the caller's own contract, by public ID. */
export function ownContract(viewer: Viewer, publicId: string, status: ContractStatus) {
  return and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId), eq(contracts.status, status));
}

/** The same rule as the Contracts tab: managing contracts needs service.create (a delegation can be withdrawn). */
export function assertMayManageContracts(viewer: Viewer): void {
  if (!viewer.permissions.agreement.service.create) throw new AppError("forbidden", errorKey("serviceContractsManageForbidden"));
}

/** Creating contracts (the wizard and its agreement search) needs service.create, like createContract itself. */
export function assertMayCreateContracts(viewer: Viewer): void {
  if (!viewer.permissions.agreement.service.create) throw new AppError("forbidden", errorKey("serviceContractsCreateForbidden"));
}
