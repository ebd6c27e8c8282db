"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { notify } from "@/components/ui/notify";
import type { Action } from "@/lib/action-result";
import { changePasswordSchema } from "@/lib/accounts/security-schemas";

type In = z.input<typeof changePasswordSchema>;
type Out = z.output<typeof changePasswordSchema>;

/** Current password and a new one; other sessions end, this one stays. */
export function ChangePasswordForm({ email, rule, action }: { email: string; rule: string; action: Action<Out, void> }) {
  const t = useTranslations("Security");
  const common = useTranslations("Common");
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { register, reset, formState } = form;
  const { submit, formError } = useActionForm(form, action, {
    onSuccess: () => {
      reset();
      notify(t("passwordChanged"));
    },
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormError message={formError} />
      <Field id="current-password" label={t("currentPassword")} error={formState.errors.currentPassword?.message}>
        <Input
          id="current-password"
          type="password"
          autoComplete="current-password"
          error={formState.errors.currentPassword?.message}
          {...register("currentPassword")}
        />
      </Field>
      <Field id="new-password" label={t("newPassword")} hint={rule} error={formState.errors.newPassword?.message}>
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          error={formState.errors.newPassword?.message}
          {...register("newPassword")}
        />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? common("saving") : t("changePassword")}
      </Button>
    </form>
  );
}
