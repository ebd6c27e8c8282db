import { IntlIsland } from "@/components/intl-island";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/layout";
import { settingsSections } from "@/lib/settings/sections";
import { getT } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/session";

const SETTINGS_NAMESPACES = ["Security", "Users", "Branding", "Reminders", "ApiKeys", "Webhooks"];

/** The account settings area: one title, the sections this member may open, then the section. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("/settings", { twoFactorSetup: true });
  const t = await getT("Settings");
  return (
    <div>
      <PageHeader title={t("title")} description={t("description", { account: viewer.accountName })} />
      <SettingsNav sections={settingsSections(viewer, t)} label={t("sectionsLabel")} />
      {/* The words of the settings' client components (the pages are server components around them). */}
      <IntlIsland namespaces={SETTINGS_NAMESPACES}>{children}</IntlIsland>
    </div>
  );
}
