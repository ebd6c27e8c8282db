"use client";

import { checkExistingUserAction, checkNewUserAction } from "@/app/activate/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { useStepCheck, type StepProps } from "./flow-types";

export function UserStep(props: StepProps) {
  return props.answers.mode === "existing" ? <ExistingUser {...props} /> : <NewUser {...props} />;
}

function NewUser({ facts, answers, update, next, back, carried }: StepProps) {
  const [state, action, pending] = useStepCheck(() => checkNewUserAction({ email: answers.email, fullName: answers.fullName, password: answers.password }), () => next(), carried);
  return (
    <form action={action} noValidate className="space-y-4">
      <FormError message={state.fieldErrors ? undefined : state.error} />
      <Field id="fullName" label="Full name" error={state.fieldErrors?.fullName}>
        <Input id="fullName" name="fullName" autoComplete="name" value={answers.fullName} onChange={(e) => update({ fullName: e.target.value })} error={state.fieldErrors?.fullName} />
      </Field>
      <Field id="password" label="Password" hint={facts.passwordRule} error={state.fieldErrors?.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" value={answers.password} onChange={(e) => update({ password: e.target.value })} error={state.fieldErrors?.password} />
      </Field>
      {state.fieldErrors?.password ? <p className="text-xs text-slate-500">{facts.passwordRule}</p> : null}
      <StepButtons back={back} pending={pending} />
    </form>
  );
}

function ExistingUser({ answers, update, next, back, carried }: StepProps) {
  const [state, action, pending] = useStepCheck(
    () => checkExistingUserAction({ email: answers.email, password: answers.password }),
    (r) => {
      const companies = r.companies ?? [];
      next({ companies, companyChoice: companies[0]?.publicId ?? "new" });
    },
    carried,
  );
  return (
    <div className="space-y-4">
      <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
        An account with <strong>{answers.email}</strong> already exists. Use it to sign this contract, or go back and use a different email.
      </p>
      <form action={action} noValidate className="space-y-4">
        <h3 className="text-sm font-semibold">Use my existing account</h3>
        <FormError message={state.fieldErrors ? undefined : state.error} />
        <Field id="password" label="Password" hint="The password of your existing account." error={state.fieldErrors?.password}>
          <Input id="password" name="password" type="password" autoComplete="current-password" value={answers.password} onChange={(e) => update({ password: e.target.value })} error={state.fieldErrors?.password} />
        </Field>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button variant="secondary" onClick={() => back({ email: "", mode: "new", password: "" })}>
            Use a different email
          </Button>
          <button type="submit" className={buttonClass("primary")} disabled={pending}>
            {pending ? "Checking…" : "Next"}
          </button>
        </div>
      </form>
    </div>
  );
}

export function StepButtons({ back, pending, label = "Next" }: { back: () => void; pending: boolean; label?: string }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <Button variant="secondary" onClick={() => back()}>
        Back
      </Button>
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? "Checking…" : label}
      </button>
    </div>
  );
}
