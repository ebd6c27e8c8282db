import "server-only";
import { and, count, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreementVersions, contracts, contractVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { lockOwnedAgreement, recordAgreementEvent } from "./access";
import { versionRefSchema, type VersionRef } from "./schemas";

/** Deletes an inactive version that no contract is or was on, and never the last one. */
export async function deleteAgreementVersion(db: Db, viewer: Viewer, input: VersionRef): Promise<{ number: number }> {
  const p = parseOrThrow(versionRefSchema, input);
  return db.transaction(async (tx) => {
    const agreement = await lockOwnedAgreement(tx, viewer, p.agreementId);
    const versions = await tx
      .select({ id: agreementVersions.id, number: agreementVersions.number, active: agreementVersions.active })
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreement.id));
    const target = versions.find((v) => v.number === p.number);
    if (!target) throw new AppError("not_found", `Version ${p.number} of this agreement was not found.`);
    if (versions.length === 1) {
      throw new AppError("conflict", `Version ${p.number} is the only version of this agreement and cannot be deleted.`);
    }
    if (target.active) {
      throw new AppError("conflict", `Version ${p.number} is the active version. Activate another version before deleting it.`);
    }
    const [{ n }] = await tx
      .select({ n: count() })
      .from(contracts)
      .where(
        or(
          eq(contracts.agreementVersionId, target.id),
          sql`exists (select 1 from ${contractVersions} where ${contractVersions.contractId} = ${contracts.id} and ${contractVersions.agreementVersionId} = ${target.id})`,
        ),
      );
    if (n > 0) {
      throw new AppError("conflict", `Version ${p.number} cannot be deleted: ${n === 1 ? "a contract is" : `${n} contracts are`} on it.`);
    }
    await tx.delete(agreementVersions).where(and(eq(agreementVersions.id, target.id), eq(agreementVersions.active, false)));
    await recordAgreementEvent(tx, viewer, agreement, "version_deleted", { version: p.number });
    return { number: p.number };
  });
}
