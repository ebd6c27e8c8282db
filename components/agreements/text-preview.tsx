"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useDeferredValue } from "react";
import { contentKindOf } from "@/lib/agreements/schemas";

// The same sanitized renderer the signee sees (components/markdown.tsx), loaded only when a preview is
// shown, so the markdown libraries stay out of the page's first load.
const AgreementText = dynamic(() => import("./agreement-text").then((m) => m.AgreementText), {
  loading: () => <LoadingPreview />,
});

function LoadingPreview() {
  const t = useTranslations("AgreementEditor");
  return <p className="text-sm text-muted-foreground">{t("loadingPreview")}</p>;
}

/**
 * A live preview of agreement text as it is typed: rendered markdown, or the link it will be. A text in
 * another language (`markdown`) is always markdown, in its own language (`lang`).
 */
export function TextPreview({
  content,
  label: given,
  lang,
  markdown = false,
}: {
  content: string;
  label?: string;
  lang?: string;
  markdown?: boolean;
}) {
  const t = useTranslations("AgreementEditor");
  const label = given ?? t("preview");
  // Typing stays responsive on long documents: the preview renders the last value React had time for.
  const text = useDeferredValue(content);
  return (
    <section aria-label={label} className="min-w-0 space-y-1" data-testid="text-preview">
      <h3 className="text-sm font-medium text-foreground">{label}</h3>
      {text.trim() ? (
        <AgreementText content={text} kind={markdown ? "markdown" : contentKindOf(text)} lang={lang} />
      ) : (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-sm text-muted-foreground">{t("nothingToPreview")}</p>
      )}
    </section>
  );
}
