import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-400/10 dark:text-emerald-100",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100",
  danger: "border-red-300 bg-red-50 text-red-800 dark:border-red-400/30 dark:bg-red-400/10 dark:text-red-100",
  info: "border-brand-100 bg-brand-50 text-brand-900 dark:border-blue-400/30 dark:bg-blue-400/10 dark:text-blue-100",
} as const;

/** A message box inside the page (the shadcn/ui Alert). `role="status"` by default, `alert` for refusals. */
export function Notice({
  tone = "info",
  role = "status",
  className,
  children,
}: {
  tone?: keyof typeof tones;
  role?: "status" | "alert" | "none";
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role={role === "none" ? undefined : role} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}>
      {children}
    </div>
  );
}
