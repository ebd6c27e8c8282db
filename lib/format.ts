const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const exact = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** All times are shown in UTC, labelled, so staff in different zones read the same thing. */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return `${dateTime.format(new Date(d))} UTC`;
}

/** With seconds, for a hover title where minutes alone would not tell two events apart. */
export function formatDateTimeExact(d: Date | string): string {
  return `${exact.format(new Date(d))} UTC`;
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
};

export const kindLabel: Record<string, string> = { test: "Test", production: "Production" };
