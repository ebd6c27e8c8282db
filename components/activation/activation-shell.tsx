import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * The public activation pages' frame: a skip link to the step, the distributor's name where the
 * portal shows its own, and the design system's colours (dark mode with the system). No sidebar: the
 * visitor is not signed in to the portal yet.
 */
export function ActivationShell({
  brand,
  logoUrl,
  accentColor,
  children,
  skipTo = "content",
  switcher,
}: {
  brand: string;
  /** The distributor's logo and accent colour (Settings → Branding), when it set them. */
  logoUrl?: string | null;
  accentColor?: string | null;
  children: ReactNode;
  skipTo?: string;
  /** The language switcher (components/language-switcher.tsx), at the header's end. */
  switcher?: ReactNode;
}) {
  const t = useTranslations("Activation");
  return (
    <div data-themed className="min-h-screen bg-background text-foreground">
      {/* The accent is a decorative band only: no text sits on it, so any colour keeps the page readable. */}
      {accentColor ? (
        <div aria-hidden="true" data-accent={accentColor} className="h-1.5 print:hidden" style={{ backgroundColor: accentColor }} />
      ) : null}
      <a
        href={`#${skipTo}`}
        className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm font-medium text-foreground shadow focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-border bg-card print:hidden">
        <div className="mx-auto flex max-w-3xl items-center gap-2 px-4 py-3">
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- the app's own logo route (cached by hash)
            <img src={logoUrl} alt={t("logoAlt", { brand })} className="h-8 max-w-40 shrink-0 object-contain" />
          ) : (
            <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6 shrink-0 text-primary">
              <rect width="24" height="24" rx="6" fill="currentColor" />
              <path d="M7 12.5l3.2 3.2L17 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          )}
          <span className="min-w-0 truncate text-sm font-semibold">{brand}</span>
          {switcher ? <div className="ml-auto shrink-0">{switcher}</div> : null}
        </div>
      </header>
      {children}
    </div>
  );
}
