"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("Common");
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("error.title")}</h1>
      <p className="mt-2 text-muted-foreground">{t("error.body")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground">
        {t("error.retry")}
      </button>
    </main>
  );
}
