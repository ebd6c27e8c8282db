import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { AuthCard } from "@/components/auth/auth-card";
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
  const back = typeof callbackUrl === "string" ? `/sign-in?callbackUrl=${encodeURIComponent(target)}` : "/sign-in";
  return (
    <AuthCard
      title={t("title")}
      footer={t("resellersHint")}
      // Called, not rendered: the page's markup stays free of async components (tests render it as it is).
      switcher={await LanguageSwitcher({ back })}
    >
      {reset === "done" ? (
        <Notice tone="success" className="mb-4">
          {t("passwordChanged")}
        </Notice>
      ) : null}
      {await IntlIsland({ namespaces: ["SignIn"], children: <SignInForm callbackUrl={target} /> })}
    </AuthCard>
  );
}
