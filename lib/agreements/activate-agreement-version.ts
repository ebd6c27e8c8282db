import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agreementVersions, contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { enqueueNewVersionToSign } from "@/lib/email/messages";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { lockOwnedAgreement, recordAgreementEvent } from "./access";
import { versionRefSchema, type VersionRef } from "./schemas";

export type Activation = { number: number; previous: number | null; contractsWithUpdates: number };

/** Publish: makes one inactive version (a draft or an earlier one) the active one; the previously active version is deactivated in the same transaction. */
export async function activateAgreementVersion(db: Db, viewer: Viewer, input: VersionRef): Promise<Activation> {
  const p = parseOrThrow(versionRefSchema, input);
  try {
    return await db.transaction(async (tx) => {
      const agreement = await lockOwnedAgreement(tx, viewer, p.agreementId);
      return activateLocked(tx, viewer, agreement, p.number);
    });
  } catch (e) {
    // The row lock serializes activations; the partial unique index is the last line if it ever did not.
    if (isUniqueViolation(e, "agreement_versions_one_active_idx")) {
      throw new AppError("conflict", errorKey("versionActivatedMeanwhile"));
    }
    throw e;
  }
}

/** Runs inside a transaction that already holds the agreement's row lock (lockOwnedAgreement). */
export async function activateLocked(
  tx: Tx,
  viewer: Viewer,
  agreement: { id: string; publicId: string },
  number: number,
): Promise<Activation> {
  const [target] = await tx
    .select({ id: agreementVersions.id, active: agreementVersions.active })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.number, number)));
  if (!target) throw new AppError("not_found", errorKey("versionNotFound", { number }));
  if (target.active) throw new AppError("conflict", errorKey("versionAlreadyActive", { number }));
  const [previous] = await tx
    .update(agreementVersions)
    .set({ active: false })
    .where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.active, true)))
    .returning({ number: agreementVersions.number });
  // Compare-and-set: only a version that is still inactive becomes active.
  const [activated] = await tx
    .update(agreementVersions)
    .set({ active: true, publishedAt: sql`coalesce(${agreementVersions.publishedAt}, now())` })
    .where(and(eq(agreementVersions.id, target.id), eq(agreementVersions.active, false)))
    .returning({ id: agreementVersions.id });
  if (!activated) throw new AppError("stale");
  // "Updates available" is derived: an active contract on any other version than the active one.
  const [{ n }] = await tx
    .select({ n: count() })
    .from(contracts)
    .where(and(eq(contracts.agreementId, agreement.id), eq(contracts.status, "active"), ne(contracts.agreementVersionId, target.id)));
  if (n > 0) await enqueueNewVersionToSign(tx, agreement.id, number, target.id);
  await recordAgreementEvent(tx, viewer, agreement, "version_activated", {
    version: number,
    previous: previous?.number ?? null,
    contractsWithUpdates: n,
  });
  return { number, previous: previous?.number ?? null, contractsWithUpdates: n };
}
