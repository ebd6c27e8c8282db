import { requirePartnersViewer } from "@/lib/session";

export default async function PartnersLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own tab (requirePartnersViewer with its path) and has its own title; the
  // layout only the module. The sidebar lists the tabs.
  await requirePartnersViewer("/partners");
  return children;
}
