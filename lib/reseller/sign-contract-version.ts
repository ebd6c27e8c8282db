import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agreements, agreementVersions, contracts, contractVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { versionTextIn } from "@/lib/agreements/version-text";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { signVersionSchema, type SignVersionInput } from "./schemas";

export type SignedContractVersion = {
  contractPublicId: string;
  versionNumber: number;
  /** Which text was signed: the version's own ("default") or its text in a language (issue 24). */
  textLocale: string;
  /** The sha256 of the text signed. */
  sha256: string;
  signedAt: Date;
};

const alreadySigned = () => new AppError("conflict", errorKey("versionAlreadySigned"));

/**
 * The reseller signs the agreement's newer active version on its own active contract. The first write
 * is a compare-and-set on the version the page showed as current, so two clicks (or two tabs) sign once;
 * the unique (contract, version) index is the second guard. Evidence and event in the same transaction.
 * The evidence names the text the page showed (contract_versions.text_locale) with that text's sha256.
 */
export async function signContractVersion(db: Db, viewer: Viewer, input: SignVersionInput): Promise<SignedContractVersion> {
  const { contractPublicId, agreementVersionId, fromVersionId, textLocale } = parseOrThrow(signVersionSchema, input);
  try {
    return await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(contracts)
        .set({ agreementVersionId, updatedAt: sql`now()` })
        .where(
          and(
            eq(contracts.publicId, contractPublicId),
            eq(contracts.ownerAccountId, viewer.accountId),
            eq(contracts.status, "active"),
            eq(contracts.agreementVersionId, fromVersionId),
            // Only the agreement's active version, and only forward: never an old or foreign version.
            sql`exists (select 1 from ${agreementVersions} nv join ${agreementVersions} cv on cv.id = ${fromVersionId}
                        where nv.id = ${agreementVersionId} and nv.agreement_id = "contracts"."agreement_id"
                          and nv.active and nv.number > cv.number)`,
          ),
        )
        .returning({ id: contracts.id, agreementId: contracts.agreementId });
      if (!moved) throw await unsignedError(tx, viewer, contractPublicId, agreementVersionId);
      const [version] = await tx
        .select({ number: agreementVersions.number, sha256: agreementVersions.sha256, agreementPublicId: agreements.publicId })
        .from(agreementVersions)
        .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
        .where(eq(agreementVersions.id, agreementVersionId));
      const [from] = await tx
        .select({ number: agreementVersions.number })
        .from(agreementVersions)
        .where(eq(agreementVersions.id, fromVersionId));
      // The text in the reader's language the page showed; gone since (the distributor removed it): sign nothing.
      const text = textLocale === "default" ? null : await versionTextIn(tx, agreementVersionId, textLocale);
      if (textLocale !== "default" && !text) throw textChanged();
      const sha256 = text?.sha256 ?? version.sha256;
      const [evidence] = await tx
        .insert(contractVersions)
        .values({
          contractId: moved.id,
          agreementVersionId,
          signedByUserId: viewer.userId,
          textLocale,
          sha256,
          ip: viewer.ip,
          userAgent: viewer.userAgent?.slice(0, 500) ?? null,
        })
        .returning({ signedAt: contractVersions.signedAt });
      await recordEvent(tx, viewer, {
        type: "contract.version_signed",
        subjectType: "contract",
        subjectId: moved.id,
        subjectPublicId: contractPublicId,
        data: {
          agreement: version.agreementPublicId,
          version: version.number,
          previousVersion: from?.number ?? null,
          sha256,
        },
      });
      return { contractPublicId, versionNumber: version.number, textLocale, sha256, signedAt: evidence.signedAt };
    });
  } catch (e) {
    if (isUniqueViolation(e, "contract_versions")) throw alreadySigned();
    throw e;
  }
}

const textChanged = () => new AppError("stale", errorKey("versionTextChanged"));

/** Zero rows moved: say why, reading with the same owner scope (another tenant's contract is "not found"). */
async function unsignedError(tx: Tx, viewer: Viewer, publicId: string, versionId: string): Promise<AppError> {
  const [row] = await tx
    .select({ status: contracts.status, versionId: contracts.agreementVersionId })
    .from(contracts)
    .where(and(eq(contracts.publicId, publicId), eq(contracts.ownerAccountId, viewer.accountId)))
    .limit(1);
  if (!row) return new AppError("not_found", errorKey("contractNotYours"));
  if (row.status !== "active") return new AppError("stale", errorKey("contractNoLongerActive", { status: row.status }));
  if (row.versionId === versionId) return alreadySigned();
  return new AppError("stale", errorKey("versionNotToSign"));
}
