import type { Locale } from "@/lib/i18n/locales";

// Formatters per language, made once (Intl constructors are not cheap). Times are shown in UTC, labelled,
// so staff in different zones read the same thing; only the language changes the words and the order.
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function dtf(locale: Locale, kind: "dateTime" | "date" | "exact"): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    const tag = locale === "en" ? "en-US" : locale;
    f =
      kind === "dateTime"
        ? new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })
        : kind === "date"
          ? new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" })
          : new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC", hourCycle: "h23" });
    cache.set(key, f);
  }
  return f;
}
function rtf(locale: Locale): Intl.RelativeTimeFormat {
  const key = `relative:${locale}`;
  let f = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(d: Date | string | null | undefined, locale: Locale = "en"): string {
  if (!d) return "—";
  return `${dtf(locale, "dateTime").format(new Date(d))} UTC`;
}

export function formatDate(d: Date | string | null | undefined, locale: Locale = "en"): string {
  if (!d) return "—";
  return dtf(locale, "date").format(new Date(d));
}

export const statusLabel: Record<string, string> = {
  pending: "Pending",
  active: "Active",
  rejected: "Rejected",
  terminated: "Terminated",
  expired: "Expired",
};

export const kindLabel: Record<string, string> = { test: "Test", production: "Production" };

/** To the second, for a hover title: two events of the same minute can be told apart. */
export function formatExactTime(d: Date | string, locale: Locale = "en"): string {
  return `${dtf(locale, "exact").format(new Date(d))} UTC`;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

const JUST_NOW: Record<Locale, string> = {
  en: "just now",
  de: "gerade eben",
  es: "justo ahora",
  fr: "à l’instant",
  "pt-BR": "agora mesmo",
};

/** "just now", "5 minutes ago", "yesterday", "in 3 weeks": the largest whole unit, past or future. */
export function formatRelativeTime(d: Date | string, now: Date = new Date(), locale: Locale = "en"): string {
  const seconds = Math.round((new Date(d).getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return JUST_NOW[locale];
  for (const [unit, size] of units) {
    // The largest unit that fits, rounded to the nearest whole one (2 h 59 min reads "3 hours ago").
    if (Math.abs(seconds) >= size) return rtf(locale).format(Math.round(seconds / size), unit);
  }
  return rtf(locale).format(seconds < 0 ? -1 : 1, "minute");
}

/** The Common catalog keys of a status and a kind (messages/<locale>/common.json): t(statusKey(s)). */
export const statusKey = (status: string) => `status.${status}`;
export const kindKey = (kind: string) => `kind.${kind}`;
