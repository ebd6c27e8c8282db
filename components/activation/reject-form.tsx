"use client";

import { useActionState, useState } from "react";
import { rejectAction, type StepResult } from "@/app/activate/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Textarea } from "@/components/ui/field";

/** Rejecting is final; it asks for the reason and says so before the button. */
export function RejectForm({ token, onCancel }: { token: string; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const [state, action, pending] = useActionState<StepResult, FormData>(() => rejectAction(token, reason), {});
  return (
    <form action={action} noValidate className="space-y-3 rounded-md border border-red-200 bg-red-50/50 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Reject the contract</h3>
      <p className="text-sm text-slate-700">The distributor sees your reason. The link stops working once you reject.</p>
      <FormError message={state.fieldErrors ? undefined : state.error} />
      <Field id="reason" label="Reason" error={state.fieldErrors?.reason} hint="At most 500 characters.">
        <Textarea id="reason" name="reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={state.fieldErrors?.reason} />
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("danger")} disabled={pending}>
          {pending ? "Rejecting…" : "Reject contract"}
        </button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
