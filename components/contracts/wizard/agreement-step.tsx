"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("Wizard");
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
        <p className="font-medium">{t("agreementRequired")}</p>
        <p className="mt-1">
          {t.rich("agreementRequiredText", {
            link: (chunks) => (
              <Link href="/partners/agreements/new" className="font-medium text-link underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }
  const shown = q.trim() ? list : initial;
  return (
    <fieldset className="space-y-3" aria-describedby={error ? "agreementId-error" : undefined}>
      <legend className="mb-2 text-base font-semibold text-foreground">{t("chooseAgreement")}</legend>
      <label htmlFor="agreement-search" className="sr-only">
        {t("searchAgreements")}
      </label>
      <input
        id="agreement-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("searchPlaceholder")}
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
      {shown.length === 0 ? <p className="text-sm text-muted-foreground">{t("noAgreementMatches", { q })}</p> : null}
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
                  {a.publicId} · {t("activeVersion", { number: a.versionNumber })}
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
