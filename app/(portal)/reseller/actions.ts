"use server";

import { revalidatePath } from "next/cache";
import { anyViewer, defineFormAction } from "@/lib/actions/define-action";
import { errorKey } from "@/lib/message-keys";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { signVersionFormSchema } from "@/lib/reseller/schemas";
import { acceptProposal } from "@/lib/contracts/proposals";
import { acceptProposalFormSchema } from "@/lib/contracts/terms-schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";

/**
 * The Versions tab's Sign form (works without JavaScript). Any signed-in viewer: the domain function
 * finds the contract among the caller's own and signs only if it is still on the version the page showed.
 */
export const signVersionAction = defineFormAction({
  input: signVersionFormSchema,
  authorize: anyViewer,
  invalidMessage: errorKey("confirmAgreementRead"),
  run: signContractVersion,
  after: (signed) => {
    revalidatePath("/reseller");
    revalidatePath(`/reseller/contracts/${encodeURIComponent(signed.contractPublicId)}`);
  },
  redirectTo: (signed) => `/reseller/contracts/${encodeURIComponent(signed.contractPublicId)}?tab=versions&signed=${signed.versionNumber}`,
});

/**
 * Issue 21: a user of the reseller accepts a proposal (wider permissions, or promotion to Production) on
 * a contract its account owns; evidence recorded like signing a version. A promotion lands on the new contract.
 */
export const acceptProposalAction = defineFormAction({
  input: acceptProposalFormSchema,
  authorize: anyViewer,
  invalidMessage: errorKey("confirmProposalReviewed"),
  run: (db, viewer, input) => acceptProposal(db, viewer, input),
  after: (accepted) => {
    kickOutbox();
    revalidatePath("/reseller");
    revalidatePath(`/reseller/contracts/${encodeURIComponent(accepted.contractPublicId)}`);
  },
  redirectTo: (accepted) =>
    accepted.successorPublicId
      ? `/reseller/contracts/${encodeURIComponent(accepted.successorPublicId)}?accepted=promotion`
      : `/reseller/contracts/${encodeURIComponent(accepted.contractPublicId)}?tab=permissions&accepted=permissions`,
});
