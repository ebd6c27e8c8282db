"use client";

import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { hasValidationCatalog, loadValidationCatalog, localizeMessage } from "@/lib/message-keys";

/**
 * A message in the reader's language (lib/message-keys.ts): a client-side check's English sentence is
 * translated once the reader's validation catalog is here. The server has every language's
 * (messages/index.ts); the browser fetches the reader's one, as its own chunk, the first time a message
 * shows, so form pages do not carry every language's. Words that are no catalog message (the server's,
 * already translated) are shown as they are.
 */
export function CatalogText({ text }: { text: string }) {
  const locale = useLocale();
  const [, loaded] = useState(0);
  useEffect(() => {
    let live = true;
    if (!hasValidationCatalog(locale))
      void loadValidationCatalog(locale)
        .then(() => live && loaded((n) => n + 1))
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [locale]);
  return <>{localizeMessage(text, locale)}</>;
}
