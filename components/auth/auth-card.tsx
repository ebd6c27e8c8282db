import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The signed-out pages' frame (sign-in's look): the product's name, one card, a line below. */
export function AuthCard({
  title,
  children,
  footer,
  switcher,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  /** The language switcher (components/language-switcher.tsx), under the card. */
  switcher?: ReactNode;
}) {
  const t = useTranslations("Common");
  return (
    <main data-themed className="flex min-h-screen items-center justify-center bg-background px-4 text-foreground">
      <div className="w-full max-w-sm">
        <p className="mb-4 flex items-center justify-center gap-2 text-sm font-semibold text-foreground">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7 text-primary">
            <rect width="24" height="24" rx="6" fill="currentColor" />
            <path d="M7 12.5l3.2 3.2L17 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t("appName")}
        </p>
        <div className="rounded-xl border border-border bg-card p-8 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold tracking-tight">{title}</h1>
          {children}
        </div>
        {footer ? <p className="mt-4 text-center text-sm text-muted-foreground">{footer}</p> : null}
        {switcher ? <div className="mt-4 flex justify-center">{switcher}</div> : null}
      </div>
    </main>
  );
}
