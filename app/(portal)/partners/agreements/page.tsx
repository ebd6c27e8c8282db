import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/layout";
import { requirePartnersViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Agreements" };

export default async function AgreementsPage() {
  await requirePartnersViewer("/partners/agreements");
  return <EmptyState title="No agreements yet">This tab is being built.</EmptyState>;
}
