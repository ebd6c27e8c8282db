"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { previewBulkInvite, runBulkInviteBatch } from "@/lib/bulk/bulk-invite";
import { bulkInviteBatchSchema, bulkInviteSchema } from "@/lib/bulk/schemas";
import { assertMayCreateContracts } from "@/lib/contracts/contract-transition";
import { kickOutbox } from "@/lib/email/outbox-sender";

/** Invite in bulk, step 1: every row checked, nothing created. */
export const previewBulkInviteAction = defineAction({
  input: bulkInviteSchema,
  authorize: assertMayCreateContracts,
  run: previewBulkInvite,
});

/** Invite in bulk, step 2: one batch of rows created (idempotent per file and row). */
export const runBulkInviteBatchAction = defineAction({
  input: bulkInviteBatchSchema,
  authorize: assertMayCreateContracts,
  run: runBulkInviteBatch,
  after: () => {
    kickOutbox();
    revalidatePath("/partners/contracts");
  },
});
