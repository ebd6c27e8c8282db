"use client";

import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { defaultExpiryDate } from "@/lib/contracts/link-dates";
import type { DetailsActions } from "./types";

type PanelProps = { publicId: string; actions: DetailsActions; onDone: (message?: string) => void; onCancel: () => void };

function Panel({ title, tone = "neutral", children }: { title: string; tone?: "neutral" | "danger"; children: React.ReactNode }) {
  const border = tone === "danger" ? "border-red-200 bg-red-50" : "border-slate-200 bg-white";
  return (
    <section aria-label={title} className={`max-w-xl space-y-3 rounded-lg border p-4 ${border}`}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

/**
 * A panel's form tied to its action. The action validates with the shared schemas
 * (lib/contracts/detail-schemas.ts); the browser only has native limits, so zod stays out of the
 * details page's bundle.
 */
function usePanelForm<T extends FieldValues, R>(defaults: T, action: (v: T) => Promise<ActionResult<R>>, onOk: (data: R) => void) {
  const form = useForm<T>({ defaultValues: defaults as DefaultValues<T> });
  const { submit } = useActionForm(form, action, { onSuccess: onOk });
  return { form, submit };
}

function Buttons({ form, label, busy, variant = "primary", onCancel }: { form: UseFormReturn<never>; label: string; busy: string; variant?: "primary" | "danger"; onCancel: () => void }) {
  const submitting = form.formState.isSubmitting;
  return (
    <div className="flex gap-2">
      <Button type="submit" variant={variant} disabled={submitting}>{submitting ? busy : label}</Button>
      <Button variant="ghost" onClick={onCancel}>Cancel</Button>
    </div>
  );
}

export function EmailLinkPanel({ publicId, actions, onDone, onCancel, signeeEmail }: PanelProps & { signeeEmail: string | null }) {
  const { form, submit } = usePanelForm({ publicId, signeeEmail: signeeEmail ?? "" }, actions.emailLink, (d) => onDone(`Activation link emailed to ${d.to}.`));
  const error = form.formState.errors.signeeEmail?.message;
  return (
    <Panel title="Email the activation link">
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="signeeEmail" label="Signee email" hint="The invitation with the current link goes to this address." error={error}>
          <Input id="signeeEmail" type="email" autoComplete="off" required maxLength={254} error={error} {...form.register("signeeEmail")} />
        </Field>
        <Buttons form={form as never} label="Send email" busy="Sending…" onCancel={onCancel} />
      </form>
    </Panel>
  );
}

export function RegeneratePanel({ publicId, actions, onDone, onCancel }: PanelProps) {
  const { form, submit } = usePanelForm({ publicId, linkExpiresOn: defaultExpiryDate() }, actions.regenerateLink, () => onDone("A new activation link was created. The previous link no longer works."));
  const error = form.formState.errors.linkExpiresOn?.message;
  return (
    <Panel title="Regenerate the activation link">
      <p className="text-sm text-slate-700">The current link stops working at once. Send the new link to your partner.</p>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="linkExpiresOn" label="Link expiration date" hint="At most a year ahead." error={error}>
          <Input id="linkExpiresOn" type="date" required error={error} {...form.register("linkExpiresOn")} />
        </Field>
        <Buttons form={form as never} label="Regenerate link" busy="Regenerating…" onCancel={onCancel} />
      </form>
    </Panel>
  );
}

export function TerminatePanel({ publicId, actions, onDone, onCancel }: PanelProps) {
  const { form, submit } = usePanelForm({ publicId, reason: "" }, actions.terminateContract, () => onDone("The contract was terminated."));
  const error = form.formState.errors.reason?.message;
  return (
    <Panel title="Terminate the contract" tone="danger">
      <p className="text-sm text-slate-700">The partner loses the permissions this contract granted immediately. This cannot be undone.</p>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="reason" label="Reason" hint="Required, at most 100 characters. The partner is told." error={error}>
          <Textarea id="reason" rows={2} required maxLength={100} error={error} {...form.register("reason")} />
        </Field>
        <Buttons form={form as never} label="Terminate contract" busy="Terminating…" variant="danger" onCancel={onCancel} />
      </form>
    </Panel>
  );
}

export function DeletePanel({ publicId, actions, onCancel }: PanelProps) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    const result = await actions.deleteContract({ publicId });
    // On success the action redirects to the list; we only get here on a refusal.
    setBusy(false);
    if (!result.ok) setError(result.error);
  }
  return (
    <Panel title="Delete the contract" tone="danger">
      <p className="text-sm text-slate-700">Contract {publicId} and its activation link are removed. The history keeps a record of the deletion.</p>
      <FormError message={error} />
      <div className="flex gap-2">
        <Button variant="danger" onClick={confirm} disabled={busy}>{busy ? "Deleting…" : "Delete contract"}</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </Panel>
  );
}
