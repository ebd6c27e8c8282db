import { match } from "@formatjs/intl-localematcher";

/**
 * The interface languages (issue 24). English is the source: every other catalog has exactly its keys
 * (tests/i18n/catalogs.test.ts). Agreement texts are the distributor's own and are never translated.
 */
export const LOCALES = ["en", "de", "es", "fr", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, for the switchers. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  es: "Español",
  fr: "Français",
  "pt-BR": "Português (Brasil)",
};

/** The cookie that carries the chosen language (the switcher, or the user's setting at sign-in). */
export const LOCALE_COOKIE = "scp-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header ("pt-PT" → "pt-BR", "de-AT" → "de"), else English. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const requested = parseAcceptLanguage(acceptLanguage ?? "");
  if (requested.length === 0) return DEFAULT_LOCALE;
  try {
    const best = match(requested, LOCALES as unknown as string[], DEFAULT_LOCALE, { algorithm: "best fit" });
    return isLocale(best) ? best : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The tags of an Accept-Language header, most wanted first; malformed parts are skipped. */
function parseAcceptLanguage(header: string): string[] {
  return header
    .slice(0, 512)
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((p) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(p.tag) && p.q > 0 && Number.isFinite(p.q))
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((p) => {
      try {
        return Intl.getCanonicalLocales(p.tag)[0];
      } catch {
        return "";
      }
    })
    .filter(Boolean);
}

/** The language of a request: the chosen one (cookie), else the browser's. */
export function requestLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}
