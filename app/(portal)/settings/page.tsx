import type { Metadata } from "next";
import { Card } from "@/components/ui/layout";
import { RequireTwoFactorForm } from "@/components/settings/require-two-factor-form";
import { getDb } from "@/db/client";
import { canManageAccount, memberRoleLabels } from "@/lib/accounts/roles";
import { accountRequiresTwoFactor } from "@/lib/accounts/two-factor";
import { setRequireTwoFactorAction } from "./two-factor-actions";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const viewer = await requireViewer("/settings");
  const requireTwoFactor = canManageAccount(viewer) ? await accountRequiresTwoFactor(await getDb(), viewer.accountId) : false;
  return (
    <div className="max-w-2xl space-y-6">
      <Card>
        <h2 className="text-base font-semibold text-foreground">Account</h2>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">Name</dt>
          <dd className="break-words text-foreground">{viewer.accountName}</dd>
          <dt className="text-muted-foreground">ID</dt>
          <dd className="font-mono text-foreground">{viewer.accountPublicId}</dd>
          <dt className="text-muted-foreground">Type</dt>
          <dd className="text-foreground">{viewer.role === "distributor" ? "Distributor" : "Reseller"}</dd>
          <dt className="text-muted-foreground">Your role</dt>
          <dd className="text-foreground">{memberRoleLabels[viewer.memberRole]}</dd>
        </dl>
      </Card>
      {canManageAccount(viewer) ? (
        <Card>
          <h2 className="mb-4 text-base font-semibold text-foreground">Sign-in security</h2>
          <RequireTwoFactorForm required={requireTwoFactor} action={setRequireTwoFactorAction} />
        </Card>
      ) : null}
    </div>
  );
}
