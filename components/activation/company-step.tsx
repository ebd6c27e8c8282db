"use client";

import { checkCompanyAction } from "@/app/activate/actions";
import { Field, FormError, Input } from "@/components/ui/field";
import { useStepCheck, type Answers, type StepProps } from "./flow-types";
import { StepButtons } from "./user-step";

export function companyChoiceOf(a: Answers) {
  return a.companyChoice === "new" ? { kind: "new" as const, name: a.companyName } : { kind: "existing" as const, accountPublicId: a.companyChoice };
}

export function CompanyStep({ answers, update, next, back, carried }: StepProps) {
  const [state, action, pending] = useStepCheck(() => checkCompanyAction(companyChoiceOf(answers)), () => next(), carried);
  const hint = "A legal entity name including its type, such as Inc., LLC, GmbH.";
  return (
    <form action={action} noValidate className="space-y-4">
      <FormError message={state.fieldErrors ? undefined : state.error} />
      {answers.companies.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Activate for</legend>
          {answers.companies.map((c) => (
            <label key={c.publicId} className="flex items-center gap-2 text-sm">
              <input type="radio" name="companyChoice" value={c.publicId} checked={answers.companyChoice === c.publicId} onChange={() => update({ companyChoice: c.publicId })} />
              {c.name} <span className="text-slate-400">{c.publicId}</span>
            </label>
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="companyChoice" value="new" checked={answers.companyChoice === "new"} onChange={() => update({ companyChoice: "new" })} />
            Create a new company
          </label>
          {state.fieldErrors?.companyId ? <p role="alert" className="text-xs font-medium text-red-600">{state.fieldErrors.companyId}</p> : null}
        </fieldset>
      ) : null}
      {answers.companyChoice === "new" ? (
        <Field id="companyName" label="Company name" hint={hint} error={state.fieldErrors?.companyName}>
          <Input id="companyName" name="companyName" autoComplete="organization" value={answers.companyName} onChange={(e) => update({ companyName: e.target.value })} error={state.fieldErrors?.companyName} />
        </Field>
      ) : null}
      <StepButtons back={back} pending={pending} />
    </form>
  );
}
