"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { deleteSchema, editNoteSchema, emailLinkSchema, regenerateLinkSchema, terminateSchema } from "@/lib/contracts/detail-schemas";
import { editNote } from "@/lib/contracts/edit-note";
import { extendExpiry } from "@/lib/contracts/extend-expiry";
import { extendExpirySchema } from "@/lib/follow-up/schemas";
import { emailLink } from "@/lib/contracts/email-link";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { extendContract } from "@/lib/contracts/end-date";
import { changePermissions, promoteContract, withdrawProposal } from "@/lib/contracts/proposals";
import { changePermissionsSchema, extendSchema, promoteSchema, withdrawProposalSchema } from "@/lib/contracts/terms-schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";

// The details screen's actions: managing contracts needs service.create; each domain function finds the
// contract within the caller's account only and changes it with a compare-and-set on its status.

function refresh(input: { publicId: string }): void {
  revalidatePath(`/partners/contracts/${encodeURIComponent(input.publicId)}`);
  revalidatePath("/partners/contracts");
}

/** After a committed change that queued mail: deliver it now rather than at the sender's next tick. */
function sent(_: unknown, input: { publicId: string }): void {
  kickOutbox();
  refresh(input);
}

export const editNoteAction = defineAction({
  input: editNoteSchema,
  authorize: assertMayManageContracts,
  run: editNote,
  after: (_, input) => refresh(input),
});

export const regenerateLinkAction = defineAction({
  input: regenerateLinkSchema,
  authorize: assertMayManageContracts,
  run: async (db, viewer, input) => ({ activationLink: (await regenerateLink(db, viewer, input)).activationLink }),
  after: (_, input) => refresh(input),
});

export const extendExpiryAction = defineAction({
  input: extendExpirySchema,
  authorize: assertMayManageContracts,
  run: async (db, viewer, input) => ({ linkExpiresAt: (await extendExpiry(db, viewer, input)).linkExpiresAt.toISOString() }),
  after: (_, input) => refresh(input),
});

export const emailLinkAction = defineAction({
  input: emailLinkSchema,
  authorize: assertMayManageContracts,
  run: emailLink,
  after: sent,
});

export const terminateContractAction = defineAction({
  input: terminateSchema,
  authorize: assertMayManageContracts,
  run: terminateContract,
  after: sent,
});

/** On success the contract is gone: back to the list. */
export const deleteContractAction = defineAction({
  input: deleteSchema,
  authorize: assertMayManageContracts,
  run: deleteContract,
  after: (_, input) => refresh(input),
  redirectTo: () => "/partners/contracts",
});

// Issue 21: contract terms over time. Each is a compare-and-set with its event and its notices.

export const extendContractAction = defineAction({
  input: extendSchema,
  authorize: assertMayManageContracts,
  run: (db, viewer, input) => extendContract(db, viewer, input),
  after: sent,
});

export const changePermissionsAction = defineAction({
  input: changePermissionsSchema,
  authorize: assertMayManageContracts,
  run: (db, viewer, input) => changePermissions(db, viewer, input),
  after: sent,
});

export const withdrawProposalAction = defineAction({
  input: withdrawProposalSchema,
  authorize: assertMayManageContracts,
  run: (db, viewer, input) => withdrawProposal(db, viewer, input),
  after: sent,
});

export const promoteContractAction = defineAction({
  input: promoteSchema,
  authorize: assertMayManageContracts,
  run: (db, viewer, input) => promoteContract(db, viewer, input),
  after: sent,
});
