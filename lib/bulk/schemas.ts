import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { contractParametersSchema } from "@/lib/contracts/schemas";

export const BULK_MAX_ROWS = 1000;
/** Rows created per request: the page calls again for the next batch and shows the progress. */
export const BULK_BATCH = 25;
/** A CSV of 1,000 rows with 200-character notes stays well under this. */
export const BULK_MAX_BYTES = 600_000;

/** Invite in bulk: the file's text and what every row shares (the agreement, the link's expiry, reminders). */
export const bulkInviteSchema = z.object({
  csv: z
    .string({ error: "Choose a CSV file." })
    .min(1, "Choose a CSV file.")
    .max(BULK_MAX_BYTES, `The file is too large: at most ${BULK_MAX_ROWS} rows (${Math.round(BULK_MAX_BYTES / 1000)} KB).`)
    .refine(hasNoNul, "The file holds a NUL character: save it as a plain-text CSV (UTF-8)."),
  agreementId: contractParametersSchema.shape.agreementId,
  linkExpiresOn: contractParametersSchema.shape.linkExpiresOn,
  sendReminders: z.boolean().default(true),
});
export type BulkInviteInput = z.input<typeof bulkInviteSchema>;

/** One batch of the creation: the file's hash (as the preview gave it) and which rows. */
export const bulkInviteBatchSchema = bulkInviteSchema.extend({
  fileHash: z.string().regex(/^[0-9a-f]{64}$/, "Upload the file again."),
  from: z.number().int().min(0).max(BULK_MAX_ROWS),
  count: z.number().int().min(1).max(BULK_BATCH),
});
