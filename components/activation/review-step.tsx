"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { StepAction } from "@/lib/activation/step-state";
import { NavButton } from "./step-nav";
import { useStep } from "./use-step";

type Props = {
  token: string;
  action: StepAction;
  email: string;
  accepted: boolean;
  /** The signed-in user signs as themselves: their email cannot be changed here. */
  emailLocked: boolean;
  rejectForm: string;
  carried?: { error: string; fieldErrors: Record<string, string> };
};

/** Step 1's answers: Email and "I have read and accepted the agreement", then Next (or Reject). */
export function ReviewStepForm({ token, action, email, accepted, emailLocked, rejectForm, carried }: Props) {
  const { formAction, pending, error, fieldErrors, values } = useStep(action, carried);
  const t = useTranslations("Activation");
  const checked = values.email !== undefined ? values.accepted === "on" : accepted;
  return (
    <form action={formAction} noValidate className="space-y-4 border-t border-border pt-6">
      <input type="hidden" name="token" value={token} />
      <FormError message={error} />
      <Field id="email" label={t("email")} error={fieldErrors.email} hint={emailLocked ? t("emailLockedHint") : t("emailHint")}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={values.email ?? email}
          readOnly={emailLocked}
          error={fieldErrors.email}
        />
      </Field>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="accepted"
            defaultChecked={checked}
            aria-invalid={fieldErrors.accepted ? true : undefined}
            aria-describedby="accepted-error"
            className="mt-0.5 h-4 w-4"
          />
          {t("accepted")}
        </label>
        {fieldErrors.accepted ? (
          <p id="accepted-error" role="alert" className="text-xs font-medium text-destructive-text">
            {fieldErrors.accepted}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <NavButton form={rejectForm} variant="ghost">
          {t("reject")}
        </NavButton>
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? t("checking") : t("next")}
        </button>
      </div>
    </form>
  );
}
