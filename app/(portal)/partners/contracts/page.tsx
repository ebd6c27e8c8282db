import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/layout";
import { requirePartnersViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Contracts" };

export default async function ContractsPage() {
  await requirePartnersViewer("/partners/contracts");
  return <EmptyState title="No contracts yet">This tab is being built.</EmptyState>;
}
