import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/messages";

/**
 * What the root layout gives client and shared components in the app: a provider with the language and its
 * catalogs. Tests that render markup wrap it: renderToStaticMarkup(withIntl(el)), or withIntl(el, "de").
 */
export function withIntl(children: ReactNode, locale: Locale = "en") {
  return (
    <NextIntlClientProvider locale={locale} timeZone="UTC" messages={messagesFor(locale) as never}>
      {children}
    </NextIntlClientProvider>
  );
}
