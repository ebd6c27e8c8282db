import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { contractParametersSchema } from "@/lib/contracts/schemas";
import { v } from "@/lib/message-keys";

export const BULK_MAX_ROWS = 1000;
/** Rows created per request: the page calls again for the next batch and shows the progress. */
export const BULK_BATCH = 25;
/** A CSV of 1,000 rows with 200-character notes stays well under this. */
export const BULK_MAX_BYTES = 600_000;

/** Invite in bulk: the file's text and what every row shares (the agreement, the link's expiry, reminders). */
export const bulkInviteSchema = z.object({
  csv: z
    .string({ error: v("csvRequired") })
    .min(1, v("csvRequired"))
    .max(BULK_MAX_BYTES, v("csvTooLarge", { rows: String(BULK_MAX_ROWS), kb: Math.round(BULK_MAX_BYTES / 1000) }))
    .refine(hasNoNul, v("csvNul")),
  agreementId: contractParametersSchema.shape.agreementId,
  linkExpiresOn: contractParametersSchema.shape.linkExpiresOn,
  sendReminders: z.boolean().default(true),
});
export type BulkInviteInput = z.input<typeof bulkInviteSchema>;

/** One batch of the creation: the file's hash (as the preview gave it) and which rows. */
export const bulkInviteBatchSchema = bulkInviteSchema.extend({
  fileHash: z.string().regex(/^[0-9a-f]{64}$/, v("uploadAgain")),
  from: z.number().int().min(0).max(BULK_MAX_ROWS),
  count: z.number().int().min(1).max(BULK_BATCH),
});
