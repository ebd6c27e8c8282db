"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/field";
import type { StepAction } from "@/lib/activation/step-state";
import { StepButtons } from "./step-nav";
import { useStep } from "./use-step";

/** Step 4's only answer: the Activate button, under the summary the page shows. */
export function ActivateStepForm({ token, action, backForm }: { token: string; action: StepAction; backForm: string }) {
  const { formAction, pending, error, fieldErrors } = useStep(action);
  const messages = Object.values(fieldErrors);
  const t = useTranslations("Activation");
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={error ?? (messages.length ? messages.join(" ") : undefined)} />
      <p className="text-sm text-muted-foreground">{t("activateNote")}</p>
      <StepButtons backForm={backForm} pending={pending} label="Activate" />
    </form>
  );
}
