import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreementVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { lockOwnedAgreement, recordAgreementEvent } from "./access";
import { versionRefSchema, type VersionRef } from "./schemas";
import { contractsUsingVersion, deleteRefusal } from "./version-usage";

/** Deletes an inactive version that no contract is or was on, and never the last one. */
export async function deleteAgreementVersion(db: Db, viewer: Viewer, input: VersionRef): Promise<{ number: number }> {
  const p = parseOrThrow(versionRefSchema, input);
  return db.transaction(async (tx) => {
    const agreement = await lockOwnedAgreement(tx, viewer, p.agreementId);
    const versions = await tx
      .select({
        id: agreementVersions.id,
        number: agreementVersions.number,
        active: agreementVersions.active,
        contracts: contractsUsingVersion(),
      })
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreement.id));
    const target = versions.find((v) => v.number === p.number);
    if (!target) throw new AppError("not_found", errorKey("versionNotFound", { number: p.number }));
    // The same words as the versions table's disabled Delete (getAgreement), from the same facts.
    const refusal = deleteRefusal({ ...target, onlyVersion: versions.length === 1 });
    if (refusal) throw new AppError("conflict", refusal);
    await tx.delete(agreementVersions).where(and(eq(agreementVersions.id, target.id), eq(agreementVersions.active, false)));
    await recordAgreementEvent(tx, viewer, agreement, "version_deleted", { version: p.number });
    return { number: p.number };
  });
}
