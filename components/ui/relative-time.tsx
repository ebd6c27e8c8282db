import { useLocale } from "next-intl";
import { formatExactTime, formatRelativeTime } from "@/lib/format";
import { markup, type Markup } from "@/lib/html";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A date as people say it ("3 hours ago", "in 12 days"), with the exact UTC time to the second on hover
 * and for machines (dateTime), in the reader's language. Rendered on the server per request; the text may
 * be a moment old by the time the browser hydrates a client parent, which is not worth a re-render.
 */
export function RelativeTime({ date, now }: { date: Date | string | null | undefined; now?: Date }) {
  const locale = useLocale() as Locale;
  if (!date) return <>—</>;
  const d = new Date(date);
  return (
    <time dateTime={d.toISOString()} title={formatExactTime(d, locale)} suppressHydrationWarning className="relative-time">
      {formatRelativeTime(d, now, locale)}
    </time>
  );
}

/** The same `<time>` as markup, for rows written as a string (components/ui/table-shell.tsx). */
export function relativeTimeHtml(date: Date | string | null | undefined, locale: Locale, now: Date): Markup {
  if (!date) return markup`—`;
  const d = new Date(date);
  return markup`<time datetime="${d.toISOString()}" title="${formatExactTime(d, locale)}" class="relative-time">${formatRelativeTime(d, now, locale)}</time>`;
}
