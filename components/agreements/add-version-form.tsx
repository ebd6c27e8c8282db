"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { notify } from "@/components/ui/notify";
import type { z } from "zod";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass, Textarea } from "@/components/ui/field";
import type { Action } from "@/lib/action-result";
import { addVersionSchema } from "@/lib/agreements/schemas";

type In = z.input<typeof addVersionSchema>;
type Out = z.output<typeof addVersionSchema>;

export function AddVersionForm({
  agreementId,
  nextNumber,
  addVersion,
}: {
  agreementId: string;
  nextNumber: number;
  addVersion: Action<Out, { number: number }>;
}) {
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(addVersionSchema),
    defaultValues: { agreementId, content: "", activate: true },
  });
  const { register, reset, formState } = form;
  const error = formState.errors.content?.message;
  // On a refusal the typed text stays in the box so nothing is lost.
  const { submit, formError } = useActionForm(form, addVersion, {
    onSuccess: (added, values) => {
      notify(`Version ${added.number} was added${values.activate ? " and activated" : ""}.`);
      reset({ agreementId, content: "", activate: true });
    },
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" {...register("agreementId")} />
      <Field
        id="version-content"
        label={`Version ${nextNumber}`}
        hint="The agreement text in markdown, or an https link to the document."
        error={error}
      >
        <Textarea id="version-content" rows={10} className={`${inputClass} font-mono`} error={error} {...register("content")} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-foreground">
        <input type="checkbox" {...register("activate")} /> Activate version
      </label>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Adding…" : "Add version"}
      </Button>
    </form>
  );
}
