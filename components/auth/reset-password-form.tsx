"use client";

import { useTranslations } from "next-intl";
import { Field, FormError, Input } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/action-result";

/** The new password, posted (the page's GET never spends the link). Works without JavaScript. */
export function ResetPasswordForm({
  action,
  token,
  email,
  rule,
}: {
  action: FormAction<never>;
  token: string;
  email: string;
  rule: string;
}) {
  const { formAction, pending, formError, fieldError } = useFormAction(action);
  const t = useTranslations("PasswordReset");
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <p className="text-sm text-muted-foreground">
        {t.rich("resetIntro", { email, b: (chunks) => <span className="break-all font-medium text-foreground">{chunks}</span> })}
      </p>
      <FormError message={fieldError("password") ? undefined : formError} />
      <Field id="password" label={t("newPassword")} hint={rule} error={fieldError("password")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required error={fieldError("password")} />
      </Field>
      <button type="submit" className={`${buttonClass("primary")} w-full`} disabled={pending}>
        {pending ? t("saving") : t("setPassword")}
      </button>
    </form>
  );
}
