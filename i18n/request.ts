import { getRequestConfig } from "next-intl/server";
import { getLocale, intlCache } from "@/lib/i18n/server";
import { messagesFor } from "@/messages";

// next-intl's request configuration (next.config.js names this file): the same language and catalogs as
// lib/i18n/server.ts getT, for next-intl's own server functions and NextIntlClientProvider.
export default getRequestConfig(async () => {
  const locale = await getLocale();
  // `_cache`, which next-intl's config type does not name but passes to every server translator it makes: the
  // process-wide cache of compiled messages, instead of one per request (lib/i18n/server.ts).
  return Object.assign({ locale, messages: messagesFor(locale), timeZone: "UTC" }, { _cache: intlCache });
});
