import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { contractParametersSchema, noteToSigneeSchema } from "./schemas";

const publicId = z.string({ error: "Not found." }).trim().min(1, "Not found.").max(40, "Not found.").refine(hasNoNul, "Not found.");

/** Shared by the details screen's forms (browser) and the domain functions (server). */
export const editNoteSchema = z.object({ publicId, noteToSignee: noteToSigneeSchema });

export const regenerateLinkSchema = z.object({ publicId, linkExpiresOn: contractParametersSchema.shape.linkExpiresOn });

export const emailLinkSchema = z.object({
  publicId,
  signeeEmail: z
    .string({ error: "Enter the signee's email." })
    .trim()
    .min(1, "Enter the signee's email.")
    .max(254, "That email is too long.")
    .pipe(z.email("Enter a valid email address."))
    .transform((v) => v.toLowerCase()),
});

export const terminateSchema = z.object({
  publicId,
  reason: z
    .string({ error: "Give the reason for terminating." })
    .trim()
    .min(1, "Give the reason for terminating.")
    .max(100, "The reason can be at most 100 characters.")
    .refine(hasNoNul, NUL_MESSAGE),
});

export const deleteSchema = z.object({ publicId });
