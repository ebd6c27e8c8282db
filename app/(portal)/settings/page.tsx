import type { Metadata } from "next";
import { Card } from "@/components/ui/layout";
import { memberRoleLabels } from "@/lib/accounts/roles";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const viewer = await requireViewer("/settings");
  return (
    <Card className="max-w-2xl">
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
  );
}
