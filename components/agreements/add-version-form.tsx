"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { notify } from "@/components/ui/notify";
import type { z } from "zod";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass, Textarea } from "@/components/ui/field";
import type { Action } from "@/lib/action-result";
import { addVersionSchema } from "@/lib/agreements/schemas";
import { TextPreview } from "./text-preview";

type In = z.input<typeof addVersionSchema>;
type Out = z.output<typeof addVersionSchema>;

/** Add version saves a draft: nobody is asked to sign it until it is published from the versions list. */
export function AddVersionForm({
  agreementId,
  nextNumber,
  addVersion,
}: {
  agreementId: string;
  nextNumber: number;
  addVersion: Action<Out, { number: number }>;
}) {
  const t = useTranslations("AgreementEditor");
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(addVersionSchema),
    defaultValues: { agreementId, content: "" },
  });
  const { register, reset, formState } = form;
  const content = useWatch({ control: form.control, name: "content" }) ?? "";
  const error = formState.errors.content?.message;
  // On a refusal the typed text stays in the box so nothing is lost.
  const { submit, formError } = useActionForm(form, addVersion, {
    onSuccess: (added) => {
      notify(t("draftSaved", { number: added.number }));
      reset({ agreementId, content: "" });
    },
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" {...register("agreementId")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="version-content" label={t("version", { number: nextNumber })} hint={t("draftHint")} error={error}>
          <Textarea id="version-content" rows={14} className={`${inputClass} font-mono`} error={error} {...register("content")} />
        </Field>
        <TextPreview content={content} />
      </div>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("saveDraft")}
      </Button>
    </form>
  );
}
