import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "@/lib/i18n/server";
import { messagesFor } from "@/messages";

/** Per namespace, the only keys an island's client components show (the rest of the namespace stays on the server). */
export type IslandWords = Readonly<Record<string, readonly string[]>>;

/**
 * Client components read their words with next-intl's useTranslations under this provider. Only the named
 * namespaces travel to the browser (plus "Common", which the root layout already sends), so a page's RSC
 * payload carries the words its client components use, not the whole catalog; `only` narrows a namespace
 * to the keys its client components show (issue 23), where server components use the rest.
 */
export async function IntlIsland({ namespaces, only, children }: { namespaces: string[]; only?: IslandWords; children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} timeZone="UTC" formats={{}} messages={pickMessages(locale, ["Common", ...namespaces], only)}>
      {children}
    </NextIntlClientProvider>
  );
}

export function pickMessages(locale: Parameters<typeof messagesFor>[0], namespaces: string[], only?: IslandWords) {
  const all = messagesFor(locale) as Record<string, Record<string, unknown>>;
  const words = (n: string) => {
    const keys = only?.[n];
    return keys ? Object.fromEntries(keys.filter((k) => k in all[n]).map((k) => [k, all[n][k]])) : all[n];
  };
  return Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, words(n)])) as Record<string, never>;
}
