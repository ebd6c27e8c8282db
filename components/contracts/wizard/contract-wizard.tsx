"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { createContractAction, type ContractSummary } from "@/app/(portal)/partners/contracts/actions";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { contractParametersSchema } from "@/lib/contracts/schemas";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import { AgreementStep } from "./agreement-step";
import { ParametersStep } from "./parameters-step";
import { Stepper } from "./stepper";
import { SummaryStep } from "./summary-step";
import { TypeStep } from "./type-step";
import { closeCreationKey, openCreationKey, type WizardInput, type WizardOutput } from "./wizard-form";

type Props = { agreements: WizardAgreement[]; canDelegate: boolean; canProgram: boolean; defaultExpiry: string; minDate: string; maxDate: string };

const FIELDS = new Set(["agreementId", "program", "delegate", "kind", "noteToSignee", "internalNote", "linkExpiresOn", "signeeEmail"]);

export function ContractWizard({ agreements, canDelegate, canProgram, defaultExpiry, minDate, maxDate }: Props) {
  const [step, setStep] = useState(0);
  const [summary, setSummary] = useState<ContractSummary | null>(null);
  const [formError, setFormError] = useState<string>();
  const creationKey = useRef<string>("");
  const inFlight = useRef(false);
  const form = useForm<WizardInput, unknown, WizardOutput>({
    resolver: zodResolver(contractParametersSchema),
    // Validate on Next/Create, then as the user fixes: blur-time validation would move the buttons
    // between mousedown and mouseup and swallow the click.
    mode: "onSubmit",
    defaultValues: { agreementId: "", program: false, delegate: false, kind: "production", noteToSignee: "", internalNote: "", linkExpiresOn: defaultExpiry, signeeEmail: "" },
  });
  useEffect(() => {
    creationKey.current = openCreationKey();
  }, []);

  async function next() {
    if (step === 1 && !(await form.trigger("agreementId"))) return;
    setStep((s) => s + 1);
  }

  async function create(values: WizardOutput) {
    // A second click before React re-renders the disabled button must not send a second request.
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(undefined);
    try {
      const res = await createContractAction({ ...values, creationKey: creationKey.current || openCreationKey() });
      if (res.ok) {
        closeCreationKey();
        setSummary(res.data);
        setStep(3);
        return;
      }
      setFormError(res.error);
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) {
        if (FIELDS.has(field)) form.setError(field as keyof WizardInput, { type: "server", message });
      }
      if (res.fieldErrors?.agreementId) setStep(1);
    } finally {
      inFlight.current = false;
    }
  }

  const submitting = form.formState.isSubmitting;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <Stepper current={step} />
      {step === 3 && summary ? (
        <SummaryStep summary={summary} signeeEmail={form.getValues("signeeEmail") || undefined} />
      ) : (
        <form onSubmit={(e) => void form.handleSubmit(create)(e)} noValidate className="space-y-6">
          <FormError message={formError} />
          {step === 0 ? <TypeStep /> : null}
          {step === 1 ? <AgreementStep form={form} initial={agreements} /> : null}
          {step === 2 ? <ParametersStep form={form} canDelegate={canDelegate} canProgram={canProgram} minDate={minDate} maxDate={maxDate} /> : null}
          <div className="flex items-center justify-between border-t border-slate-100 pt-4">
            <div className="flex gap-2">
              <ButtonLink href="/partners/contracts" variant="ghost">
                Cancel
              </ButtonLink>
              {step > 0 ? (
                <Button variant="secondary" onClick={() => setStep((s) => s - 1)} disabled={submitting}>
                  Back
                </Button>
              ) : null}
            </div>
            {step < 2 ? (
              <Button onClick={next} disabled={step === 1 && agreements.length === 0}>
                Next
              </Button>
            ) : (
              <button type="submit" className={buttonClass("primary")} disabled={submitting}>
                {submitting ? "Creating…" : "Create"}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
