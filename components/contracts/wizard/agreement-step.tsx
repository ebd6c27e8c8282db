"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { inputClass } from "@/components/ui/field";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import { AgreementPreview } from "./agreement-preview";
import type { WizardActions, WizardInput } from "./wizard-form";

type Props = {
  form: UseFormReturn<WizardInput>;
  initial: WizardAgreement[];
  search: WizardActions["searchAgreements"];
  preview: WizardActions["previewAgreement"];
};

export function AgreementStep({ form, initial, search, preview }: Props) {
  const [q, setQ] = useState("");
  const [list, setList] = useState(initial);
  const [searchError, setSearchError] = useState<string>();
  const latest = useRef(0);
  const chosen = form.watch("agreementId");
  const error = form.formState.errors.agreementId?.message;

  useEffect(() => {
    if (!q.trim()) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const res = await search(q);
      // Only the answer to the latest keystroke may replace the list.
      if (ticket !== latest.current) return;
      setSearchError(res.ok ? undefined : res.error);
      if (res.ok) setList(res.data);
    }, 250);
    return () => clearTimeout(timer);
  }, [q, search]);

  if (initial.length === 0) {
    return (
      <div
        className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100"
        role="status"
      >
        <p className="font-medium">Service Agreement is Required!</p>
        <p className="mt-1">
          Your account has no service agreement with an active version yet. A contract is always created on one.{" "}
          <Link href="/partners/agreements/new" className="font-medium text-link underline">
            Create a service agreement
          </Link>{" "}
          first, then come back.
        </p>
      </div>
    );
  }
  const shown = q.trim() ? list : initial;
  return (
    <fieldset className="space-y-3" aria-describedby={error ? "agreementId-error" : undefined}>
      <legend className="mb-2 text-base font-semibold text-foreground">Choose a service agreement</legend>
      <label htmlFor="agreement-search" className="sr-only">
        Search agreements
      </label>
      <input
        id="agreement-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search by name or ID"
        className={inputClass}
      />
      {error ? (
        <p id="agreementId-error" role="alert" className="text-xs font-medium text-destructive-text">
          {error}
        </p>
      ) : null}
      {searchError && q.trim() ? (
        <p role="alert" className="text-sm text-destructive-text">
          {searchError}
        </p>
      ) : null}
      {shown.length === 0 ? <p className="text-sm text-muted-foreground">No agreement matches “{q}”.</p> : null}
      <ul className="max-h-80 space-y-2 overflow-y-auto">
        {shown.map((a) => (
          <li key={a.publicId}>
            <label
              className={`flex cursor-pointer items-center gap-3 rounded-md border p-3 ${chosen === a.publicId ? "border-primary bg-primary/10 dark:bg-primary/20" : "border-border hover:bg-accent"}`}
            >
              <input
                type="radio"
                value={a.publicId}
                {...form.register("agreementId", { onChange: () => form.clearErrors("agreementId") })}
              />
              <span className="flex-1">
                <span className="block font-medium text-foreground">{a.name}</span>
                <span className="block font-mono text-xs text-muted-foreground">
                  {a.publicId} · active version {a.versionNumber}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <AgreementPreview agreementId={chosen ?? ""} preview={preview} />
    </fieldset>
  );
}
