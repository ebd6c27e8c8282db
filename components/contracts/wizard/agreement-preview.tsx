"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { VersionText } from "@/lib/data/read-shapes";
import type { WizardActions } from "./wizard-form";

// The signee's sanitized renderer (components/markdown.tsx), loaded once an agreement is chosen, so the
// wizard's first load stays small.
const AgreementText = dynamic(() => import("@/components/agreements/agreement-text").then((m) => m.AgreementText), {
  loading: () => <Loading />,
});

function Loading() {
  const t = useTranslations("Wizard");
  return <p className="text-sm text-muted-foreground">{t("loadingAgreement")}</p>;
}

type Loaded = { agreementId: string; text?: VersionText; error?: string };

/** The chosen agreement's active text, as the partner will be asked to sign it. */
export function AgreementPreview({ agreementId, preview }: { agreementId: string; preview: WizardActions["previewAgreement"] }) {
  const t = useTranslations("Wizard");
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    if (!agreementId) return;
    let current = true;
    preview({ agreementId }).then((r) => {
      // A slower answer for an agreement chosen earlier must not replace the one chosen now.
      if (current) setLoaded(r.ok ? { agreementId, text: r.data } : { agreementId, error: r.error });
    });
    return () => {
      current = false;
    };
  }, [agreementId, preview]);
  if (!agreementId) return null;
  const shown = loaded?.agreementId === agreementId ? loaded : undefined;
  return (
    <section aria-label={t("agreementPreview")} className="space-y-2" data-testid="agreement-preview">
      <h3 className="text-sm font-semibold text-foreground">
        {shown?.text ? t("previewVersion", { number: shown.text.number }) : t("agreementPreview")}
      </h3>
      {shown?.error ? (
        <p role="alert" className="text-sm text-destructive-text">
          {shown.error}
        </p>
      ) : shown?.text ? (
        <AgreementText content={shown.text.content} kind={shown.text.contentKind} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
