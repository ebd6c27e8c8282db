import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { agreements, agreementVersions, contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { createContract } from "@/lib/contracts/create-contract";
import { AppError, isAppError, isUniqueViolation } from "@/lib/errors";
import { activationLink, decryptToken } from "@/lib/security/tokens";
import { createPartnerSchema, type CreatePartnerInput } from "./schemas";

export type CreatedPartner = {
  contractPublicId: string;
  activationLink: string;
  companyName: string;
  contactEmail: string;
  agreementPublicId: string;
  agreementName: string;
  versionNumber: number;
};

const KEY = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Create Partner (Directory): invites a Reseller-type partner by creating, in ONE transaction, the
 * service agreement (when written inline, with an active version 1), the pending contract named after
 * the company, and the invitation to the contact email. Any failure keeps nothing. A repeated
 * creation key returns the first result without making a second agreement.
 */
export async function createPartner(db: Db, viewer: Viewer, input: CreatePartnerInput & { creationKey?: string }): Promise<CreatedPartner> {
  if (!viewer.permissions.agreement.service.create) {
    throw new AppError("forbidden", "Your account may not create service agreements and contracts, so it cannot invite partners.");
  }
  const p = parseOrThrow(createPartnerSchema, input);
  const creationKey = input.creationKey && KEY.test(input.creationKey) ? input.creationKey : undefined;
  try {
    return await db.transaction(async (tx) => {
      if (creationKey) {
        const again = await findByCreationKey(tx, viewer.accountId, creationKey);
        if (again) return again;
      }
      const agreementId =
        p.agreementMode === "new"
          ? (await createAgreement(db, viewer, { type: "service", name: p.agreementName, description: p.agreementDescription, content: p.agreementContent, activate: true }, tx).catch(renameAgreementErrors)).publicId
          : p.agreementId;
      const contract = await createContract(
        db,
        viewer,
        {
          agreementId,
          program: p.program,
          delegate: p.delegate,
          kind: p.kind,
          noteToSignee: p.noteToSignee,
          internalNote: p.internalNote,
          linkExpiresOn: p.linkExpiresOn,
          signeeEmail: p.contactEmail,
          invitedCompanyName: p.companyName,
          creationKey,
        },
        tx,
      );
      return {
        contractPublicId: contract.publicId,
        activationLink: contract.activationLink,
        companyName: p.companyName,
        contactEmail: p.contactEmail,
        agreementPublicId: contract.agreementPublicId,
        agreementName: contract.agreementName,
        versionNumber: contract.versionNumber,
      };
    });
  } catch (e) {
    // Two submissions with the same key raced: the loser's transaction (its agreement included) rolled
    // back, and it answers with what the winner created.
    if (creationKey && isUniqueViolation(e, "creation_key")) {
      const again = await findByCreationKey(db, viewer.accountId, creationKey);
      if (again) return again;
    }
    throw e;
  }
}

/** createAgreement names its fields name/description/content; the form calls them agreement*. */
function renameAgreementErrors(e: unknown): never {
  if (isAppError(e) && e.fieldErrors) {
    const rename: Record<string, string> = { name: "agreementName", description: "agreementDescription", content: "agreementContent" };
    const fields = Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [rename[k] ?? k, v]));
    throw new AppError(e.code, e.message, fields);
  }
  throw e;
}

async function findByCreationKey(db: DbOrTx, issuerAccountId: string, creationKey: string): Promise<CreatedPartner | undefined> {
  const [row] = await db
    .select({
      contractPublicId: contracts.publicId,
      tokenCiphertext: contracts.tokenCiphertext,
      companyName: contracts.invitedCompanyName,
      contactEmail: contracts.signeeEmail,
      agreementPublicId: agreements.publicId,
      agreementName: agreements.name,
      versionNumber: agreementVersions.number,
    })
    .from(contracts)
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .innerJoin(agreementVersions, eq(agreementVersions.id, contracts.agreementVersionId))
    .where(and(eq(contracts.issuerAccountId, issuerAccountId), eq(contracts.creationKey, creationKey)))
    .limit(1);
  if (!row) return undefined;
  const { tokenCiphertext, companyName, contactEmail, ...rest } = row;
  return {
    ...rest,
    companyName: companyName ?? "",
    contactEmail: contactEmail ?? "",
    activationLink: tokenCiphertext ? activationLink(decryptToken(tokenCiphertext)) : "",
  };
}
