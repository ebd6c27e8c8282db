import type { ReactNode } from "react";

// Each pair meets WCAG AA (4.5:1) in both schemes.
const tones: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200",
  invited: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200",
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-200",
  rejected: "bg-rose-100 text-rose-900 dark:bg-rose-400/15 dark:text-rose-200",
  terminated: "bg-slate-200 text-slate-800 dark:bg-slate-400/15 dark:text-slate-200",
  expired: "bg-slate-200 text-slate-800 dark:bg-slate-400/15 dark:text-slate-200",
  test: "bg-purple-100 text-purple-900 dark:bg-purple-400/15 dark:text-purple-200",
  info: "bg-brand-100 text-brand-900 dark:bg-blue-400/15 dark:text-blue-200",
  neutral: "bg-muted text-foreground ring-1 ring-inset ring-border",
};

/** A status word in a coloured pill; the word itself carries the meaning, never the colour alone. */
export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone] ?? tones.neutral}`}
    >
      {children}
    </span>
  );
}
