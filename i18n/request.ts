import { getRequestConfig } from "next-intl/server";
import { getLocale } from "@/lib/i18n/server";
import { messagesFor } from "@/messages";

// next-intl's request configuration (next.config.js names this file): the same language and catalogs as
// lib/i18n/server.ts getT, for next-intl's own server functions and NextIntlClientProvider.
export default getRequestConfig(async () => {
  const locale = await getLocale();
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
