/** The public logo route, cache-busted by the logo's hash (app/brand/[account]/logo/route.ts). */
export const logoPath = (accountPublicId: string, hash: string): string => `/brand/${accountPublicId}/logo?v=${hash.slice(0, 16)}`;

/** Black or white text, whichever reads better on the accent (WCAG relative luminance). */
export function textOn(hex: string): "#000000" | "#ffffff" {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}
