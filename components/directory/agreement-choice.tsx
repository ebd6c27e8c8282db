"use client";

import type { UseFormReturn } from "react-hook-form";
import { Field, Input, Textarea, inputClass } from "@/components/ui/field";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import type { CreatePartnerInput } from "@/lib/directory/schemas";
import { errorOf } from "./form-errors";

type Props = { form: UseFormReturn<CreatePartnerInput>; agreements: WizardAgreement[] };

/** Either one of the account's service agreements with an active version, or a new one written here. */
export function AgreementChoice({ form, agreements }: Props) {
  const { register, watch } = form;
  const mode = watch("agreementMode");
  const err = (name: string) => errorOf(form, name);
  return (
    <fieldset className="space-y-4">
      <legend className="mb-3 text-base font-semibold text-foreground">Service agreement</legend>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="existing" disabled={agreements.length === 0} {...register("agreementMode")} /> Choose an existing
          agreement
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="new" {...register("agreementMode")} /> Write a new agreement
        </label>
      </div>
      {agreements.length === 0 ? (
        <p className="text-xs text-muted-foreground">None of your service agreements has an active version yet, so write one here.</p>
      ) : null}
      {mode === "existing" ? (
        <Field id="agreementId" label="Agreement" error={err("agreementId")}>
          <select id="agreementId" className={inputClass} aria-invalid={err("agreementId") ? true : undefined} {...register("agreementId")}>
            <option value="">Choose a service agreement…</option>
            {agreements.map((a) => (
              <option key={a.publicId} value={a.publicId}>
                {a.name} ({a.publicId}, version {a.versionNumber})
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <div className="space-y-4 rounded-md border border-border bg-muted p-4">
          <Field id="agreementName" label="Name" error={err("agreementName")} hint="At most 100 characters.">
            <Input id="agreementName" error={err("agreementName")} {...register("agreementName")} />
          </Field>
          <Field id="agreementDescription" label="Description" error={err("agreementDescription")} hint="Markdown.">
            <Textarea id="agreementDescription" rows={2} error={err("agreementDescription")} {...register("agreementDescription")} />
          </Field>
          <Field
            id="agreementContent"
            label="Version 1 text"
            error={err("agreementContent")}
            hint={`The agreement document in markdown, or an https link to it. Version 1 is activated. ${(watch("agreementContent") ?? "").length} characters`}
          >
            <Textarea id="agreementContent" rows={8} error={err("agreementContent")} {...register("agreementContent")} />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
