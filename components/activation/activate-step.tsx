"use client";

import { useActionState } from "react";
import { activateAction, type StepResult } from "@/app/activate/actions";
import { FormError } from "@/components/ui/field";
import { companyChoiceOf } from "./company-step";
import type { StepProps } from "./flow-types";
import { StepButtons } from "./user-step";

/** Field errors from the final check send the reseller back to the step that holds the field. */
const stepOfField: Record<string, number> = { email: 1, accepted: 1, fullName: 2, password: 2, companyName: 3, companyId: 3 };

export function ActivateStep({ facts, answers, back, goTo }: StepProps & { goTo: (step: number, errors: StepResult) => void }) {
  const [state, action, pending] = useActionState<StepResult, FormData>(async () => {
    const r = await activateAction(facts.token, {
      mode: answers.mode,
      email: answers.email,
      fullName: answers.fullName,
      password: answers.password,
      company: companyChoiceOf(answers),
    });
    const field = Object.keys(r.fieldErrors ?? {})[0];
    if (field && stepOfField[field]) goTo(stepOfField[field], r);
    return r;
  }, {});
  const company = answers.companyChoice === "new" ? `${answers.companyName} (new company)` : (answers.companies.find((c) => c.publicId === answers.companyChoice)?.name ?? "");
  const rows: [string, string][] = [
    ["Contract", facts.contractPublicId],
    ["Agreement", `${facts.agreementName}, version ${facts.versionNumber}`],
    ["Distributor", facts.distributorName],
    ["Company", company],
    ["Signee", answers.mode === "viewer" ? `${facts.viewer?.fullName} (${answers.email})` : answers.fullName ? `${answers.fullName} (${answers.email})` : answers.email],
    ["Permissions", facts.permissionsText.length ? facts.permissionsText.join("; ") : "No agreement creation permissions"],
  ];
  return (
    <form action={action} className="space-y-4">
      <FormError message={state.error} />
      <dl className="grid gap-x-6 gap-y-2 rounded-md border border-slate-200 p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="font-medium text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">By clicking Activate you sign the agreement on behalf of the company and activate your Reseller Portal.</p>
      <StepButtons back={back} pending={pending} label="Activate" />
    </form>
  );
}
