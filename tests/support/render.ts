import type { ReactNode } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { request } from "./next";
import { withIntl } from "./intl";
import { LOCALE_COOKIE, requestLocale } from "@/lib/i18n/locales";

/**
 * A page's markup when its tree holds async server components (an IntlIsland, the language switcher): the
 * streaming renderer waits for them, where renderToStaticMarkup cannot. Same provider and language as
 * renderToStaticMarkup in tests (tests/support/setup-db.ts).
 */
export async function renderPage(el: ReactNode): Promise<string> {
  const locale = requestLocale(request.cookies.get(LOCALE_COOKIE), request.headers.get("accept-language"));
  const { prelude } = await prerenderToNodeStream(withIntl(el, locale));
  let html = "";
  for await (const chunk of prelude) html += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  return html;
}
