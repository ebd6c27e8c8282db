import { useTranslations } from "next-intl";

/** The product's mark and name above the signed-out pages (sign-in, password reset, join, Verify). */
export function BrandMark({ className = "" }: { className?: string }) {
  const t = useTranslations("Common");
  return (
    <p className={`flex items-center gap-2 text-sm font-semibold text-foreground ${className}`}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7 text-primary">
        <rect width="24" height="24" rx="6" fill="currentColor" />
        <path d="M7 12.5l3.2 3.2L17 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t("appName")}
    </p>
  );
}
