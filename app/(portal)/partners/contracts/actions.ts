"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { contractSummary } from "@/lib/contracts/contract-summary";
import { assertMayCreateContracts } from "@/lib/contracts/contract-transition";
import { createContract } from "@/lib/contracts/create-contract";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { getWizardAgreementText } from "@/lib/contracts/get-wizard-agreement-text";
import { createContractRequestSchema, wizardPreviewSchema, wizardSearchSchema } from "@/lib/contracts/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";

/**
 * The wizard's Create: only the wizard's own fields reach createContract (never invitedCompanyName),
 * which parses them again and creates on the caller's own agreement only.
 */
export const createContractAction = defineAction({
  input: createContractRequestSchema,
  authorize: assertMayCreateContracts,
  run: async (db, viewer, input) => contractSummary(await createContract(db, viewer, input)),
  after: () => {
    kickOutbox(); // the invitation, if a signee email was given
    revalidatePath("/partners/contracts");
  },
});

const searchAgreements = defineAction({
  input: wizardSearchSchema,
  authorize: assertMayCreateContracts,
  run: (db, viewer, input) => listWizardAgreements(db, viewer, input),
});

/** The Agreement step's search box, which sends its text alone. */
export async function searchWizardAgreementsAction(q: unknown) {
  return searchAgreements({ q });
}

/** The Agreement step's preview of the chosen agreement's active text (the caller's own agreements only). */
export const previewWizardAgreementAction = defineAction({
  input: wizardPreviewSchema,
  authorize: assertMayCreateContracts,
  run: (db, viewer, input) => getWizardAgreementText(db, viewer, input),
});
