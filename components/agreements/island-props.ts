import "server-only";
import { pickMessages } from "@/components/intl-island";
import { getLocale } from "@/lib/i18n/server";

/**
 * The props of a NextIntlClientProvider for a client island, as components/intl-island.tsx gives them, but
 * awaited by the page itself: the page's markup stays synchronous (tests render pages with renderToStaticMarkup).
 */
export async function islandProps(namespaces: string[]) {
  const locale = await getLocale();
  return { locale, timeZone: "UTC", formats: {}, messages: pickMessages(locale, ["Common", ...namespaces]) };
}
