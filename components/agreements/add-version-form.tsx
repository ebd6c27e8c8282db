"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Languages, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFieldArray, useForm, useWatch, type Resolver } from "react-hook-form";
import { notify } from "@/components/ui/notify";
import type { z } from "zod";
import { useActionForm } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field, FormError, inputClass, Textarea } from "@/components/ui/field";
import type { Action } from "@/lib/action-result";
import { addVersionSchema, contentKindOf } from "@/lib/agreements/schemas";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { TextPreview } from "./text-preview";

type In = z.input<typeof addVersionSchema>;
type Out = z.output<typeof addVersionSchema>;

const checkAll = zodResolver(addVersionSchema);

/** A link version has no texts in other languages: the hidden ones are neither checked nor sent. */
const resolver: Resolver<In, unknown, Out> = (values, context, options) =>
  checkAll(contentKindOf(values.content ?? "") === "link" ? { ...values, texts: [] } : values, context, options);

/**
 * Add version saves a draft: nobody is asked to sign it until it is published from the versions list.
 * A markdown version may carry its text in other languages (issue 24), each with its own editor and
 * preview, shown to a signee who reads that language instead of the main text.
 */
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
  const form = useForm<In, unknown, Out>({ resolver, defaultValues: { agreementId, content: "", texts: [] } });
  const { register, reset, formState } = form;
  const texts = useFieldArray({ control: form.control, name: "texts" });
  const content = useWatch({ control: form.control, name: "content" }) ?? "";
  const typed = useWatch({ control: form.control, name: "texts" }) ?? [];
  const error = formState.errors.content?.message;
  const isLink = contentKindOf(content) === "link";
  const added = texts.fields.map((f) => f.locale as Locale);
  const available = LOCALES.filter((l) => !added.includes(l));
  // Keyboard: a new language's editor takes the focus; after a removal the focus goes back to "Add a language".
  const focusNext = useRef<Locale | "add" | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const justAdded = useRef<Locale | null>(null);
  // After the render that added or removed a language (no dependencies: it checks the ref each time).
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (target === "add" ? addButton.current : document.getElementById(`version-text-${target}`))?.focus();
  });
  // On a refusal the typed text stays in the box so nothing is lost.
  const { submit, formError } = useActionForm(form, addVersion, {
    onSuccess: (saved) => {
      notify(t("draftSaved", { number: saved.number }));
      reset({ agreementId, content: "", texts: [] });
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
      {isLink ? null : (
        <section aria-labelledby="other-languages" className="space-y-4 border-t border-border pt-4" data-testid="other-languages">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 flex-1 space-y-1">
              <h3 id="other-languages" className="text-sm font-semibold text-foreground">
                {t("otherLanguages")}
              </h3>
              <p className="text-xs text-muted-foreground">{t("otherLanguagesHint")}</p>
            </div>
            {available.length ? (
              <DropdownMenu modal={false}>
                <DropdownMenuTrigger ref={addButton} className={buttonClass("secondary", "sm")}>
                  <Languages aria-hidden="true" /> {t("addLanguage")}
                </DropdownMenuTrigger>
                <DropdownMenuContent
                  onCloseAutoFocus={(e) => {
                    // The new language's editor takes the focus (Radix would return it to the button).
                    if (!justAdded.current) return;
                    e.preventDefault();
                    document.getElementById(`version-text-${justAdded.current}`)?.focus();
                    justAdded.current = null;
                  }}
                >
                  {available.map((locale) => (
                    <DropdownMenuItem
                      key={locale}
                      lang={locale}
                      onSelect={() => {
                        texts.append({ locale, content: "" }, { shouldFocus: false });
                        justAdded.current = locale;
                        focusNext.current = locale;
                      }}
                    >
                      {LOCALE_NAMES[locale]}
                    </DropdownMenuItem>
                  ))}
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </div>
          {texts.fields.map((field, index) => {
            const locale = field.locale as Locale;
            const language = LOCALE_NAMES[locale];
            const id = `version-text-${locale}`;
            const fieldError = formState.errors.texts?.[index]?.content?.message ?? formState.errors.texts?.[index]?.locale?.message;
            return (
              <div
                key={field.id}
                role="group"
                aria-labelledby={`${id}-heading`}
                className="space-y-3 rounded-md border border-border p-3 sm:p-4"
                data-testid={`language-${locale}`}
              >
                <div className="flex items-center justify-between gap-3">
                  <h4 id={`${id}-heading`} lang={locale} className="text-sm font-semibold text-foreground">
                    {language}
                  </h4>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("removeLanguage", { language })}
                    onClick={() => {
                      texts.remove(index);
                      focusNext.current = "add";
                    }}
                  >
                    <X aria-hidden="true" /> {t("remove")}
                  </Button>
                </div>
                <input type="hidden" {...register(`texts.${index}.locale`)} />
                <div className="grid gap-4 lg:grid-cols-2">
                  <Field id={id} label={t("textIn", { language })} hint={t("languageHint", { language })} error={fieldError}>
                    <Textarea
                      id={id}
                      lang={locale}
                      rows={10}
                      className={`${inputClass} font-mono`}
                      error={fieldError}
                      {...register(`texts.${index}.content`)}
                    />
                  </Field>
                  <TextPreview content={typed[index]?.content ?? ""} label={t("previewIn", { language })} lang={locale} markdown />
                </div>
              </div>
            );
          })}
        </section>
      )}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("saveDraft")}
      </Button>
    </form>
  );
}
