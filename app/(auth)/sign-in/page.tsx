import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { IntlIsland } from "@/components/intl-island";
import { LanguageSwitcher } from "@/components/language-switcher";
import { Notice } from "@/components/ui/notice";
import { getT } from "@/lib/i18n/server";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("SignIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }>;
}) {
  const { callbackUrl, reset } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getViewer()) redirect(target);
  const t = await getT("SignIn");
  const tc = await getT("Common");
  const back = typeof callbackUrl === "string" ? `/sign-in?callbackUrl=${encodeURIComponent(target)}` : "/sign-in";
  return (
    <main data-themed className="flex min-h-screen items-center justify-center bg-background px-4 text-foreground">
      <div className="w-full max-w-sm">
        <p className="mb-4 flex items-center justify-center gap-2 text-sm font-semibold text-foreground">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7 text-primary">
            <rect width="24" height="24" rx="6" fill="currentColor" />
            <path d="M7 12.5l3.2 3.2L17 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {tc("appName")}
        </p>
        <div className="rounded-xl border border-border bg-card p-8 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold tracking-tight">{t("title")}</h1>
          {reset === "done" ? (
            <Notice tone="success" className="mb-4">
              {t("passwordChanged")}
            </Notice>
          ) : null}
          {/* Called, not rendered: the page's markup stays free of async components (tests render it as it is). */}
          {await IntlIsland({ namespaces: ["SignIn"], children: <SignInForm callbackUrl={target} /> })}
        </div>
        <p className="mt-4 text-center text-xs text-muted-foreground">{t("resellersHint")}</p>
        <div className="mt-4 flex justify-center">{await LanguageSwitcher({ back })}</div>
      </div>
    </main>
  );
}
