"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { activateContract } from "@/lib/activation/activate-contract";
import { linkRefusal } from "@/lib/activation/link-refusal";
import { verifyExistingUser } from "@/lib/activation/prepare-signer";
import { hitActivationLimits } from "@/lib/activation/rate-limits";
import { rejectContract } from "@/lib/activation/reject-contract";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { companyChoiceSchema, fullNameSchema, passwordInputSchema, reviewSchema, stepFieldErrors, type Signer } from "@/lib/activation/schemas";
import { resellerCompaniesOf, userExistsWithEmail, type CompanyOption } from "@/lib/activation/user-companies";
import { emailSchema } from "@/lib/accounts/schemas";
import { failure, fieldErrorsOf } from "@/lib/action-result";
import { signIn, signOut } from "@/lib/auth";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { AppError } from "@/lib/errors";
import { passwordProblem } from "@/lib/security/passwords";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { requestInfo } from "@/lib/request-info";
import { ACCOUNT_COOKIE, assertSameOrigin, getViewer } from "@/lib/session";
import { z } from "zod";

/** What a step's check answers. Never carries the password back. */
export type StepResult = {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  existingUser?: boolean;
  fullName?: string;
  companies?: CompanyOption[];
};

const INVALID: StepResult = { error: "Please correct the highlighted fields." };

async function fail(e: unknown): Promise<StepResult> {
  const r = failure(e);
  return r.ok ? {} : { error: r.error, fieldErrors: stepFieldErrors(r.fieldErrors) };
}

/** The link must still be pending for any step to go on; the attempt counts against its limits. */
async function pendingLink(token: string): Promise<void> {
  await assertSameOrigin();
  if (typeof token !== "string" || !isWellFormedToken(token)) throw linkRefusal("invalid");
  const db = await getDb();
  await hitActivationLimits(db, hashToken(token), requestInfo(await headers()).ip);
  const link = await resolveActivationLink(db, token);
  if (link.state !== "pending") throw linkRefusal(link.state);
}

/** Step 1: email and acceptance. Tells whether the email already belongs to a user. Writes no answer. */
export async function checkReviewAction(token: string, input: { email: unknown; accepted: unknown }): Promise<StepResult> {
  try {
    await pendingLink(token);
    const parsed = reviewSchema.safeParse(input);
    if (!parsed.success) return { ...INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    return { ok: true, existingUser: await userExistsWithEmail(await getDb(), parsed.data.email) };
  } catch (e) {
    return fail(e);
  }
}

const newUserSchema = z.object({ email: emailSchema, fullName: fullNameSchema, password: passwordInputSchema });

/** Step 2, new user: full name and the password policy. Pure validation. */
export async function checkNewUserAction(input: { email: unknown; fullName: unknown; password: unknown }): Promise<StepResult> {
  await assertSameOrigin();
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ...INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
  const problem = passwordProblem(parsed.data.password, parsed.data.email);
  return problem ? { ...INVALID, fieldErrors: { password: problem } } : { ok: true };
}

/** Step 2, existing user: their password (throttled like sign-in), then their reseller companies. */
export async function checkExistingUserAction(input: { email: unknown; password: unknown }): Promise<StepResult> {
  try {
    await assertSameOrigin();
    const parsed = z.object({ email: emailSchema, password: passwordInputSchema }).safeParse(input);
    if (!parsed.success) return { ...INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const db = await getDb();
    const userId = await verifyExistingUser(db, parsed.data.email, parsed.data.password, requestInfo(await headers()));
    return { ok: true, companies: await resellerCompaniesOf(db, userId) };
  } catch (e) {
    return fail(e);
  }
}

/** Step 3: a new company's name, or one of the user's companies (ownership is checked at Activate). */
export async function checkCompanyAction(input: unknown): Promise<StepResult> {
  await assertSameOrigin();
  const parsed = companyChoiceSchema.safeParse(input);
  return parsed.success ? { ok: true } : { ...INVALID, fieldErrors: stepFieldErrors(fieldErrorsOf(parsed.error)) };
}

export type ActivationAnswers = {
  mode: "new" | "existing" | "viewer";
  email: string;
  fullName: string;
  password: string;
  company: { kind: "new"; name: string } | { kind: "existing"; accountPublicId: string };
};

/** Step 4: the one transaction, then sign-in and the Reseller Portal. */
export async function activateAction(token: string, answers: ActivationAnswers): Promise<StepResult> {
  let done: { contractPublicId: string; accountPublicId: string };
  let signedIn = true;
  try {
    await assertSameOrigin();
    const info = requestInfo(await headers());
    const viewer = answers?.mode === "viewer" ? await getViewer() : null;
    if (answers?.mode === "viewer" && !viewer) throw new AppError("unauthenticated", "Your session has ended. Reload the page and sign in again.");
    const signer: Signer = viewer
      ? { kind: "viewer", userId: viewer.userId }
      : answers?.mode === "existing"
        ? { kind: "existing", email: answers.email, password: answers.password }
        : { kind: "new", email: answers?.email, fullName: answers?.fullName, password: answers?.password };
    done = await activateContract(await getDb(), token, { signer, company: answers?.company }, info);
    if (!viewer) {
      try {
        await signIn("credentials", { email: answers.email, password: answers.password, redirect: false });
      } catch {
        signedIn = false; // the contract is active; they can sign in by hand
      }
    }
  } catch (e) {
    return fail(e);
  }
  kickOutbox(); // the "contract activated" notice to the distributor
  (await cookies()).set(ACCOUNT_COOKIE, done.accountPublicId, { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production", path: "/" });
  const target = `/reseller?activated=${encodeURIComponent(done.contractPublicId)}`;
  redirect(signedIn ? target : `/sign-in?callbackUrl=${encodeURIComponent(target)}`);
}

/** Reject, with a reason: the only thing stored before Activate. */
export async function rejectAction(token: string, reason: unknown): Promise<StepResult> {
  try {
    await assertSameOrigin();
    await rejectContract(await getDb(), token, { reason }, requestInfo(await headers()));
  } catch (e) {
    return fail(e);
  }
  redirect(`/activate/${token}`);
}

/** "Sign out first": end the other user's session and come back to this link. */
export async function signOutForActivationAction(token: string): Promise<void> {
  await assertSameOrigin();
  (await cookies()).delete(ACCOUNT_COOKIE);
  await signOut({ redirectTo: isWellFormedToken(String(token)) ? `/activate/${token}` : "/sign-in" });
}
