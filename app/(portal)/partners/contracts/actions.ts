"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, type ActionResult } from "@/lib/action-result";
import { createContract } from "@/lib/contracts/create-contract";
import type { ContractParameters } from "@/lib/contracts/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { listWizardAgreements, type WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import { describePermissions } from "@/lib/permissions";
import { requireActionViewer } from "@/lib/session";

export type ContractSummary = {
  publicId: string;
  agreementName: string;
  agreementPublicId: string;
  versionNumber: number;
  kind: "test" | "production";
  permissions: string[];
  activationLink: string;
};

const creationKeySchema = z.uuid();

/** The wizard's Create: same schema as the form, re-validated and scoped to the caller's account. */
export async function createContractAction(input: unknown): Promise<ActionResult<ContractSummary>> {
  let summary: ContractSummary;
  try {
    const viewer = await requireActionViewer();
    // Only the wizard's own fields are passed on (never invitedCompanyName); createContract parses them
    // again with contractParametersSchema, whatever the browser sent.
    const raw = (typeof input === "object" && input !== null ? input : {}) as ContractParameters & { creationKey?: unknown };
    const { agreementId, program, delegate, kind, noteToSignee, internalNote, linkExpiresOn, signeeEmail } = raw;
    const key = creationKeySchema.safeParse(raw.creationKey);
    const created = await createContract(await getDb(), viewer, {
      ...{ agreementId, program, delegate, kind, noteToSignee, internalNote, linkExpiresOn, signeeEmail },
      creationKey: key.success ? key.data : undefined,
    });
    summary = {
      publicId: created.publicId,
      agreementName: created.agreementName,
      agreementPublicId: created.agreementPublicId,
      versionNumber: created.versionNumber,
      kind: created.kind,
      permissions: describePermissions(created.permissions),
      activationLink: created.activationLink,
    };
  } catch (e) {
    return failure(e);
  }
  kickOutbox(); // the invitation, if a signee email was given
  revalidatePath("/partners/contracts");
  return { ok: true, data: summary };
}

/** The Agreement step's search box. */
export async function searchWizardAgreementsAction(q: unknown): Promise<ActionResult<WizardAgreement[]>> {
  try {
    const viewer = await requireActionViewer();
    const text = typeof q === "string" ? q : "";
    return { ok: true, data: await listWizardAgreements(await getDb(), viewer, { q: text }) };
  } catch (e) {
    return failure(e);
  }
}
