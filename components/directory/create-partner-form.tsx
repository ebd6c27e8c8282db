"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { ContractParameterFields } from "@/components/contracts/wizard/parameters-step";
import { closeCreationKey, openCreationKey } from "@/components/contracts/wizard/wizard-form";
import { useActionForm } from "@/components/ui/action-form";
import { notify } from "@/components/ui/notify";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Field, FormError, Input, inputClass } from "@/components/ui/field";
import type { Action } from "@/lib/action-result";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import type { CreatedPartner } from "@/lib/directory/create-partner";
import { isLocale } from "@/lib/i18n/locales";
import { createPartnerSchema, type CreatePartnerInput, type CreatePartnerValues } from "@/lib/directory/schemas";
import { AgreementChoice } from "./agreement-choice";
import { errorOf } from "./form-errors";
import { PartnerCreated } from "./partner-created";

type Props = {
  agreements: WizardAgreement[];
  canDelegate: boolean;
  canProgram: boolean;
  defaultExpiry: string;
  minDate: string;
  maxDate: string;
  create: Action<CreatePartnerValues & { creationKey: string }, CreatedPartner>;
};

const KEY = "scp:create-partner-key";

export function CreatePartnerForm({ agreements, canDelegate, canProgram, defaultExpiry, minDate, maxDate, create }: Props) {
  const t = useTranslations("CreatePartner");
  const locale = useLocale();
  const [created, setCreated] = useState<CreatedPartner | null>(null);
  const creationKey = useRef("");
  const form = useForm<CreatePartnerInput, unknown, CreatePartnerValues>({
    resolver: zodResolver(createPartnerSchema),
    mode: "onTouched",
    defaultValues: {
      type: "reseller",
      companyName: "",
      contactEmail: "",
      agreementMode: agreements.length ? "existing" : "new",
      program: false,
      delegate: false,
      kind: "production",
      noteToSignee: "",
      internalNote: "",
      linkExpiresOn: defaultExpiry,
      sendReminders: true,
      signeeLocale: isLocale(locale) ? locale : "en",
    },
  });
  useEffect(() => {
    creationKey.current = openCreationKey(KEY);
  }, []);

  const { submit, formError, submitting } = useActionForm(
    form,
    (values) => create({ ...values, creationKey: creationKey.current || openCreationKey(KEY) }),
    {
      onSuccess: (partner) => {
        closeCreationKey(KEY);
        notify(t("invited", { name: partner.companyName }));
        setCreated(partner);
      },
    },
  );

  if (created) {
    return (
      <div className="rounded-lg border border-border bg-card p-6 shadow-sm">
        <PartnerCreated created={created} />
      </div>
    );
  }
  const err = (name: string) => errorOf(form, name);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-8 rounded-lg border border-border bg-card p-6 shadow-sm">
      <FormError message={formError} />
      <section className="space-y-4">
        <h2 className="text-base font-semibold text-foreground">{t("partner")}</h2>
        <Field id="type" label={t("type")} hint={t("typeHint")}>
          <select id="type" className={inputClass} {...form.register("type")}>
            <option value="reseller">{t("reseller")}</option>
          </select>
        </Field>
        <Field id="companyName" label={t("companyName")} error={err("companyName")} hint={t("companyNameHint")}>
          <Input id="companyName" autoComplete="off" error={err("companyName")} {...form.register("companyName")} />
        </Field>
        <Field id="contactEmail" label={t("contactEmail")} error={err("contactEmail")} hint={t("contactEmailHint")}>
          <Input id="contactEmail" type="email" autoComplete="off" error={err("contactEmail")} {...form.register("contactEmail")} />
        </Field>
      </section>
      <section className="space-y-4 border-t border-border pt-6">
        <AgreementChoice form={form} agreements={agreements} />
      </section>
      <section className="space-y-4 border-t border-border pt-6">
        <h2 className="text-base font-semibold text-foreground">{t("parameters")}</h2>
        <ContractParameterFields form={form} canDelegate={canDelegate} canProgram={canProgram} minDate={minDate} maxDate={maxDate} />
      </section>
      <div className="flex items-center justify-between border-t border-border pt-4">
        <ButtonLink href="/partners/directory" variant="ghost">
          {t("cancel")}
        </ButtonLink>
        <button type="submit" className={buttonClass("primary")} disabled={submitting}>
          {submitting ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
