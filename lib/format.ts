const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** All times are shown in UTC, labelled, so staff in different zones read the same thing. */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return `${dateTime.format(new Date(d))} UTC`;
}

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return date.format(new Date(d));
}

export const statusLabel: Record<string, string> = {
  pending: "Pending",
  active: "Active",
  rejected: "Rejected",
  terminated: "Terminated",
  expired: "Expired",
};

export const kindLabel: Record<string, string> = { test: "Test", production: "Production" };

const exact = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC", hourCycle: "h23" });

/** To the second, for a hover title: two events of the same minute can be told apart. */
export function formatExactTime(d: Date | string): string {
  return `${exact.format(new Date(d))} UTC`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "in 3 weeks": the largest whole unit, past or future. */
export function formatRelativeTime(d: Date | string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(d).getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of units) {
    // The largest unit that fits, rounded to the nearest whole one (2 h 59 min reads "3 hours ago").
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds < 0 ? -1 : 1, "minute");
}
