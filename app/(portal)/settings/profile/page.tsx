import type { Metadata } from "next";
import { LanguageSwitcher } from "@/components/language-switcher";
import QRCode from "qrcode";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { TwoFactorCard, type TwoFactorView } from "@/components/settings/two-factor-card";
import { Card } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db/client";
import { accountRequiresTwoFactor, twoFactorStatus } from "@/lib/accounts/two-factor";
import { getLocale, getT } from "@/lib/i18n/server";
import { PASSWORD_MIN } from "@/lib/security/passwords";
import { requireViewer } from "@/lib/session";
import {
  cancelTwoFactorAction,
  changePasswordAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  startTwoFactorAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.profile") };
}

/** Your profile: every member's own password and two-factor sign-in (Read-only members included). */
export default async function ProfilePage() {
  const viewer = await requireViewer("/settings/profile", { twoFactorSetup: true });
  const db = await getDb();
  const setting = viewer.localeSetting ?? null;
  const [status, required, locale, t] = await Promise.all([
    twoFactorStatus(db, viewer),
    accountRequiresTwoFactor(db, viewer.accountId),
    getLocale(),
    getT("Profile"),
  ]);
  const view: TwoFactorView =
    status.state === "pending"
      ? {
          state: "pending",
          secret: status.secret,
          qrSvg: await QRCode.toString(status.uri, { type: "svg", margin: 0, errorCorrectionLevel: "M" }),
        }
      : status.state === "on"
        ? {
            state: "on",
            enabledOn: new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, { dateStyle: "long", timeZone: "UTC" }).format(
              status.enabledAt,
            ),
            recoveryCodesLeft: status.recoveryCodesLeft,
          }
        : { state: "off" };
  return (
    <div className="max-w-2xl space-y-6">
      {viewer.mustSetUpTwoFactor ? (
        <Notice tone="warning" role="alert">
          {t("mustSetUp", { account: viewer.accountName })}
        </Notice>
      ) : null}
      <Card>
        <h2 className="text-base font-semibold text-foreground">{t("title")}</h2>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">{t("name")}</dt>
          <dd className="break-words text-foreground">{viewer.fullName}</dd>
          <dt className="text-muted-foreground">{t("email")}</dt>
          <dd className="break-all text-foreground">{viewer.email}</dd>
        </dl>
      </Card>
      <Card>
        <h2 id="language" className="text-base font-semibold text-foreground">
          {t("language")}
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted-foreground">{t("languageHint")}</p>
        <LanguageSwitcher back="/settings/profile" browser current={setting} />
      </Card>
      <Card>
        <h2 className="mb-4 text-base font-semibold text-foreground">{t("changePassword")}</h2>
        <ChangePasswordForm email={viewer.email} rule={t("passwordRule", { min: PASSWORD_MIN })} action={changePasswordAction} />
      </Card>
      <Card>
        <h2 className="mb-4 text-base font-semibold text-foreground">{t("twoFactor")}</h2>
        <TwoFactorCard
          view={view}
          required={required}
          actions={{
            start: startTwoFactorAction,
            cancel: cancelTwoFactorAction,
            confirm: confirmTwoFactorAction,
            disable: disableTwoFactorAction,
          }}
        />
      </Card>
    </div>
  );
}
