import type { ReactNode } from "react";

// Each tone is a class of app/globals.css ("badge-<tone>"); each pair meets WCAG AA (4.5:1) in both schemes.
const TONES = new Set(["pending", "invited", "active", "rejected", "terminated", "expired", "test", "info", "neutral"]);

/** A status word in a coloured pill; the word itself carries the meaning, never the colour alone. */
export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  // Two short class names rather than a dozen utilities: a list page shows two badges on every row.
  return <span className={`badge badge-${TONES.has(tone) ? tone : "neutral"}`}>{children}</span>;
}
