import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { createAgreementSchema } from "@/lib/agreements/schemas";
import { contractParametersSchema, creationKeySchema } from "@/lib/contracts/schemas";

export const partnerTypes = ["reseller"] as const;

// The contract parameters exactly as the wizard validates them; the agreement and the signee come from
// the partner part of the form instead.
const parameters = contractParametersSchema.omit({ agreementId: true, signeeEmail: true }).shape;

const base = z.object({
  type: z.enum(partnerTypes, { error: "Choose the partner type." }),
  companyName: z
    .string({ error: "Enter the company name." })
    .trim()
    .min(2, "Enter the company name, including its type (Inc., LLC, GmbH…).")
    .max(200, "The company name can be at most 200 characters.")
    .refine(hasNoNul, NUL_MESSAGE),
  contactEmail: z
    .string({ error: "Enter the contact email." })
    .trim()
    .min(1, "Enter the contact email: the invitation is sent there.")
    .max(254, "That email is too long.")
    .transform((v) => v.toLowerCase())
    .pipe(z.email("Enter a valid email address.")),
  ...parameters,
});

/**
 * Shared by the Create Partner form (browser) and createPartner (server). One branch per agreement
 * choice, so each branch reports all its own missing fields at once.
 */
export const createPartnerSchema = z.discriminatedUnion("agreementMode", [
  base.extend({
    agreementMode: z.literal("existing"),
    agreementId: z.string({ error: "Choose a service agreement." }).min(1, "Choose a service agreement.").refine(hasNoNul, "Not found."),
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
