import type { Metadata } from "next";
import Link from "next/link";
import { requestPasswordResetAction } from "@/app/actions/password-reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { IntlIsland } from "@/components/intl-island";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("PasswordReset"))("forgotTitle") };
}
// Rendered per request, like sign-in: the page's scripts carry the request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  const t = await getT("PasswordReset");
  return (
    <AuthCard
      title={t("forgotTitle")}
      footer={
        <Link href="/sign-in" className="text-link hover:underline">
          {t("backToSignIn")}
        </Link>
      }
      switcher={await LanguageSwitcher({ back: "/forgot-password" })}
    >
      <IntlIsland namespaces={["PasswordReset"]}>
        <ForgotPasswordForm action={requestPasswordResetAction} />
      </IntlIsland>
    </AuthCard>
  );
}
