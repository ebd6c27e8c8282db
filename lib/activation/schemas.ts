import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { emailSchema } from "@/lib/accounts/schemas";
import { publicIdPattern } from "@/lib/ids";
import { v } from "@/lib/message-keys";

/** Step 1: the email and the acceptance box (a checkbox posts "on", a client sends true). */
export const reviewSchema = z.object({
  email: emailSchema,
  accepted: z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { error: v("acceptAgreement") })),
});

export const fullNameSchema = z
  .string({ error: v("fullNameRequired") })
  .trim()
  .min(1, v("fullNameRequired"))
  .max(100, v("fullNameTooLong"))
  .refine(hasNoNul, NUL_MESSAGE);

/** Bounded before hashing; the policy itself (passwordProblem) is checked by the caller, with the email. */
export const passwordInputSchema = z
  .string({ error: v("passwordRequired") })
  .min(1, v("passwordRequired"))
  .max(1024, v("passwordTooLong"));

/** Step 2 for a new user. An empty password keeps the one already chosen on this link (Back, then Next). */
export const newUserStepSchema = z.object({ fullName: fullNameSchema, password: z.string().max(1024, v("passwordTooLong")) });

/** Step 2 for an existing user: their password, unless it was already proven on this link. */
export const existingUserStepSchema = z.object({ password: z.string().max(1024, v("passwordTooLong")) });

export const companyNameSchema = z
  .string({ error: v("companyNameRequired") })
  .trim()
  .min(2, v("companyNameWithType"))
  .max(200, v("companyNameTooLong"))
  .refine(hasNoNul, NUL_MESSAGE);

export const companyChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), name: companyNameSchema }),
  z.object({ kind: z.literal("existing"), accountPublicId: z.string().regex(publicIdPattern.account, v("chooseCompany")) }),
]);
export type CompanyChoice = z.infer<typeof companyChoiceSchema>;

/**
 * Who signs: a new user (plain password, or already hashed by the activation's user step), an existing
 * one proving their password, the signed-in viewer (id from the session), or an existing user whose
 * password the user step already proved (id from the signed progress cookie).
 */
export const signerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), email: emailSchema, fullName: fullNameSchema, password: passwordInputSchema }),
  z.object({
    kind: z.literal("hashed"),
    email: emailSchema,
    fullName: fullNameSchema,
    passwordHash: z.string().startsWith("$argon2id$").max(300),
  }),
  z.object({ kind: z.literal("existing"), email: emailSchema, password: passwordInputSchema }),
  z.object({ kind: z.literal("viewer"), userId: z.uuid() }),
  z.object({ kind: z.literal("verified"), userId: z.uuid() }),
]);
export type Signer = z.infer<typeof signerSchema>;

export const activationInputSchema = z.object({ signer: signerSchema, company: companyChoiceSchema });
export type ActivationInput = z.input<typeof activationInputSchema>;

export const rejectionReasonSchema = z
  .string({ error: v("rejectReasonRequired") })
  .trim()
  .min(1, v("rejectReasonRequired"))
  .max(500, v("rejectReasonTooLong"))
  .refine(hasNoNul, NUL_MESSAGE);

/** Field keys as the steps name them ("signer.password" → "password", "company.name" → "companyName"). */
export function stepFieldErrors(errors: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!errors) return undefined;
  const rename: Record<string, string> = { name: "companyName", accountPublicId: "companyId" };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const last = k.split(".").pop() ?? k;
    out[rename[last] ?? last] ??= v;
  }
  return out;
}
