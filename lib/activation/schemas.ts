import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { emailSchema } from "@/lib/accounts/schemas";
import { publicIdPattern } from "@/lib/ids";

/** Step 1: the email and the acceptance box (a checkbox posts "on", a client sends true). */
export const reviewSchema = z.object({
  email: emailSchema,
  accepted: z.preprocess(
    (v) => v === true || v === "on" || v === "true",
    z.literal(true, { error: "Check I have read and accepted the agreement to continue." }),
  ),
});

export const fullNameSchema = z
  .string({ error: "Enter your full name." })
  .trim()
  .min(1, "Enter your full name.")
  .max(100, "The full name can be at most 100 characters.")
  .refine(hasNoNul, NUL_MESSAGE);

/** Bounded before hashing; the policy itself (passwordProblem) is checked by the caller, with the email. */
export const passwordInputSchema = z
  .string({ error: "Enter a password." })
  .min(1, "Enter a password.")
  .max(1024, "That password is too long.");

/** Step 2 for a new user. An empty password keeps the one already chosen on this link (Back, then Next). */
export const newUserStepSchema = z.object({ fullName: fullNameSchema, password: z.string().max(1024, "That password is too long.") });

/** Step 2 for an existing user: their password, unless it was already proven on this link. */
export const existingUserStepSchema = z.object({ password: z.string().max(1024, "That password is too long.") });

export const companyNameSchema = z
  .string({ error: "Enter your company name." })
  .trim()
  .min(2, "Enter your company name, including its type (Inc., LLC, GmbH…).")
  .max(200, "The company name can be at most 200 characters.")
  .refine(hasNoNul, NUL_MESSAGE);

export const companyChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), name: companyNameSchema }),
  z.object({ kind: z.literal("existing"), accountPublicId: z.string().regex(publicIdPattern.account, "Choose one of your companies.") }),
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
  .string({ error: "Give a reason for rejecting the contract." })
  .trim()
  .min(1, "Give a reason for rejecting the contract.")
  .max(500, "The reason can be at most 500 characters.")
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
