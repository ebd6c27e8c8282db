"use server";

import { revalidatePath } from "next/cache";
import { anyViewer, defineAction } from "@/lib/actions/define-action";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { deleteAgreementVersion } from "@/lib/agreements/delete-agreement-version";
import { addVersionSchema, createAgreementSchema, versionRefSchema } from "@/lib/agreements/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";

// Who may: any signed-in viewer reaches the domain function, which checks the type permission
// (program.create or service.create) and finds the agreement within the caller's account only.

export const createAgreementAction = defineAction({
  input: createAgreementSchema,
  authorize: anyViewer,
  run: async (db, viewer, input) => (await createAgreement(db, viewer, input)).publicId,
  after: () => revalidatePath("/partners/agreements"),
  redirectTo: (publicId) => `/partners/agreements/${publicId}`,
});

export const addAgreementVersionAction = defineAction({
  input: addVersionSchema,
  authorize: anyViewer,
  run: async (db, viewer, input) => ({ number: (await addAgreementVersion(db, viewer, input)).number }),
  after: (_, input) => {
    kickOutbox(); // only when a caller asked to publish it at once (the form saves drafts)
    revalidateAgreement(input.agreementId);
  },
});

/** Publish, called once its confirmation (which told the counts) is accepted; answers what it did. */
export const publishAgreementVersionAction = defineAction({
  input: versionRefSchema,
  authorize: anyViewer,
  run: (db, viewer, input) => activateAgreementVersion(db, viewer, input),
  after: (_, input) => {
    kickOutbox(); // resellers on an older version hear of the new one
    revalidateAgreement(input.agreementId);
  },
});

export const deleteAgreementVersionAction = defineAction({
  input: versionRefSchema,
  authorize: anyViewer,
  run: async (db, viewer, input) => void (await deleteAgreementVersion(db, viewer, input)),
  after: (_, input) => revalidateAgreement(input.agreementId),
});

function revalidateAgreement(publicId: string): void {
  revalidatePath("/partners/agreements");
  revalidatePath(`/partners/agreements/${encodeURIComponent(publicId)}`);
}
