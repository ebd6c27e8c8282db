// Zod-free so the details page's client components can use it without pulling zod into the browser bundle.
export const DEFAULT_LINK_DAYS = 30;

export function defaultExpiryDate(now = new Date()): string {
  return new Date(now.getTime() + DEFAULT_LINK_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The link expiration field of the create forms (Create Contract, Invite in bulk, Create Partner): its
 * default, 30 days ahead, and the days it may take, today to a year ahead (MAX_LINK_DAYS in ./schemas).
 */
export function linkExpiryField(now = new Date(), maxDays = 365): { defaultExpiry: string; minDate: string; maxDate: string } {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { defaultExpiry: defaultExpiryDate(now), minDate: day(0), maxDate: day(maxDays) };
}
