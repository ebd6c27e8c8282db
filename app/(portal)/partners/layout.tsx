import { PartnersTabs } from "@/components/shell/partners-tabs";
import { requirePartnersViewer } from "@/lib/session";

export default async function PartnersLayout({ children }: { children: React.ReactNode }) {
  await requirePartnersViewer("/partners/contracts");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Partners</h1>
      <PartnersTabs />
      {children}
    </div>
  );
}
