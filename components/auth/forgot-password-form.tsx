"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormError, Input } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult, FormAction } from "@/lib/action-result";

/** Asks for the email; the answer is the same whether or not it has an account. Works without JavaScript. */
export function ForgotPasswordForm({ action }: { action: FormAction<{ message: string }> }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ message: string }> | null, FormData>(action, null);
  const t = useTranslations("PasswordReset");
  if (state?.ok) return <Notice tone="success">{state.data.message}</Notice>;
  const emailError = state?.fieldErrors?.email;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm text-muted-foreground">{t("forgotIntro")}</p>
      <FormError message={emailError ? undefined : state?.error} />
      <Field id="email" label={t("email")} error={emailError}>
        <Input id="email" name="email" type="email" autoComplete="username" required error={emailError} />
      </Field>
      <button type="submit" className={`${buttonClass("primary")} w-full`} disabled={pending}>
        {pending ? t("sending") : t("sendLink")}
      </button>
    </form>
  );
}
