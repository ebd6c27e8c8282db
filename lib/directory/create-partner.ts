import { errorKey } from "@/lib/message-keys";
import "server-only";
import type { Db, DbOrTx } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { createContract, findByCreationKey, lockCreationKey, type CreatedContract } from "@/lib/contracts/create-contract";
import { AppError, isAppError, isUniqueViolation } from "@/lib/errors";
import { createPartnerSchema, type CreatePartnerInput, type CreatePartnerValues } from "./schemas";

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
    throw new AppError("forbidden", errorKey("invitePartnersForbidden"));
  }
  const p = parseOrThrow(createPartnerSchema, input);
  const creationKey = input.creationKey && KEY.test(input.creationKey) ? input.creationKey : undefined;
  try {
    return await db.transaction(async (tx) => {
      if (creationKey) {
        await lockCreationKey(tx, viewer.accountId, creationKey);
        const again = await findPartnerByKey(tx, viewer, creationKey, p);
        if (again) return again;
      }
      const agreementId =
        p.agreementMode === "new"
          ? (
              await createAgreement(
                db,
                viewer,
                {
                  type: "service",
                  name: p.agreementName,
                  description: p.agreementDescription,
                  content: p.agreementContent,
                  activate: true,
                },
                tx,
              ).catch(renameAgreementErrors)
            ).publicId
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
          endsOn: p.endsOn,
          sendReminders: p.sendReminders,
          signeeLocale: p.signeeLocale,
          signeeEmail: p.contactEmail,
          invitedCompanyName: p.companyName,
          creationKey,
        },
        tx,
      );
      return toCreatedPartner(contract, p);
    });
  } catch (e) {
    // Two submissions with the same key raced: the loser's transaction (its agreement included) rolled
    // back, and it answers with what the winner created.
    if (creationKey && isUniqueViolation(e, "creation_key")) {
      const again = await findPartnerByKey(db, viewer, creationKey, p);
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

/** What an earlier submission with this key created; the company and email are the submission's own. */
async function findPartnerByKey(
  db: DbOrTx,
  viewer: Viewer,
  creationKey: string,
  p: CreatePartnerValues,
): Promise<CreatedPartner | undefined> {
  const contract = await findByCreationKey(db, viewer.accountId, creationKey);
  return contract && toCreatedPartner(contract, p);
}

function toCreatedPartner(c: CreatedContract, p: CreatePartnerValues): CreatedPartner {
  return {
    contractPublicId: c.publicId,
    activationLink: c.activationLink,
    companyName: p.companyName,
    contactEmail: p.contactEmail,
    agreementPublicId: c.agreementPublicId,
    agreementName: c.agreementName,
    versionNumber: c.versionNumber,
  };
}
