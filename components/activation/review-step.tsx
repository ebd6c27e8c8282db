"use client";

import { useState, type ReactNode } from "react";
import { checkReviewAction } from "@/app/activate/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { RejectForm } from "./reject-form";
import { useStepCheck, type StepProps } from "./flow-types";

export function ReviewStep({ facts, answers, update, next, carried, contract }: StepProps & { contract: ReactNode }) {
  const [rejecting, setRejecting] = useState(false);
  const [state, action, pending] = useStepCheck(
    () => checkReviewAction(facts.token, { email: answers.email, accepted: answers.accepted }),
    (r) => next({ mode: answers.mode === "viewer" ? "viewer" : r.existingUser ? "existing" : "new", password: "" }),
    carried,
  );
  return (
    <div className="space-y-6">
      {contract}
      <form action={action} noValidate className="space-y-4 border-t border-slate-200 pt-6">
        <FormError message={state.fieldErrors ? undefined : state.error} />
        <Field id="email" label="Email" error={state.fieldErrors?.email} hint={answers.mode === "viewer" ? "You are signing as the signed-in user." : "Your work email; it becomes your sign-in."}>
          <Input id="email" name="email" type="email" autoComplete="email" value={answers.email} readOnly={answers.mode === "viewer"} onChange={(e) => update({ email: e.target.value })} error={state.fieldErrors?.email} />
        </Field>
        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="accepted" checked={answers.accepted} onChange={(e) => update({ accepted: e.target.checked })} aria-invalid={state.fieldErrors?.accepted ? true : undefined} aria-describedby="accepted-error" className="mt-0.5 h-4 w-4" />
            I have read and accepted the agreement
          </label>
          {state.fieldErrors?.accepted ? (
            <p id="accepted-error" role="alert" className="text-xs font-medium text-red-600">{state.fieldErrors.accepted}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button variant="ghost" onClick={() => setRejecting((r) => !r)} aria-expanded={rejecting}>
            Reject
          </Button>
          <button type="submit" className={buttonClass("primary")} disabled={pending}>
            {pending ? "Checking…" : "Next"}
          </button>
        </div>
      </form>
      {rejecting ? <RejectForm token={facts.token} onCancel={() => setRejecting(false)} /> : null}
    </div>
  );
}
