import type { ReactNode } from "react";
import { markup, type Markup } from "@/lib/html";

// Each tone is a class of app/globals.css ("badge-<tone>"); each pair meets WCAG AA (4.5:1) in both schemes.
const TONES = new Set(["pending", "invited", "active", "rejected", "terminated", "expired", "test", "info", "neutral"]);

/** A status word in a coloured pill; the word itself carries the meaning, never the colour alone. */
export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={badgeClass(tone)}>{children}</span>;
}

/** The same badge as markup, for rows written as a string (components/ui/table-shell.tsx). */
export function badgeHtml(tone: string, text: string): Markup {
  return markup`<span class="${badgeClass(tone)}">${text}</span>`;
}

// Two short class names rather than a dozen utilities: a list page shows two badges on every row.
function badgeClass(tone: string): string {
  return `badge badge-${TONES.has(tone) ? tone : "neutral"}`;
}
