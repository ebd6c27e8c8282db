"use client";

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
  const submitting = form.formState.isSubmitting;
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="secondary">Cancel</Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={submitting}>
        {submitting ? busy : label}
      </Button>
    </DialogFooter>
  );
}

export function EmailLinkDialog({ publicId, actions, onDone, signeeEmail }: FormProps & { signeeEmail: string | null }) {
  const { form, submit } = useDialogForm(
    { publicId, signeeEmail: signeeEmail ?? "" },
    actions.emailLink,
    (d) => `Activation link emailed to ${d.to}.`,
    onDone,
  );
  const error = form.formState.errors.signeeEmail?.message;
  return (
    <DialogContent title="Email the activation link" description="The invitation with the current link goes to this address.">
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="signeeEmail" label="Signee email" error={error}>
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
        <Footer form={form as never} label="Send email" busy="Sending…" />
      </form>
    </DialogContent>
  );
}

export function RegenerateDialog({ publicId, actions, onDone }: FormProps) {
  const { form, submit } = useDialogForm(
    { publicId, linkExpiresOn: defaultExpiryDate() },
    actions.regenerateLink,
    () => "A new activation link was created. The previous link no longer works.",
    onDone,
  );
  const error = form.formState.errors.linkExpiresOn?.message;
  return (
    <DialogContent
      title="Regenerate the activation link"
      description="The current link stops working at once. Send the new link to your partner."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="linkExpiresOn" label="Link expiration date" hint="At most a year ahead." error={error}>
          <Input id="linkExpiresOn" type="date" required error={error} {...form.register("linkExpiresOn")} />
        </Field>
        <Footer form={form as never} label="Regenerate link" busy="Regenerating…" />
      </form>
    </DialogContent>
  );
}

export function TerminateDialog({ publicId, actions, onDone }: FormProps) {
  const { form, submit } = useDialogForm({ publicId, reason: "" }, actions.terminateContract, () => "The contract was terminated.", onDone);
  const error = form.formState.errors.reason?.message;
  return (
    <DialogContent
      title={`Terminate contract ${publicId}?`}
      description="The partner loses the permissions this contract granted immediately. This cannot be undone."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="reason" label="Reason" hint="Required, at most 100 characters. The partner is told." error={error}>
          <Textarea id="reason" rows={2} required maxLength={100} error={error} {...form.register("reason")} />
        </Field>
        <Footer form={form as never} label="Terminate contract" busy="Terminating…" variant="danger" />
      </form>
    </DialogContent>
  );
}

/** Issue 21: move an active contract's end date later (the partner is told). */
export function ExtendDialog({ publicId, actions, onDone, endsAt }: FormProps & { endsAt: Date }) {
  const current = new Date(endsAt).toISOString().slice(0, 10);
  const { form, submit } = useDialogForm(
    { publicId, endsOn: "" },
    actions.extendContract,
    (d) => `The contract now ends on ${new Date(d.endsAt).toISOString().slice(0, 10)}.`,
    onDone,
  );
  const error = form.formState.errors.endsOn?.message;
  return (
    <DialogContent title={`Extend contract ${publicId}`} description={`It now ends after ${current} (UTC). Choose a later day.`}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="endsOn" label="New end date" hint="At most two years ahead. Both sides are told." error={error}>
          <Input id="endsOn" type="date" required min={current} error={error} {...form.register("endsOn")} />
        </Field>
        <Footer form={form as never} label="Extend contract" busy="Extending…" />
      </form>
    </DialogContent>
  );
}
