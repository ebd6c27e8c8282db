// Zod-free so the details page's client components can use it without pulling zod into the browser bundle.
export const DEFAULT_LINK_DAYS = 30;

export function defaultExpiryDate(now = new Date()): string {
  return new Date(now.getTime() + DEFAULT_LINK_DAYS * 86_400_000).toISOString().slice(0, 10);
}
