"use client";

import { useTranslations } from "next-intl";
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from "react-hook-form";
import { notify } from "@/components/ui/notify";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { defaultExpiryDate } from "@/lib/contracts/link-dates";
import type { DetailsActions } from "./types";

/** Rendered inside an open <Dialog>; `onDone` closes it. */
type FormProps = { publicId: string; actions: DetailsActions; onDone: () => void };

/**
 * A dialog's form tied to its action. The action validates with the shared schemas
 * (lib/contracts/detail-schemas.ts); the browser only has native limits, so zod stays out of the
 * details page's bundle. Success is a toast (it outlives the dialog); a refusal stays in the dialog.
 */
function useDialogForm<T extends FieldValues, R>(
  defaults: T,
  action: (v: T) => Promise<ActionResult<R>>,
  done: (data: R) => string,
  onDone: () => void,
) {
  const form = useForm<T>({ defaultValues: defaults as DefaultValues<T> });
  const { submit } = useActionForm(form, action, {
    onSuccess: (data) => {
      notify(done(data));
      onDone();
    },
  });
  return { form, submit };
}

function Footer({
  form,
  label,
  busy,
  variant = "primary",
}: {
  form: UseFormReturn<never>;
  label: string;
  busy: string;
  variant?: "primary" | "danger";
}) {
  const t = useTranslations("ContractDetails");
  const submitting = form.formState.isSubmitting;
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="secondary">{t("cancel")}</Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={submitting}>
        {submitting ? busy : label}
      </Button>
    </DialogFooter>
  );
}

export function EmailLinkDialog({ publicId, actions, onDone, signeeEmail }: FormProps & { signeeEmail: string | null }) {
  const t = useTranslations("ContractDetails");
  const { form, submit } = useDialogForm(
    { publicId, signeeEmail: signeeEmail ?? "" },
    actions.emailLink,
    (d) => t("emailed", { to: d.to }),
    onDone,
  );
  const error = form.formState.errors.signeeEmail?.message;
  return (
    <DialogContent title={t("emailTitle")} description={t("emailText")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="signeeEmail" label={t("signeeEmail")} error={error}>
          <Input
            id="signeeEmail"
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            error={error}
            {...form.register("signeeEmail")}
          />
        </Field>
        <Footer form={form as never} label={t("sendEmail")} busy={t("sending")} />
      </form>
    </DialogContent>
  );
}

export function RegenerateDialog({ publicId, actions, onDone }: FormProps) {
  const t = useTranslations("ContractDetails");
  const { form, submit } = useDialogForm(
    { publicId, linkExpiresOn: defaultExpiryDate() },
    actions.regenerateLink,
    () => t("regenerated"),
    onDone,
  );
  const error = form.formState.errors.linkExpiresOn?.message;
  return (
    <DialogContent title={t("regenerateTitle")} description={t("regenerateText")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="linkExpiresOn" label={t("linkExpiresOn")} hint={t("atMostAYear")} error={error}>
          <Input id="linkExpiresOn" type="date" required error={error} {...form.register("linkExpiresOn")} />
        </Field>
        <Footer form={form as never} label={t("regenerateLink")} busy={t("regenerating")} />
      </form>
    </DialogContent>
  );
}

export function TerminateDialog({ publicId, actions, onDone }: FormProps) {
  const t = useTranslations("ContractDetails");
  const { form, submit } = useDialogForm({ publicId, reason: "" }, actions.terminateContract, () => t("terminated"), onDone);
  const error = form.formState.errors.reason?.message;
  return (
    <DialogContent title={t("terminateTitle", { id: publicId })} description={t("terminateText")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="reason" label={t("reasonLabel")} hint={t("reasonHint")} error={error}>
          <Textarea id="reason" rows={2} required maxLength={100} error={error} {...form.register("reason")} />
        </Field>
        <Footer form={form as never} label={t("terminateContract")} busy={t("terminating")} variant="danger" />
      </form>
    </DialogContent>
  );
}

/** Issue 21: move an active contract's end date later (the partner is told). */
export function ExtendDialog({ publicId, actions, onDone, endsAt }: FormProps & { endsAt: Date }) {
  const t = useTranslations("ContractDetails");
  const current = new Date(endsAt).toISOString().slice(0, 10);
  const { form, submit } = useDialogForm(
    { publicId, endsOn: "" },
    actions.extendContract,
    (d) => t("extended", { day: new Date(d.endsAt).toISOString().slice(0, 10) }),
    onDone,
  );
  const error = form.formState.errors.endsOn?.message;
  return (
    <DialogContent title={t("extendTitle", { id: publicId })} description={t("extendText", { day: current })}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="endsOn" label={t("newEndDate")} hint={t("newEndDateHint")} error={error}>
          <Input id="endsOn" type="date" required min={current} error={error} {...form.register("endsOn")} />
        </Field>
        <Footer form={form as never} label={t("extendContract")} busy={t("extending")} />
      </form>
    </DialogContent>
  );
}
