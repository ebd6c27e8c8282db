import type { Metadata } from "next";
import Link from "next/link";
import { resetPasswordAction } from "@/app/actions/password-reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { IntlIsland } from "@/components/intl-island";
import { LanguageSwitcher } from "@/components/language-switcher";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db/client";
import { findOpenReset } from "@/lib/accounts/password-reset";
import { getT } from "@/lib/i18n/server";
import { PASSWORD_MIN } from "@/lib/security/passwords";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("PasswordReset"))("resetTitle"), robots: { index: false } };
}

/** GET only shows the form (a mail scanner following the link spends nothing); the form's POST acts. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenReset(await getDb(), token);
  const t = await getT("PasswordReset");
  return (
    <AuthCard
      title={t("resetTitle")}
      footer={
        <Link href="/sign-in" className="text-link hover:underline">
          {t("backToSignIn")}
        </Link>
      }
      // The token goes only to our own /locale (a POST), and back to this page.
      switcher={await LanguageSwitcher({ back: `/reset-password/${encodeURIComponent(token)}` })}
    >
      {open ? (
        <IntlIsland namespaces={["PasswordReset"]}>
          <ResetPasswordForm
            action={resetPasswordAction}
            token={token}
            email={open.email}
            rule={t("passwordRule", { min: PASSWORD_MIN })}
          />
        </IntlIsland>
      ) : (
        <div className="space-y-4">
          <Notice tone="warning">{t("linkUsed")}</Notice>
          <Link href="/forgot-password" className="text-sm text-link hover:underline">
            {t("askNewLink")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
