import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrandingForm } from "@/components/settings/branding-form";
import { Card } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { getBranding } from "@/lib/accounts/branding";
import { canManageAccount } from "@/lib/accounts/roles";
import { getT } from "@/lib/i18n/server";
import { logRefusal, requireViewer } from "@/lib/session";
import { removeLogoAction, updateBrandingAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.branding") };
}

/** Owners and Admins: the logo and accent colour shown on the account's activation pages and emails. */
export default async function BrandingPage() {
  const viewer = await requireViewer("/settings/branding");
  if (!canManageAccount(viewer)) {
    await logRefusal(viewer, "/settings/branding");
    notFound();
  }
  const branding = await getBranding(await getDb(), viewer.accountId);
  const t = await getT("Branding");
  return (
    <Card className="max-w-2xl">
      <h2 className="text-base font-semibold text-foreground">{t("title")}</h2>
      <p className="mb-4 mt-1 text-sm text-muted-foreground">{t("intro", { account: viewer.accountName })}</p>
      <BrandingForm
        accentColor={branding.accentColor}
        logoUrl={branding.logoUrl}
        update={updateBrandingAction}
        removeLogo={removeLogoAction}
      />
    </Card>
  );
}
