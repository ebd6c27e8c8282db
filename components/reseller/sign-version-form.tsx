"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/action-result";

/** The Sign button, with the acceptance box the reseller ticked at activation. */
export function SignVersionForm(props: {
  contractPublicId: string;
  agreementVersionId: string;
  fromVersionId: string;
  versionNumber: number;
  /** Which text of the version the page shows (lib/reseller/get-version-to-sign.ts): recorded as signed. */
  textLocale: string;
  sign: FormAction;
}) {
  const t = useTranslations("Reseller");
  const { formAction, pending, formError, fieldError } = useFormAction(props.sign);
  const err = fieldError("accepted");
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="contractPublicId" value={props.contractPublicId} />
      <input type="hidden" name="agreementVersionId" value={props.agreementVersionId} />
      <input type="hidden" name="fromVersionId" value={props.fromVersionId} />
      <input type="hidden" name="textLocale" value={props.textLocale} />
      <FormError message={formError} />
      <div>
        <label className="flex items-start gap-2 text-sm text-foreground">
          <input
            type="checkbox"
            name="accepted"
            className="mt-0.5"
            aria-invalid={err ? true : undefined}
            aria-describedby={err ? "accepted-error" : undefined}
          />
          {t("acceptStatement")}
        </label>
        {err ? (
          <p id="accepted-error" role="alert" className="mt-1 text-xs font-medium text-destructive-text">
            {err}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("signing") : t("sign")}
      </button>
      <p className="text-xs text-muted-foreground">{t("signNote", { version: props.versionNumber })}</p>
    </form>
  );
}
