"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { StepAction } from "@/lib/activation/step-state";
import { NavButton, StepButtons } from "./step-nav";
import { useStep } from "./use-step";

type Common = { token: string; action: StepAction; backForm: string };

/** A new user: Full name and Password. The password is sent once, hashed at once, and never shown again. */
export function NewUserStepForm({
  token,
  action,
  backForm,
  fullName,
  passwordChosen,
  passwordRule,
}: Common & { fullName: string; passwordChosen: boolean; passwordRule: string }) {
  const { formAction, pending, error, fieldErrors, values } = useStep(action);
  const t = useTranslations("Activation");
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={error} />
      <Field id="fullName" label={t("fullName")} error={fieldErrors.fullName}>
        <Input id="fullName" name="fullName" autoComplete="name" defaultValue={values.fullName ?? fullName} error={fieldErrors.fullName} />
      </Field>
      <Field
        id="password"
        label={t("password")}
        hint={passwordChosen ? t("passwordKept", { rule: passwordRule }) : passwordRule}
        error={fieldErrors.password}
      >
        <Input id="password" name="password" type="password" autoComplete="new-password" error={fieldErrors.password} />
      </Field>
      {fieldErrors.password ? <p className="text-xs text-muted-foreground">{passwordRule}</p> : null}
      <StepButtons backForm={backForm} pending={pending} />
    </form>
  );
}

/** An existing user: their password (checked like a sign-in), or back to use a different email. */
export function ExistingUserStepForm({
  token,
  action,
  email,
  passwordProven,
  otherEmailForm,
}: Common & { email: string; passwordProven: boolean; otherEmailForm: string }) {
  const { formAction, pending, error, fieldErrors } = useStep(action);
  const t = useTranslations("Activation");
  return (
    <div className="space-y-4">
      <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900 dark:bg-blue-400/10 dark:text-blue-100">
        {t.rich("existingAccount", { email, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <form action={formAction} noValidate className="space-y-4">
        <input type="hidden" name="token" value={token} />
        <h3 className="text-sm font-semibold">{t("useExisting")}</h3>
        <FormError message={error} />
        <Field
          id="password"
          label={t("password")}
          hint={passwordProven ? t("passwordProven") : t("passwordExisting")}
          error={fieldErrors.password}
        >
          <Input id="password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        </Field>
        {/* A new tab: this step stays open while the reset email is read; come back and enter the new password. */}
        <p className="text-sm">
          <a href="/forgot-password" target="_blank" rel="noopener" className="text-link hover:underline">
            {t("forgotPassword")}
          </a>
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <NavButton form={otherEmailForm}>{t("otherEmail")}</NavButton>
          <button type="submit" className={buttonClass("primary")} disabled={pending}>
            {pending ? t("checking") : t("next")}
          </button>
        </div>
      </form>
    </div>
  );
}
