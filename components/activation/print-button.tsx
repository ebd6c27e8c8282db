"use client";

import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";

const noop = () => () => {};

/**
 * Prints the page (the print stylesheet leaves the contract and the agreement text). Rendered only
 * once scripts run: without JavaScript the browser's own Print does the same.
 */
export function PrintButton() {
  const t = useTranslations("Activation");
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass("secondary", "sm")} print:hidden`}>
      <Printer aria-hidden="true" /> {t("print")}
    </button>
  );
}
