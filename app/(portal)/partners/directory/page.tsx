import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/layout";
import { requirePartnersViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Directory" };

export default async function DirectoryPage() {
  await requirePartnersViewer("/partners/directory");
  return <EmptyState title="No directory yet">This tab is being built.</EmptyState>;
}
