import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/layout";
import { settingsSections } from "@/lib/settings/sections";
import { requireViewer } from "@/lib/session";

/** The account settings area: one title, the sections this member may open, then the section. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("/settings", { twoFactorSetup: true });
  return (
    <div>
      <PageHeader title="Settings" description={`Settings of ${viewer.accountName}`} />
      <SettingsNav sections={settingsSections(viewer)} />
      {children}
    </div>
  );
}
