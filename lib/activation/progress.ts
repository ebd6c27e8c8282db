import { z } from "zod";
import { companyChoiceSchema } from "./schemas";

/** The steps of the manual, in order, as they appear in the address (`?step=company`). */
export const STEP_KEYS = ["review", "user", "company", "activate"] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/**
 * What the visitor has answered on one link so far, kept in the signed progress cookie. Having any
 * progress means step 1 was passed (email given, agreement accepted). Never the plain password: a new
 * user's password is hashed once at the user step and only the argon2id hash is kept (encrypted).
 */
export const progressSchema = z.object({
  email: z.string().email().max(254),
  /** new user, existing user (password proven at the user step), or the signed-in viewer. */
  mode: z.enum(["new", "existing", "viewer"]),
  userId: z.uuid().optional(),
  fullName: z.string().max(100).optional(),
  passwordHash: z.string().startsWith("$argon2id$").max(300).optional(),
  company: companyChoiceSchema.optional(),
  /** Activate found a problem with an earlier answer: that step is shown again with the message. */
  carried: z
    .object({ step: z.enum(["review", "company"]), error: z.string().max(500), fieldErrors: z.record(z.string(), z.string().max(500)) })
    .optional(),
});
export type ActivationProgress = z.infer<typeof progressSchema>;

/** The first step not yet answered: the visitor can go back freely, never skip ahead. */
export function furthestStep(p: ActivationProgress | null): StepKey {
  if (!p) return "review";
  if (p.carried) return p.carried.step;
  if (p.mode === "new" && !(p.fullName && p.passwordHash)) return "user";
  if (p.mode === "existing" && !p.userId) return "user";
  if (!p.company) return "company";
  return "activate";
}

/** The step the page shows for `?step=…`: any value (or none) gets a step that can be shown. */
export function stepToShow(requested: unknown, p: ActivationProgress | null): StepKey {
  const furthest = furthestStep(p);
  let want = STEP_KEYS.find((k) => k === requested) ?? furthest;
  if (want === "user" && p?.mode === "viewer") want = "company"; // the signed-in user has no user step
  return STEP_KEYS.indexOf(want) <= STEP_KEYS.indexOf(furthest) ? want : furthest;
}

/**
 * Progress made as one visitor does not carry over to another: signing in or out on the link starts
 * the steps afresh, and a viewer's progress belongs to that user only.
 */
export function progressFor(p: ActivationProgress | null, viewerUserId: string | null): ActivationProgress | null {
  if (!p) return null;
  if (p.mode === "viewer") return p.userId === viewerUserId ? p : null;
  return viewerUserId ? null : p;
}
