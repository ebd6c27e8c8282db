"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/action-result";

/** The Accept button of one proposal, with the acceptance box; the evidence is recorded like a signature. */
export function AcceptProposalForm({
  contractPublicId,
  proposalId,
  label,
  statement,
  accept,
}: {
  contractPublicId: string;
  proposalId: string;
  label: string;
  statement: string;
  accept: FormAction;
}) {
  const t = useTranslations("Reseller");
  const { formAction, pending, formError, fieldError } = useFormAction(accept);
  const err = fieldError("accepted");
  const id = `accepted-${proposalId}`;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="contractPublicId" value={contractPublicId} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <FormError message={formError} />
      <div>
        <label className="flex items-start gap-2 text-sm text-foreground">
          <input
            type="checkbox"
            name="accepted"
            className="mt-0.5"
            aria-invalid={err ? true : undefined}
            aria-describedby={err ? `${id}-error` : undefined}
          />
          {statement}
        </label>
        {err ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("accepting") : label}
      </button>
      <p className="text-xs text-muted-foreground">{t("evidenceNote")}</p>
    </form>
  );
}
