"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { notify } from "@/components/ui/notify";
import { useFocusHeading } from "@/components/ui/use-focus-heading";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ContractSummary } from "@/lib/contracts/contract-summary";
import { contractParametersSchema } from "@/lib/contracts/schemas";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import { isLocale } from "@/lib/i18n/locales";
import { AgreementStep } from "./agreement-step";
import { ParametersStep } from "./parameters-step";
import { Stepper } from "./stepper";
import { SummaryStep } from "./summary-step";
import { TypeStep } from "./type-step";
import { closeCreationKey, openCreationKey, type WizardActions, type WizardInput, type WizardOutput } from "./wizard-form";

type Props = {
  agreements: WizardAgreement[];
  canDelegate: boolean;
  canProgram: boolean;
  defaultExpiry: string;
  minDate: string;
  maxDate: string;
  actions: WizardActions;
};

export function ContractWizard({ agreements, canDelegate, canProgram, defaultExpiry, minDate, maxDate, actions }: Props) {
  const t = useTranslations("Wizard");
  const locale = useLocale();
  const [step, setStep] = useState(0);
  const [summary, setSummary] = useState<ContractSummary | null>(null);
  const creationKey = useRef<string>("");
  const form = useForm<WizardInput, unknown, WizardOutput>({
    resolver: zodResolver(contractParametersSchema),
    // Validate on Next/Create, then as the user fixes: blur-time validation would move the buttons
    // between mousedown and mouseup and swallow the click.
    mode: "onSubmit",
    defaultValues: {
      agreementId: "",
      program: false,
      delegate: false,
      kind: "production",
      noteToSignee: "",
      internalNote: "",
      linkExpiresOn: defaultExpiry,
      signeeEmail: "",
      sendReminders: true,
      signeeLocale: isLocale(locale) ? locale : "en",
    },
  });
  useEffect(() => {
    creationKey.current = openCreationKey();
  }, []);

  async function next() {
    if (step === 1 && !(await form.trigger("agreementId"))) return;
    setStep((s) => s + 1);
  }

  const { submit, formError, submitting } = useActionForm(
    form,
    (values) => actions.create({ ...values, creationKey: creationKey.current || openCreationKey() }),
    {
      onSuccess: (created) => {
        closeCreationKey();
        notify(t("created", { id: created.publicId }));
        setSummary(created);
        setStep(3);
      },
      onRefusal: (fields) => {
        if (fields.agreementId) setStep(1);
      },
    },
  );

  const stepRef = useFocusHeading(step);
  return (
    <div ref={stepRef} data-testid="contract-wizard" className="rounded-lg border border-border bg-card p-4 shadow-sm sm:p-6">
      <Stepper current={step} />
      {step === 3 && summary ? (
        <SummaryStep
          summary={summary}
          signeeEmail={form.getValues("signeeEmail") || undefined}
          signeeLocale={form.getValues("signeeLocale") ?? "en"}
        />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-6">
          <FormError message={formError} />
          {step === 0 ? <TypeStep /> : null}
          {step === 1 ? (
            <AgreementStep form={form} initial={agreements} search={actions.searchAgreements} preview={actions.previewAgreement} />
          ) : null}
          {step === 2 ? (
            <ParametersStep form={form} canDelegate={canDelegate} canProgram={canProgram} minDate={minDate} maxDate={maxDate} />
          ) : null}
          <div className="flex items-center justify-between border-t border-border pt-4">
            <div className="flex gap-2">
              <ButtonLink href="/partners/contracts" variant="ghost">
                {t("cancel")}
              </ButtonLink>
              {step > 0 ? (
                <Button variant="secondary" onClick={() => setStep((s) => s - 1)} disabled={submitting}>
                  {t("back")}
                </Button>
              ) : null}
            </div>
            {step < 2 ? (
              <Button onClick={next} disabled={step === 1 && agreements.length === 0}>
                {t("next")}
              </Button>
            ) : (
              <button type="submit" className={buttonClass("primary")} disabled={submitting}>
                {submitting ? t("creating") : t("create")}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
