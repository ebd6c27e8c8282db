"use client";

import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { errorOf } from "@/components/directory/form-errors";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { WizardInput } from "./wizard-form";

type ParameterValues = Pick<
  WizardInput,
  "program" | "delegate" | "kind" | "noteToSignee" | "internalNote" | "linkExpiresOn" | "endsOn" | "sendReminders"
>;

type FieldsProps<T extends FieldValues> = {
  form: UseFormReturn<T>;
  canDelegate: boolean;
  /** Program is offered only to an account that holds program.create itself (a grant never exceeds the issuer's). */
  canProgram: boolean;
  minDate: string;
  maxDate: string;
  /** Where the invitation goes: the wizard's optional signee email; Create Partner asks for it elsewhere. */
  emailField?: ReactNode;
};

/**
 * The contract parameters (same schema, same labels) for every form that makes a contract: the wizard's
 * Parameters step and Create Partner. Errors are looked up by name, because Create Partner's schema is a
 * union whose error type only names the keys common to every branch.
 */
export function ContractParameterFields<T extends FieldValues>({
  form: typed,
  canDelegate,
  canProgram,
  minDate,
  maxDate,
  emailField,
}: FieldsProps<T>) {
  // Both forms hold these fields; react-hook-form cannot type register() by a generic form's keys.
  const form = typed as unknown as UseFormReturn<ParameterValues>;
  const { register, watch } = form;
  const err = (name: keyof ParameterValues) => errorOf(form, name);
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium text-foreground">Agreement creation permission</legend>
        <p className="mb-2 text-xs text-muted-foreground">What your partner may create once the contract is active.</p>
        <div className="flex flex-wrap gap-6">
          {canProgram ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...register("program")} /> Program
            </label>
          ) : null}
          {canDelegate ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...register("delegate")} /> Delegate
            </label>
          ) : null}
          {canProgram || canDelegate ? null : (
            <p className="text-sm text-muted-foreground">Your account cannot pass on agreement creation.</p>
          )}
        </div>
        {err("program") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err("program")}
          </p>
        ) : null}
        {err("delegate") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err("delegate")}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-foreground">Kind</legend>
        <div className="mt-1 flex gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="test" {...register("kind")} /> Test
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="production" {...register("kind")} /> Production
          </label>
        </div>
        {err("kind") ? (
          <p role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err("kind")}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="noteToSignee"
        label="Note to signee"
        required
        error={err("noteToSignee")}
        hint={<Counter n={(watch("noteToSignee") ?? "").length} max={200} />}
      >
        <Textarea id="noteToSignee" rows={3} aria-required="true" error={err("noteToSignee")} {...register("noteToSignee")} />
      </Field>
      <Field
        id="internalNote"
        label="Internal note"
        error={err("internalNote")}
        hint={<Counter n={(watch("internalNote") ?? "").length} max={100} extra="Only your team sees it." />}
      >
        <Input id="internalNote" error={err("internalNote")} {...register("internalNote")} />
      </Field>
      <Field
        id="linkExpiresOn"
        label="Link expiration date"
        error={err("linkExpiresOn")}
        hint="The activation link stops working after this day (UTC), at most a year ahead."
      >
        <Input id="linkExpiresOn" type="date" min={minDate} max={maxDate} error={err("linkExpiresOn")} {...register("linkExpiresOn")} />
      </Field>
      <Field
        id="endsOn"
        label="Contract end date"
        error={err("endsOn")}
        hint="The contract expires after this day (UTC) and its permissions end; at most two years ahead. Leave empty for no end date."
      >
        <Input id="endsOn" type="date" min={minDate} max={plusDays(minDate, 730)} error={err("endsOn")} {...register("endsOn")} />
      </Field>
      {emailField}
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" aria-describedby="sendReminders-hint" {...register("sendReminders")} /> Send reminders
        </label>
        <p id="sendReminders-hint" className="mt-1 text-xs text-muted-foreground">
          Remind the signee by email until the contract is activated, on your account&apos;s reminder policy (Settings → Reminders).
        </p>
      </div>
    </div>
  );
}

/** The wizard's Parameters step: the shared fields plus the optional signee email. */
export function ParametersStep(props: Omit<FieldsProps<WizardInput>, "emailField">) {
  const { register, formState } = props.form;
  const error = formState.errors.signeeEmail?.message;
  const email = (
    <Field
      id="signeeEmail"
      label="Signee email"
      error={error}
      hint="Send the activation link to this address. Leave empty to pass the link on yourself."
    >
      <Input id="signeeEmail" type="email" autoComplete="off" error={error} {...register("signeeEmail")} />
    </Field>
  );
  return (
    <div className="space-y-4">
      <h2 className="text-base font-semibold text-foreground">Set the contract parameters</h2>
      <ContractParameterFields {...props} emailField={email} />
    </div>
  );
}

function plusDays(day: string, days: number): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) ? day : new Date(at + days * 86_400_000).toISOString().slice(0, 10);
}

function Counter({ n, max, extra }: { n: number; max: number; extra?: string }) {
  return (
    <span className={n > max ? "font-medium text-destructive-text" : undefined}>
      {extra ? `${extra} ` : ""}
      {n}/{max} characters
    </span>
  );
}
