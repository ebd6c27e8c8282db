import type { Metadata } from "next";
import QRCode from "qrcode";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { TwoFactorCard, type TwoFactorView } from "@/components/settings/two-factor-card";
import { Card } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db/client";
import { accountRequiresTwoFactor, twoFactorStatus } from "@/lib/accounts/two-factor";
import { PASSWORD_RULE } from "@/lib/security/passwords";
import { requireViewer } from "@/lib/session";
import {
  cancelTwoFactorAction,
  changePasswordAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  startTwoFactorAction,
} from "./actions";

export const metadata: Metadata = { title: "Your profile" };

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** Your profile: every member's own password and two-factor sign-in (Read-only members included). */
export default async function ProfilePage() {
  const viewer = await requireViewer("/settings/profile", { twoFactorSetup: true });
  const db = await getDb();
  const [status, required] = await Promise.all([twoFactorStatus(db, viewer), accountRequiresTwoFactor(db, viewer.accountId)]);
  const view: TwoFactorView =
    status.state === "pending"
      ? {
          state: "pending",
          secret: status.secret,
          qrSvg: await QRCode.toString(status.uri, { type: "svg", margin: 0, errorCorrectionLevel: "M" }),
        }
      : status.state === "on"
        ? { state: "on", enabledOn: dateFmt.format(status.enabledAt), recoveryCodesLeft: status.recoveryCodesLeft }
        : { state: "off" };
  return (
    <div className="max-w-2xl space-y-6">
      {viewer.mustSetUpTwoFactor ? (
        <Notice tone="warning" role="alert">
          {viewer.accountName} requires two-factor sign-in. Set it up below to continue to the portal.
        </Notice>
      ) : null}
      <Card>
        <h2 className="text-base font-semibold text-foreground">Your profile</h2>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">Name</dt>
          <dd className="break-words text-foreground">{viewer.fullName}</dd>
          <dt className="text-muted-foreground">Email</dt>
          <dd className="break-all text-foreground">{viewer.email}</dd>
        </dl>
      </Card>
      <Card>
        <h2 className="mb-4 text-base font-semibold text-foreground">Change password</h2>
        <ChangePasswordForm email={viewer.email} rule={PASSWORD_RULE} action={changePasswordAction} />
      </Card>
      <Card>
        <h2 className="mb-4 text-base font-semibold text-foreground">Two-factor sign-in</h2>
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
