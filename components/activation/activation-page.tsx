import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { IntlIsland } from "@/components/intl-island";
import { buttonClass } from "@/components/ui/button";
import { ActivationShell } from "./activation-shell";
import { ContractReview } from "./contract-review";
import { StepBody } from "./step-body";
import { StepFocus } from "./step-focus";
import { Stepper, STEPS } from "./stepper";
import type { ActivationActions, ActivationView } from "./types";

const NUMBER = { review: 1, user: 2, company: 3, activate: 4, reject: 1 } as const;

/**
 * One activation step per page load, rendered on the server from the progress kept on the link: every
 * step is a real form (it works without JavaScript), and the same forms are enhanced when scripts run.
 */
export function ActivationPage({ view, actions, switcher }: { view: ActivationView; actions: ActivationActions; switcher?: ReactNode }) {
  const { viewer, step } = view;
  const t = useTranslations("Activation");
  const title =
    step === "reject" ? t("rejectTitle") : t("stepTitle", { number: NUMBER[step], title: t(`steps.${STEPS[NUMBER[step] - 1]}`) });
  return (
    <ActivationShell
      brand={view.review.distributorName}
      logoUrl={view.review.brand?.logoUrl}
      accentColor={view.review.brand?.accentColor}
      switcher={switcher}
    >
      <main id="content" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 outline-none sm:py-10">
        <p className="text-sm font-medium text-muted-foreground">{t("invites", { distributor: view.review.distributorName })}</p>
        <h1 className="mb-6 text-2xl font-semibold tracking-tight text-foreground">{t("title")}</h1>
        {viewer ? (
          <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 print:hidden dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100">
            <span>{t.rich("signedInAs", { name: viewer.fullName, email: viewer.email, b: (chunks) => <strong>{chunks}</strong> })}</span>
            <form action={actions.signOut}>
              <input type="hidden" name="token" value={view.token} />
              <button type="submit" className={buttonClass("secondary")}>
                {t("signOutOther")}
              </button>
            </form>
          </div>
        ) : null}
        <div className="print:hidden">
          <Stepper current={NUMBER[step]} skipped={viewer ? 2 : undefined} />
        </div>
        <section
          aria-labelledby="step-title"
          className="rounded-lg border border-border bg-card p-4 shadow-sm sm:p-6 print:border-0 print:p-0 print:shadow-none"
        >
          <h2 id="step-title" tabIndex={-1} className="mb-4 text-lg font-semibold outline-none">
            {title}
          </h2>
          <StepFocus key={step} target="step-title" />
          {/* The step forms are client components: their words travel with them. */}
          <IntlIsland namespaces={["Activation"]}>
            <StepBody view={view} actions={actions} contract={<ContractReview review={view.review} />} />
          </IntlIsland>
        </section>
      </main>
    </ActivationShell>
  );
}
