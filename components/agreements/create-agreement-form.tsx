"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/ui/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { withFlashToast } from "@/components/ui/toaster";
import { Field, FormError, Input, inputClass, Textarea } from "@/components/ui/field";
import type { Action } from "@/lib/action-result";
import { createAgreementSchema, MAX_NAME, type AgreementType } from "@/lib/agreements/schemas";
import { TextPreview } from "./text-preview";

type In = z.input<typeof createAgreementSchema>;
type Out = z.output<typeof createAgreementSchema>;

/** Create Agreement: the server re-checks the same schema and the type permission. */
export function CreateAgreementForm({ types, create }: { types: AgreementType[]; create: Action<Out> }) {
  const t = useTranslations("AgreementEditor");
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(createAgreementSchema),
    defaultValues: { type: types[0], name: "", description: "", content: "", activate: true },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const content = useWatch({ control: form.control, name: "content" }) ?? "";
  // On success the action redirects to the new agreement's page, where the toast shows.
  const { submit, formError } = useActionForm(form, (values: Out) =>
    withFlashToast(t("created", { name: values.name }), () => create(values)),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={formError} />
      {types.length > 1 ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-foreground">{t("type")}</legend>
          <div className="flex gap-6">
            {types.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="radio" value={type} {...register("type")} /> {t(`typeName.${type}`)}
              </label>
            ))}
          </div>
          {errors.type ? (
            <p role="alert" className="text-xs font-medium text-destructive-text">
              {errors.type.message}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <p className="text-sm text-muted-foreground">{t("typeIs", { type: t(`typeName.${types[0]}`) })}</p>
      )}
      <Field id="name" label={t("name")} hint={t("nameHint", { max: MAX_NAME })} error={errors.name?.message}>
        <Input id="name" error={errors.name?.message} maxLength={MAX_NAME} autoComplete="off" {...register("name")} />
      </Field>
      <Field id="description" label={t("description")} hint={t("descriptionHint")} error={errors.description?.message}>
        <Textarea id="description" rows={4} error={errors.description?.message} {...register("description")} />
      </Field>
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="content" label={t("version", { number: 1 })} hint={t("contentHint")} error={errors.content?.message}>
          <Textarea id="content" rows={14} className={`${inputClass} font-mono`} error={errors.content?.message} {...register("content")} />
        </Field>
        <TextPreview content={content} />
      </div>
      <label className="flex items-center gap-2 text-sm text-foreground">
        <input type="checkbox" {...register("activate")} /> {t("activate")}
      </label>
      <div className="flex gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("creating") : t("create")}
        </Button>
        <ButtonLink href="/partners/agreements" variant="secondary">
          {t("cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
