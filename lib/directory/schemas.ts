import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { createAgreementSchema } from "@/lib/agreements/schemas";
import { contractParametersSchema, creationKeySchema } from "@/lib/contracts/schemas";
import { v } from "@/lib/message-keys";

export const partnerTypes = ["reseller"] as const;

// The contract parameters exactly as the wizard validates them; the agreement and the signee come from
// the partner part of the form instead.
const parameters = contractParametersSchema.omit({ agreementId: true, signeeEmail: true }).shape;

const base = z.object({
  type: z.enum(partnerTypes, { error: v("partnerTypeRequired") }),
  companyName: z
    .string({ error: v("partnerCompanyNameRequired") })
    .trim()
    .min(2, v("partnerCompanyNameWithType"))
    .max(200, v("companyNameTooLong"))
    .refine(hasNoNul, NUL_MESSAGE),
  contactEmail: z
    .string({ error: v("contactEmailRequired") })
    .trim()
    .min(1, v("contactEmailWhy"))
    .max(254, v("emailTooLong"))
    .transform((v) => v.toLowerCase())
    .pipe(z.email(v("emailInvalid"))),
  ...parameters,
});

/**
 * Shared by the Create Partner form (browser) and createPartner (server). One branch per agreement
 * choice, so each branch reports all its own missing fields at once.
 */
export const createPartnerSchema = z.discriminatedUnion("agreementMode", [
  base.extend({
    agreementMode: z.literal("existing"),
    agreementId: z
      .string({ error: v("agreementRequired") })
      .min(1, v("agreementRequired"))
      .refine(hasNoNul, v("notFound")),
  }),
  base.extend({
    agreementMode: z.literal("new"),
    agreementName: createAgreementSchema.shape.name,
    agreementDescription: createAgreementSchema.shape.description,
    agreementContent: createAgreementSchema.shape.content,
  }),
]);
export type CreatePartnerInput = z.input<typeof createPartnerSchema>;
export type CreatePartnerValues = z.output<typeof createPartnerSchema>;

/** What the Create Partner form sends: the partner, and its idempotency key. */
export const createPartnerRequestSchema = z.intersection(createPartnerSchema, z.object({ creationKey: creationKeySchema }));
