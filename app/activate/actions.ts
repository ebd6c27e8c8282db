"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { hasTwoFactor } from "@/lib/accounts/two-factor";
import { failure } from "@/lib/action-result";
import { activateContract } from "@/lib/activation/activate-contract";
import { activationInputFor, carriedProblem } from "@/lib/activation/finish";
import { rejectContract } from "@/lib/activation/reject-contract";
import { ACTIVATION_SIGN_IN_PROVIDER, issueSignInTicket } from "@/lib/activation/sign-in-ticket";
import { clearProgress, openStep, requireProgress, stepUrl, writeProgress } from "@/lib/activation/step-context";
import type { StepState } from "@/lib/activation/step-state";
import { signIn, signOut } from "@/lib/auth";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { formDataOf } from "@/lib/form-data";
import { getLocale } from "@/lib/i18n/server";
import { isWellFormedToken } from "@/lib/security/tokens";
import { ACCOUNT_COOKIE, assertSameOrigin } from "@/lib/session";

/**
 * Step 4, Activate: the one transaction, run with the answers kept on this link (a new user's password
 * already hashed at step 2, never again here), then sign-in and the Reseller Portal.
 */
export async function activateAction(_previous: unknown, input: FormData): Promise<StepState> {
  let target: string;
  let activated = false;
  try {
    const ctx = await openStep(formDataOf(input), { count: false }); // activateContract counts the attempt
    const progress = requireProgress(ctx);
    try {
      const done = await activateContract(ctx.db, ctx.token, activationInputFor(progress, ctx.viewer), ctx.info, {
        linkPending: true,
        locale: await getLocale(),
      });
      activated = true;
      target = `/reseller?activated=${encodeURIComponent(done.contractPublicId)}`;
      // A user with two-factor sign-in proved only their password here: they sign in with their code (a user
      // created by this activation has none, so only an existing user's is looked up).
      if (!ctx.viewer && progress.mode === "existing" && (await hasTwoFactor(ctx.db, done.userId)))
        target = `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
      else if (!ctx.viewer) {
        try {
          await signIn(ACTIVATION_SIGN_IN_PROVIDER, { ticket: issueSignInTicket(done.userId), redirect: false });
        } catch {
          target = `/sign-in?callbackUrl=${encodeURIComponent(target)}`; // active all the same; they sign in by hand
        }
      }
      await clearProgress(ctx.token);
      (await cookies()).set(ACCOUNT_COOKIE, done.accountPublicId, {
        httpOnly: true,
        sameSite: "lax",
        secure: process.env.NODE_ENV === "production",
        path: "/",
      });
    } catch (e) {
      // A problem with an earlier answer (the email taken meanwhile, the company) reopens that step with it.
      const carried = carriedProblem(e);
      if (!carried) throw e;
      await writeProgress(ctx.token, { ...progress, carried });
      target = stepUrl(ctx.token, carried.step);
    }
  } catch (e) {
    return failure(e, await getLocale());
  }
  if (activated) kickOutbox(); // the "contract activated" notice to the distributor
  redirect(target);
}

/** Reject, with a reason: the only other answer that changes the contract. */
export async function rejectAction(_previous: unknown, input: FormData): Promise<StepState> {
  const form = formDataOf(input);
  const reason = form.get("reason");
  let token: string;
  try {
    const ctx = await openStep(form, { count: false }); // rejectContract counts the attempt
    token = ctx.token;
    await rejectContract(ctx.db, token, { reason }, ctx.info);
    await clearProgress(token);
  } catch (e) {
    return { ...failure(e, await getLocale()), values: { reason: typeof reason === "string" ? reason : "" } };
  }
  redirect(`/activate/${token}`);
}

/** "Sign out to use another account": end the other user's session and come back to this link. */
export async function signOutForActivationAction(input: FormData): Promise<void> {
  await assertSameOrigin();
  const token = formDataOf(input).get("token");
  const wellFormed = typeof token === "string" && isWellFormedToken(token);
  (await cookies()).delete(ACCOUNT_COOKIE);
  if (wellFormed) await clearProgress(token);
  await signOut({ redirectTo: wellFormed ? `/activate/${token}` : "/sign-in" });
}
