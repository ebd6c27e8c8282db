"use client";

import type { UseFormReturn } from "react-hook-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { CreatePartnerInput } from "@/lib/directory/schemas";
import { errorOf } from "./form-errors";

type Props = { form: UseFormReturn<CreatePartnerInput>; canDelegate: boolean; minDate: string; maxDate: string };

/**
 * The wizard's contract parameters (same schema, same labels) without its signee email: in Create Partner
 * the invitation always goes to the contact email.
 */
export function PartnerParameters({ form, canDelegate, minDate, maxDate }: Props) {
  const { register, watch } = form;
  const err = (name: string) => errorOf(form, name);
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
        {err("delegate") ? <p role="alert" className="mt-1 text-xs font-medium text-red-600">{err("delegate")}</p> : null}
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
        {err("kind") ? <p role="alert" className="mt-1 text-xs font-medium text-red-600">{err("kind")}</p> : null}
      </fieldset>
      <Field id="noteToSignee" label="Note to signee" error={err("noteToSignee")} hint={`${(watch("noteToSignee") ?? "").length}/200 characters`}>
        <Textarea id="noteToSignee" rows={3} error={err("noteToSignee")} {...register("noteToSignee")} />
      </Field>
      <Field id="internalNote" label="Internal note (optional)" error={err("internalNote")} hint={`Only your team sees it. ${(watch("internalNote") ?? "").length}/100 characters`}>
        <Input id="internalNote" error={err("internalNote")} {...register("internalNote")} />
      </Field>
      <Field id="linkExpiresOn" label="Link expiration date" error={err("linkExpiresOn")} hint="The activation link stops working after this day (UTC), at most a year ahead.">
        <Input id="linkExpiresOn" type="date" min={minDate} max={maxDate} error={err("linkExpiresOn")} {...register("linkExpiresOn")} />
      </Field>
    </div>
  );
}
