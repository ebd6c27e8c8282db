"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { notify } from "@/components/ui/notify";
import type { Action } from "@/lib/action-result";
import type { ReminderPolicy } from "@/lib/follow-up/schemas";

type Values = { enabled: boolean; firstAfterDays: string; everyDays: string; maxReminders: string };

/**
 * The reminder policy: on/off, first reminder after N days, then every M days, at most K reminders.
 * The server validates (lib/follow-up/schemas.ts); the browser only has native limits, so zod stays out.
 */
export function ReminderPolicyForm({ policy, save }: { policy: ReminderPolicy; save: Action<ReminderPolicy, ReminderPolicy> }) {
  const t = useTranslations("Reminders");
  const common = useTranslations("Common");
  const form = useForm<Values>({
    defaultValues: {
      enabled: policy.enabled,
      firstAfterDays: String(policy.firstAfterDays),
      everyDays: String(policy.everyDays),
      maxReminders: String(policy.maxReminders),
    },
  });
  const { submit } = useActionForm(form, save as unknown as Action<Values, ReminderPolicy>, {
    onSuccess: () => notify(t("saved")),
  });
  const errors = form.formState.errors;
  return (
    <Card className="max-w-2xl">
      <h2 className="text-base font-semibold text-foreground">{t("title")}</h2>
      <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        <FormError message={errors.root?.message} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" defaultChecked={policy.enabled} {...form.register("enabled")} /> {t("sendReminders")}
        </label>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="firstAfterDays" label={t("firstAfterDays")} error={errors.firstAfterDays?.message}>
            <Input
              id="firstAfterDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={90}
              error={errors.firstAfterDays?.message}
              // Rendered with its value on the server too: readable before the form's script runs.
              defaultValue={String(policy.firstAfterDays)}
              {...form.register("firstAfterDays")}
            />
          </Field>
          <Field id="everyDays" label={t("everyDays")} error={errors.everyDays?.message}>
            <Input
              id="everyDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={90}
              error={errors.everyDays?.message}
              // Rendered with its value on the server too: readable before the form's script runs.
              defaultValue={String(policy.everyDays)}
              {...form.register("everyDays")}
            />
          </Field>
          <Field id="maxReminders" label={t("maxReminders")} error={errors.maxReminders?.message}>
            <Input
              id="maxReminders"
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              error={errors.maxReminders?.message}
              // Rendered with its value on the server too: readable before the form's script runs.
              defaultValue={String(policy.maxReminders)}
              {...form.register("maxReminders")}
            />
          </Field>
        </div>
        <p className="text-xs text-muted-foreground">{t("perContract")}</p>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? common("saving") : common("save")}
        </Button>
      </form>
    </Card>
  );
}
