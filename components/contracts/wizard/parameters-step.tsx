"use client";

import type { UseFormReturn } from "react-hook-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { WizardInput } from "./wizard-form";

type Props = { form: UseFormReturn<WizardInput>; canDelegate: boolean; minDate: string; maxDate: string };

export function ParametersStep({ form, canDelegate, minDate, maxDate }: Props) {
  const { register, watch, formState } = form;
  const e = formState.errors;
  const noteLength = (watch("noteToSignee") ?? "").length;
  const internalLength = (watch("internalNote") ?? "").length;
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Agreement creation permission</legend>
        <p className="mb-2 text-xs text-slate-500">What your partner may create once the contract is active.</p>
        <div className="flex flex-wrap gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register("program")} /> Program
          </label>
          {canDelegate ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...register("delegate")} /> Delegate
            </label>
          ) : null}
        </div>
        {e.delegate?.message ? <p role="alert" className="mt-1 text-xs font-medium text-red-600">{e.delegate.message}</p> : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <div className="mt-1 flex gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="test" {...register("kind")} /> Test
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="production" {...register("kind")} /> Production
          </label>
        </div>
        {e.kind?.message ? <p role="alert" className="mt-1 text-xs font-medium text-red-600">{e.kind.message}</p> : null}
      </fieldset>
      <Field id="noteToSignee" label="Note to signee" error={e.noteToSignee?.message} hint={<Counter n={noteLength} max={200} />}>
        <Textarea id="noteToSignee" rows={3} error={e.noteToSignee?.message} {...register("noteToSignee")} />
      </Field>
      <Field id="internalNote" label="Internal note (optional)" error={e.internalNote?.message} hint={<Counter n={internalLength} max={100} extra="Only your team sees it." />}>
        <Input id="internalNote" error={e.internalNote?.message} {...register("internalNote")} />
      </Field>
      <Field id="linkExpiresOn" label="Link expiration date" error={e.linkExpiresOn?.message} hint="The activation link stops working after this day (UTC), at most a year ahead.">
        <Input id="linkExpiresOn" type="date" min={minDate} max={maxDate} error={e.linkExpiresOn?.message} {...register("linkExpiresOn")} />
      </Field>
      <Field id="signeeEmail" label="Signee email (optional)" error={e.signeeEmail?.message} hint="Send the activation link to this address. Leave empty to pass the link on yourself.">
        <Input id="signeeEmail" type="email" autoComplete="off" error={e.signeeEmail?.message} {...register("signeeEmail")} />
      </Field>
    </div>
  );
}

function Counter({ n, max, extra }: { n: number; max: number; extra?: string }) {
  return (
    <span className={n > max ? "font-medium text-red-600" : undefined}>
      {extra ? `${extra} ` : ""}
      {n}/{max} characters
    </span>
  );
}
