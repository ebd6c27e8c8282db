import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Reseller Portal" };

export default async function ResellerHome() {
  const viewer = await requireViewer("/reseller");
  return (
    <div>
      <PageHeader title={viewer.accountName} description="Reseller Portal" />
      <EmptyState title="No contracts yet">Contracts you sign appear here.</EmptyState>
    </div>
  );
}
