import "server-only";
import { cookies, headers } from "next/headers";
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";
import { cache } from "react";
import { messagesFor } from "@/messages";
import { DEFAULT_LOCALE, LOCALE_COOKIE, requestLocale, type Locale } from "./locales";

/**
 * The language of the current request (issue 24): the chosen one (the `scp-locale` cookie, set by the
 * switcher and, at sign-in, from the user's setting), else the browser's Accept-Language, else English.
 * Outside a request (scripts, the scheduler) it is English.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  try {
    const [jar, h] = await Promise.all([cookies(), headers()]);
    return requestLocale(jar.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
  } catch {
    return DEFAULT_LOCALE;
  }
});

/**
 * A translator for server components, server actions and route handlers, in the request's language:
 * `const t = await getT("Contracts"); t("title")`. The same catalogs as the client's useTranslations.
 */
export async function getT<N extends string | undefined = undefined>(namespace?: N) {
  return translatorFor(await getLocale(), namespace);
}

/**
 * Compiled messages and Intl formatters, kept for the life of the process (issue 23). The catalogs never
 * change while the server runs, and the cache's keys name the message text and the language, so one cache
 * serves every request and language: without it each translator, and next-intl's per-request one
 * (i18n/request.ts passes it on), parsed every message with values again on every request. Bounded by the
 * catalogs: keys never hold the values a message is formatted with.
 */
const shared = globalThis as { __scpIntlCache?: ReturnType<typeof _createCache> };
export const intlCache = (shared.__scpIntlCache ??= _createCache());
const intlFormatters = _createIntlFormatters(intlCache);

/** A translator in a given language, for work without a request (emails, History, PDFs): see lib/i18n/locales.ts. */
export function translatorFor(locale: Locale, namespace?: string) {
  // The catalogs are JSON checked by tests/i18n/catalogs.test.ts, not typed key by key: keys are plain strings.
  return createTranslator({
    locale,
    messages: messagesFor(locale) as never,
    namespace: namespace as never,
    timeZone: "UTC",
    _cache: intlCache,
    _formatters: intlFormatters,
  }) as (key: string, values?: Record<string, string | number | Date>) => string;
}
