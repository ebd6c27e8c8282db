import type { Metadata } from "next";
import { Card } from "@/components/ui/layout";
import { RequireTwoFactorForm } from "@/components/settings/require-two-factor-form";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { accountRequiresTwoFactor } from "@/lib/accounts/two-factor";
import { getT } from "@/lib/i18n/server";
import { setRequireTwoFactorAction } from "./two-factor-actions";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("accountTitle") };
}

export default async function AccountSettingsPage() {
  const viewer = await requireViewer("/settings");
  const [t, common] = await Promise.all([getT("Settings"), getT("Common")]);
  const requireTwoFactor = canManageAccount(viewer) ? await accountRequiresTwoFactor(await getDb(), viewer.accountId) : false;
  return (
    <div className="max-w-2xl space-y-6">
      <Card>
        <h2 className="text-base font-semibold text-foreground">{t("sections.account")}</h2>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">{t("name")}</dt>
          <dd className="break-words text-foreground">{viewer.accountName}</dd>
          <dt className="text-muted-foreground">{t("id")}</dt>
          <dd className="font-mono text-foreground">{viewer.accountPublicId}</dd>
          <dt className="text-muted-foreground">{t("type")}</dt>
          <dd className="text-foreground">{common(`accountRole.${viewer.role}`)}</dd>
          <dt className="text-muted-foreground">{t("yourRole")}</dt>
          <dd className="text-foreground">{common(`memberRole.${viewer.memberRole}`)}</dd>
        </dl>
      </Card>
      {canManageAccount(viewer) ? (
        <Card>
          <h2 className="mb-4 text-base font-semibold text-foreground">{t("signInSecurity")}</h2>
          <RequireTwoFactorForm required={requireTwoFactor} action={setRequireTwoFactorAction} />
        </Card>
      ) : null}
    </div>
  );
}
