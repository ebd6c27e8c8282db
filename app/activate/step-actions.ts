"use server";

import { redirect } from "next/navigation";
import { failure } from "@/lib/action-result";
import { getLocale } from "@/lib/i18n/server";
import type { ActivationProgress, StepKey } from "@/lib/activation/progress";
import { answerCompany, answerReview, answerUser } from "@/lib/activation/step-answers";
import { openStep, stepUrl, writeProgress, type StepContext } from "@/lib/activation/step-context";
import type { StepState } from "@/lib/activation/step-state";
import { formDataOf } from "@/lib/form-data";

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/**
 * One shape for the three answering steps: the link first (openStep refuses a bad or closed one before
 * anything else), then the answer, kept in the signed progress cookie, then the next step's page.
 */
async function runStep(
  input: unknown,
  echo: string[],
  answer: (ctx: StepContext, form: FormData) => Promise<ActivationProgress>,
  nextStep: (p: ActivationProgress) => StepKey,
): Promise<StepState> {
  const form = formDataOf(input);
  const values = Object.fromEntries(echo.map((name) => [name, text(form, name)]));
  let target: string;
  try {
    const ctx = await openStep(form);
    const progress = await answer(ctx, form);
    await writeProgress(ctx.token, progress);
    target = stepUrl(ctx.token, nextStep(progress));
  } catch (e) {
    return { ...failure(e, await getLocale()), values };
  }
  redirect(target);
}

/** Step 1, Review the contract: Email and "I have read and accepted the agreement". */
export async function reviewStepAction(_previous: unknown, input: FormData): Promise<StepState> {
  return runStep(
    input,
    ["email", "accepted"],
    (ctx, form) => answerReview(ctx, { email: form.get("email"), accepted: form.get("accepted") }),
    (p) => (p.mode === "viewer" ? "company" : "user"),
  );
}

/** Step 2, Configure the user properties: a new user's name and password, or an existing user's password. */
export async function userStepAction(_previous: unknown, input: FormData): Promise<StepState> {
  return runStep(
    input,
    ["fullName"],
    (ctx, form) => answerUser(ctx, { fullName: form.get("fullName"), password: form.get("password") }),
    () => "company",
  );
}

/** Step 3, Configure the company properties: a new company's name or one of the user's companies. */
export async function companyStepAction(_previous: unknown, input: FormData): Promise<StepState> {
  return runStep(
    input,
    ["companyChoice", "companyName"],
    (ctx, form) => answerCompany(ctx, { companyChoice: form.get("companyChoice"), companyName: form.get("companyName") }),
    () => "activate",
  );
}
