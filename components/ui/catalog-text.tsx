"use client";

import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { hasValidationCatalog, loadValidationCatalog, localizeMessage } from "@/lib/message-keys";

/**
 * A message in the reader's language (lib/message-keys.ts): a client-side check's English sentence is
 * translated once the reader's validation catalog is here; the browser fetches that one catalog the first
 * time a message shows, so form pages do not carry every language's. Words that are no catalog message
 * (the server's, already translated) are shown as they are.
 */
export function CatalogText({ text }: { text: string }) {
  const locale = useLocale();
  const [, loaded] = useState(0);
  useEffect(() => {
    if (!hasValidationCatalog(locale)) void loadValidationCatalog(locale).then(() => loaded((n) => n + 1));
  }, [locale]);
  return <>{localizeMessage(text, locale)}</>;
}
