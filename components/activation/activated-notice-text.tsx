"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";

const CONTRACT_ID = /^CRS-\d{5}-\d{5}-\d{5}$/;

/** The confirmation after activation (/reseller?activated=CRS-…); only a well-formed contract ID is echoed. */
export function ActivatedNoticeText() {
  const t = useTranslations("ActivatedNotice");
  const id = useSearchParams().get("activated");
  if (!id || !CONTRACT_ID.test(id)) return null;
  return (
    <div
      role="status"
      className="mb-6 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-400/10 dark:text-emerald-100"
    >
      {t("active", { id })}
    </div>
  );
}
