"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, FormError, Input } from "@/components/ui/field";
import { hasEntityType } from "@/lib/accounts/entity-type";
import type { CompanyOption } from "@/lib/activation/user-companies";
import type { StepAction } from "@/lib/activation/step-state";
import { StepButtons } from "./step-nav";
import { useStep } from "./use-step";

type Props = {
  token: string;
  action: StepAction;
  backForm: string;
  /** The signer's own reseller companies (an existing or signed-in user); empty for a new user. */
  companies: CompanyOption[];
  /** "new" or the public ID of one of the companies. */
  choice: string;
  companyName: string;
  carried?: { error: string; fieldErrors: Record<string, string> };
};

/** Step 3: the company the contract is for. Every field is always there, so no script is needed to switch. */
export function CompanyStepForm({ token, action, backForm, companies, choice, companyName, carried }: Props) {
  const { formAction, pending, error, fieldErrors, values } = useStep(action, carried);
  const chosen = values.companyChoice ?? choice;
  const t = useTranslations("Activation");
  // The manual asks for the entity type; without one the name is still accepted, after a gentle word.
  const [name, setName] = useState(values.companyName ?? companyName);
  const [choosing, setChoosing] = useState(chosen);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={error} />
      {companies.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-foreground">{t("activateFor")}</legend>
          {companies.map((c) => (
            <label key={c.publicId} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="companyChoice"
                value={c.publicId}
                defaultChecked={chosen === c.publicId}
                onChange={() => setChoosing(c.publicId)}
              />
              {c.name} <span className="text-muted-foreground">{c.publicId}</span>
            </label>
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="companyChoice" value="new" defaultChecked={chosen === "new"} onChange={() => setChoosing("new")} />
            {t("createCompany")}
          </label>
          {fieldErrors.companyId ? (
            <p role="alert" className="text-xs font-medium text-destructive-text">
              {fieldErrors.companyId}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <input type="hidden" name="companyChoice" value="new" />
      )}
      <Field
        id="companyName"
        label={companies.length ? t("companyNameNew") : t("companyName")}
        hint={t("companyHint")}
        error={fieldErrors.companyName}
      >
        <Input
          id="companyName"
          name="companyName"
          autoComplete="organization"
          defaultValue={values.companyName ?? companyName}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors.companyName}
        />
      </Field>
      <p role="status" className="text-xs text-amber-800 dark:text-amber-200" data-testid="entity-type-note">
        {choosing === "new" && name.trim() && !fieldErrors.companyName && !hasEntityType(name) ? t("entityTypeWarning") : ""}
      </p>
      <StepButtons backForm={backForm} pending={pending} />
    </form>
  );
}
