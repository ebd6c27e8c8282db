import { PartnersTabs } from "@/components/shell/partners-tabs";
import { partnersTabs } from "@/lib/reseller/partners-access";
import { requirePartnersViewer } from "@/lib/session";

export default async function PartnersLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own tab (requirePartnersViewer with its path); the layout only the module.
  const viewer = await requirePartnersViewer("/partners");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Partners</h1>
      <PartnersTabs allowed={partnersTabs(viewer)} />
      {children}
    </div>
  );
}
