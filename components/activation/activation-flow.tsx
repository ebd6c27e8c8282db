"use client";

import { useState, type ReactNode } from "react";
import type { StepResult } from "@/app/activate/actions";
import { signOutForActivationAction } from "@/app/activate/actions";
import { buttonClass } from "@/components/ui/button";
import { ActivateStep } from "./activate-step";
import { CompanyStep } from "./company-step";
import type { Answers, FlowFacts } from "./flow-types";
import { ReviewStep } from "./review-step";
import { Stepper, STEPS } from "./stepper";
import { UserStep } from "./user-step";

/**
 * The four steps in the browser. Every step is checked by a server action that stores nothing;
 * only Activate (or Reject) writes.
 */
export function ActivationFlow({ facts, contract }: { facts: FlowFacts; contract: ReactNode }) {
  const viewer = facts.viewer;
  const [step, setStep] = useState(1);
  const [carried, setCarried] = useState<StepResult | undefined>();
  const [answers, setAnswers] = useState<Answers>({
    mode: viewer ? "viewer" : "new",
    email: viewer?.email ?? "",
    accepted: false,
    fullName: "",
    password: "",
    companies: viewer?.companies ?? [],
    companyChoice: viewer?.companies[0]?.publicId ?? "new",
    companyName: facts.invitedCompanyName,
  });
  const update = (patch: Partial<Answers>) => setAnswers((a) => ({ ...a, ...patch }));
  // A signed-in user needs no user step: they sign as themselves.
  const after = (n: number) => (n === 1 && answers.mode === "viewer" ? 3 : n + 1);
  const before = (n: number) => (n === 3 && answers.mode === "viewer" ? 1 : n - 1);
  const props = {
    facts,
    carried,
    answers,
    update,
    next: (patch?: Partial<Answers>) => {
      if (patch) update(patch);
      setCarried(undefined);
      setStep((s) => (patch?.mode === "viewer" || answers.mode === "viewer" ? after(s) : s + 1));
    },
    back: (patch?: Partial<Answers>) => {
      if (patch) update(patch);
      setStep((s) => before(s));
    },
  };
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{facts.distributorName}</p>
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">Contract activation</h1>
      {viewer ? (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <span>
            You are signed in as <strong>{viewer.fullName}</strong> ({viewer.email}). You can activate this contract as this user, for one of their companies or a new one.
          </span>
          <form action={signOutForActivationAction.bind(null, facts.token)}>
            <button type="submit" className={buttonClass("secondary")}>
              Sign out to use another account
            </button>
          </form>
        </div>
      ) : null}
      <Stepper current={step} skipped={answers.mode === "viewer" ? 2 : undefined} />
      <section aria-labelledby="step-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="step-title" className="mb-4 text-lg font-semibold">
          {step}. {STEPS[step - 1]}
        </h2>
        {step === 1 ? <ReviewStep {...props} contract={contract} /> : null}
        {step === 2 ? <UserStep {...props} /> : null}
        {step === 3 ? <CompanyStep {...props} /> : null}
        {step === 4 ? (
          <ActivateStep
            {...props}
            goTo={(n, r) => {
              setCarried(r);
              setStep(n);
            }}
          />
        ) : null}
      </section>
    </main>
  );
}
