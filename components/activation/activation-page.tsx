import { buttonClass } from "@/components/ui/button";
import { ContractReview } from "./contract-review";
import { StepBody } from "./step-body";
import { Stepper, STEPS } from "./stepper";
import type { ActivationActions, ActivationView } from "./types";

const NUMBER = { review: 1, user: 2, company: 3, activate: 4, reject: 1 } as const;

/**
 * One activation step per page load, rendered on the server from the progress kept on the link: every
 * step is a real form (it works without JavaScript), and the same forms are enhanced when scripts run.
 */
export function ActivationPage({ view, actions }: { view: ActivationView; actions: ActivationActions }) {
  const { viewer, step } = view;
  const title = step === "reject" ? "Reject the contract" : `${NUMBER[step]}. ${STEPS[NUMBER[step] - 1]}`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{view.review.distributorName}</p>
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">Contract activation</h1>
      {viewer ? (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <span>
            You are signed in as <strong>{viewer.fullName}</strong> ({viewer.email}). You can activate this contract as this user, for one of their companies or a new one.
          </span>
          <form action={actions.signOut}>
            <input type="hidden" name="token" value={view.token} />
            <button type="submit" className={buttonClass("secondary")}>
              Sign out to use another account
            </button>
          </form>
        </div>
      ) : null}
      <Stepper current={NUMBER[step]} skipped={viewer ? 2 : undefined} />
      <section aria-labelledby="step-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="step-title" className="mb-4 text-lg font-semibold">
          {title}
        </h2>
        <StepBody view={view} actions={actions} contract={<ContractReview review={view.review} />} />
      </section>
    </main>
  );
}
