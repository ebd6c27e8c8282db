"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { errorOf } from "@/components/directory/form-errors";
import { Field, Input, inputClass, Textarea } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import type { WizardInput } from "./wizard-form";

type ParameterValues = Pick<
  WizardInput,
  "program" | "delegate" | "kind" | "noteToSignee" | "internalNote" | "linkExpiresOn" | "endsOn" | "sendReminders" | "signeeLocale"
>;

type FieldsProps<T extends FieldValues> = {
  form: UseFormReturn<T>;
  canDelegate: boolean;
  /** Program is offered only to an account that holds program.create itself (a grant never exceeds the issuer's). */
  canProgram: boolean;
  minDate: string;
  maxDate: string;
  /** Where the invitation goes: the wizard's optional signee email; Create Partner asks for it elsewhere. */
  emailField?: ReactNode;
};

/**
 * The contract parameters (same schema, same labels) for every form that makes a contract: the wizard's
 * Parameters step and Create Partner. Errors are looked up by name, because Create Partner's schema is a
 * union whose error type only names the keys common to every branch.
 */
export function ContractParameterFields<T extends FieldValues>({
  form: typed,
  canDelegate,
  canProgram,
  minDate,
  maxDate,
  emailField,
}: FieldsProps<T>) {
  // Both forms hold these fields; react-hook-form cannot type register() by a generic form's keys.
  const t = useTranslations("Wizard");
  const form = typed as unknown as UseFormReturn<ParameterValues>;
  const { register, watch } = form;
  const err = (name: keyof ParameterValues) => errorOf(form, name);
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium text-foreground">{t("permissionLegend")}</legend>
        <p className="mb-2 text-xs text-muted-foreground">{t("permissionHint")}</p>
        <div className="flex flex-wrap gap-6">
          {canProgram ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...register("program")} /> {t("program")}
            </label>
          ) : null}
          {canDelegate ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...register("delegate")} /> {t("delegate")}
            </label>
          ) : null}
          {canProgram || canDelegate ? null : <p className="text-sm text-muted-foreground">{t("cannotPassOn")}</p>}
        </div>
        {err("program") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err("program")}
          </p>
        ) : null}
        {err("delegate") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err("delegate")}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-foreground">{t("kind")}</legend>
        <div className="mt-1 flex gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="test" {...register("kind")} /> {t("kindTest")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="production" {...register("kind")} /> {t("kindProduction")}
          </label>
        </div>
        {err("kind") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err("kind")}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="noteToSignee"
        label={t("noteToSignee")}
        required
        error={err("noteToSignee")}
        hint={<Counter n={(watch("noteToSignee") ?? "").length} max={200} />}
      >
        <Textarea id="noteToSignee" rows={3} aria-required="true" error={err("noteToSignee")} {...register("noteToSignee")} />
      </Field>
      <Field
        id="internalNote"
        label={t("internalNote")}
        error={err("internalNote")}
        hint={<Counter n={(watch("internalNote") ?? "").length} max={100} extra={t("internalNoteHint")} />}
      >
        <Input id="internalNote" error={err("internalNote")} {...register("internalNote")} />
      </Field>
      <Field id="linkExpiresOn" label={t("linkExpiresOn")} error={err("linkExpiresOn")} hint={t("linkExpiresOnHint")}>
        <Input id="linkExpiresOn" type="date" min={minDate} max={maxDate} error={err("linkExpiresOn")} {...register("linkExpiresOn")} />
      </Field>
      <Field id="endsOn" label={t("endsOn")} error={err("endsOn")} hint={t("endsOnHint")}>
        <Input id="endsOn" type="date" min={minDate} max={plusDays(minDate, 730)} error={err("endsOn")} {...register("endsOn")} />
      </Field>
      {emailField}
      <Field id="signeeLocale" label={t("signeeLocale")} error={err("signeeLocale")} hint={t("signeeLocaleHint")}>
        <select id="signeeLocale" className={inputClass} {...register("signeeLocale")}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" aria-describedby="sendReminders-hint" {...register("sendReminders")} /> {t("sendReminders")}
        </label>
        <p id="sendReminders-hint" className="mt-1 text-xs text-muted-foreground">
          {t("sendRemindersHint")}
        </p>
      </div>
    </div>
  );
}

/** The wizard's Parameters step: the shared fields plus the optional signee email. */
export function ParametersStep(props: Omit<FieldsProps<WizardInput>, "emailField">) {
  const t = useTranslations("Wizard");
  const { register, formState } = props.form;
  const error = formState.errors.signeeEmail?.message;
  const email = (
    <Field id="signeeEmail" label={t("signeeEmail")} error={error} hint={t("signeeEmailHint")}>
      <Input id="signeeEmail" type="email" autoComplete="off" error={error} {...register("signeeEmail")} />
    </Field>
  );
  return (
    <div className="space-y-4">
      <h2 className="text-base font-semibold text-foreground">{t("setParameters")}</h2>
      <ContractParameterFields {...props} emailField={email} />
    </div>
  );
}

function plusDays(day: string, days: number): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) ? day : new Date(at + days * 86_400_000).toISOString().slice(0, 10);
}

function Counter({ n, max, extra }: { n: number; max: number; extra?: string }) {
  const t = useTranslations("Wizard");
  return (
    <span className={n > max ? "font-medium text-destructive-text" : undefined}>
      {extra ? `${extra} ` : ""}
      {t("characters", { n, max })}
    </span>
  );
}
