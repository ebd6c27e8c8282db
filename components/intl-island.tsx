import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "@/lib/i18n/server";
import { messagesFor } from "@/messages";

/**
 * Client components read their words with next-intl's useTranslations under this provider. Only the named
 * namespaces travel to the browser (plus "Common", which the root layout already sends), so a page's RSC
 * payload carries the words its client components use, not the whole catalog.
 */
export async function IntlIsland({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} timeZone="UTC" formats={{}} messages={pickMessages(locale, ["Common", ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}

export function pickMessages(locale: Parameters<typeof messagesFor>[0], namespaces: string[]) {
  const all = messagesFor(locale);
  return Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]])) as Record<string, never>;
}
