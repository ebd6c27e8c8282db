"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, FormError, Textarea } from "@/components/ui/field";
import type { StepAction } from "@/lib/activation/step-state";
import { NavButton } from "./step-nav";
import { useStep } from "./use-step";

/**
 * Rejecting is final; it asks for the reason and says so before the button. Esc cancels it like its
 * Cancel button (focus moves to the step's title when it opens: step-focus.tsx).
 */
export function RejectForm({ token, action, cancelForm }: { token: string; action: StepAction; cancelForm: string }) {
  const { formAction, pending, error, fieldErrors, values } = useStep(action);
  const t = useTranslations("Activation");
  useEffect(() => {
    const cancelOnEscape = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      (document.getElementById(cancelForm) as HTMLFormElement | null)?.requestSubmit();
    };
    document.addEventListener("keydown", cancelOnEscape);
    return () => document.removeEventListener("keydown", cancelOnEscape);
  }, [cancelForm]);
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-3 rounded-md border border-red-300 bg-red-50/50 p-4 dark:border-red-400/30 dark:bg-red-400/10"
    >
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-foreground">{t("rejectWarning")}</p>
      <FormError message={error} />
      <Field id="reason" label={t("reason")} error={fieldErrors.reason} hint={t("reasonHint")}>
        <Textarea id="reason" name="reason" rows={3} maxLength={500} defaultValue={values.reason ?? ""} error={fieldErrors.reason} />
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("danger")} disabled={pending}>
          {pending ? t("rejecting") : t("rejectContract")}
        </button>
        <NavButton form={cancelForm}>{t("cancel")}</NavButton>
      </div>
    </form>
  );
}
