"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { Field, Input, Textarea, inputClass } from "@/components/ui/field";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import type { CreatePartnerInput } from "@/lib/directory/schemas";
import { errorOf } from "./form-errors";

type Props = { form: UseFormReturn<CreatePartnerInput>; agreements: WizardAgreement[] };

/** Either one of the account's service agreements with an active version, or a new one written here. */
export function AgreementChoice({ form, agreements }: Props) {
  const t = useTranslations("CreatePartner");
  const { register, watch } = form;
  const mode = watch("agreementMode");
  const err = (name: string) => errorOf(form, name);
  return (
    <fieldset className="space-y-4">
      <legend className="mb-3 text-base font-semibold text-foreground">{t("serviceAgreement")}</legend>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="existing" disabled={agreements.length === 0} {...register("agreementMode")} /> {t("chooseExisting")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="new" {...register("agreementMode")} /> {t("writeNew")}
        </label>
      </div>
      {agreements.length === 0 ? <p className="text-xs text-muted-foreground">{t("noneActive")}</p> : null}
      {mode === "existing" ? (
        <Field id="agreementId" label={t("agreement")} error={err("agreementId")}>
          <select id="agreementId" className={inputClass} aria-invalid={err("agreementId") ? true : undefined} {...register("agreementId")}>
            <option value="">{t("chooseAgreement")}</option>
            {agreements.map((a) => (
              <option key={a.publicId} value={a.publicId}>
                {t("agreementOption", { name: a.name, id: a.publicId, number: a.versionNumber })}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <div className="space-y-4 rounded-md border border-border bg-muted p-4">
          <Field id="agreementName" label={t("name")} error={err("agreementName")} hint={t("nameHint")}>
            <Input id="agreementName" error={err("agreementName")} {...register("agreementName")} />
          </Field>
          <Field id="agreementDescription" label={t("description")} error={err("agreementDescription")} hint={t("descriptionHint")}>
            <Textarea id="agreementDescription" rows={2} error={err("agreementDescription")} {...register("agreementDescription")} />
          </Field>
          <Field
            id="agreementContent"
            label={t("version1Text")}
            error={err("agreementContent")}
            hint={t("version1Hint", { count: (watch("agreementContent") ?? "").length })}
          >
            <Textarea id="agreementContent" rows={8} error={err("agreementContent")} {...register("agreementContent")} />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
