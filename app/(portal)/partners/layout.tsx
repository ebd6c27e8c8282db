import { ReadOnlyNotice } from "@/components/people/read-only";
import { canChange } from "@/lib/accounts/roles";
import { requirePartnersViewer } from "@/lib/session";

export default async function PartnersLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own tab (requirePartnersViewer with its path) and has its own title; the
  // layout only the module. The sidebar lists the tabs.
  const viewer = await requirePartnersViewer("/partners");
  if (canChange(viewer)) return children;
  return (
    <>
      <ReadOnlyNotice />
      <div className="mt-4">{children}</div>
    </>
  );
}
