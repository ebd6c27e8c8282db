import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActivateStepForm } from "./activate-step";
import { CompanyStepForm } from "./company-step";
import { RejectForm } from "./reject-form";
import { ReviewStepForm } from "./review-step";
import { StepNavForm } from "./step-nav";
import type { ActivationActions, ActivationView } from "./types";
import { ExistingUserStepForm, NewUserStepForm } from "./user-step";

const NAV = { back: "activation-back", reject: "activation-reject", otherEmail: "activation-other-email" };

/** The current step's content, every value pre-filled from the progress kept on this link. */
export function StepBody({ view, actions, contract }: { view: ActivationView; actions: ActivationActions; contract: ReactNode }) {
  const { token, progress: p, step } = view;
  const carried = p?.carried?.step === step ? p.carried : undefined;
  const back = (to: string) => <StepNavForm id={NAV.back} token={token} step={to} />;
  switch (step) {
    case "review":
      return (
        <div className="space-y-6">
          {contract}
          <ReviewStepForm
            token={token}
            action={actions.review}
            email={view.viewer?.email ?? (view.changeEmail ? "" : (p?.email ?? view.review.signeeEmail ?? ""))}
            accepted={Boolean(p) && !view.changeEmail}
            emailLocked={Boolean(view.viewer)}
            rejectForm={NAV.reject}
            carried={carried}
          />
          <StepNavForm id={NAV.reject} token={token} step="reject" />
        </div>
      );
    case "user":
      return p?.mode === "existing" ? (
        <>
          <ExistingUserStepForm
            token={token}
            action={actions.user}
            backForm={NAV.back}
            email={p.email}
            passwordProven={Boolean(p.userId)}
            otherEmailForm={NAV.otherEmail}
          />
          <StepNavForm id={NAV.otherEmail} token={token} step="review" extra={{ email: "change" }} />
        </>
      ) : (
        <>
          <NewUserStepForm
            token={token}
            action={actions.user}
            backForm={NAV.back}
            fullName={p?.fullName ?? ""}
            passwordChosen={Boolean(p?.passwordHash)}
            passwordRule={view.passwordRule}
          />
          {back("review")}
        </>
      );
    case "company":
      return (
        <>
          <CompanyStepForm
            token={token}
            action={actions.company}
            backForm={NAV.back}
            companies={view.companies}
            choice={
              p?.company?.kind === "existing" ? p.company.accountPublicId : p?.company ? "new" : (view.companies[0]?.publicId ?? "new")
            }
            companyName={p?.company?.kind === "new" ? p.company.name : (view.review.invitedCompanyName ?? "")}
            carried={carried}
          />
          {back(p?.mode === "viewer" ? "review" : "user")}
        </>
      );
    case "activate":
      return (
        <div className="space-y-4">
          <Summary view={view} />
          <ActivateStepForm token={token} action={actions.activate} backForm={NAV.back} />
          {back("company")}
        </div>
      );
    case "reject":
      return (
        <>
          <RejectForm token={token} action={actions.reject} cancelForm={NAV.back} />
          {back("review")}
        </>
      );
  }
}

function Summary({ view }: { view: ActivationView }) {
  const { review, progress: p } = view;
  const t = useTranslations("Activation");
  const company =
    p?.company?.kind === "new"
      ? t("newCompany", { name: p.company.name })
      : (view.companies.find((c) => p?.company?.kind === "existing" && c.publicId === p.company.accountPublicId)?.name ?? "");
  const signee = view.viewer
    ? `${view.viewer.fullName} (${view.viewer.email})`
    : p?.fullName
      ? `${p.fullName} (${p.email})`
      : (p?.email ?? "");
  const rows: [string, string][] = [
    [t("contract"), review.contractPublicId],
    [t("agreement"), t("agreementVersion", { name: review.agreementName, number: review.versionNumber })],
    [t("distributor"), review.distributorName],
    [t("company"), company],
    [t("signee"), signee],
    [t("permissions"), view.permissionsText.length ? view.permissionsText.join("; ") : t("noPermissionsShort")],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-md border border-border p-4 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="font-medium text-foreground">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
