import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { contractParametersSchema, noteToSigneeSchema } from "./schemas";
import { v } from "@/lib/message-keys";

const publicId = z
  .string({ error: v("notFound") })
  .trim()
  .min(1, v("notFound"))
  .max(40, v("notFound"))
  .refine(hasNoNul, v("notFound"));

/** Shared by the details screen's forms (browser) and the domain functions (server). */
export const editNoteSchema = z.object({ publicId, noteToSignee: noteToSigneeSchema });

export const regenerateLinkSchema = z.object({ publicId, linkExpiresOn: contractParametersSchema.shape.linkExpiresOn });

export const emailLinkSchema = z.object({
  publicId,
  signeeEmail: z
    .string({ error: v("signeeEmailRequired") })
    .trim()
    .min(1, v("signeeEmailRequired"))
    .max(254, v("emailTooLong"))
    .pipe(z.email(v("emailInvalid")))
    .transform((v) => v.toLowerCase()),
});

export const terminateSchema = z.object({
  publicId,
  reason: z
    .string({ error: v("terminateReasonRequired") })
    .trim()
    .min(1, v("terminateReasonRequired"))
    .max(100, v("terminateReasonTooLong"))
    .refine(hasNoNul, NUL_MESSAGE),
});

export const deleteSchema = z.object({ publicId });
