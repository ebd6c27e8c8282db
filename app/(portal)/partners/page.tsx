import { redirect } from "next/navigation";
import { partnersHome } from "@/lib/reseller/partners-access";
import { requirePartnersViewer } from "@/lib/session";

/** The module's own address opens the tab the header's Partners link opens (Agreements alone for program.create). */
export default async function PartnersIndex() {
  const viewer = await requirePartnersViewer("/partners");
  redirect(partnersHome(viewer));
}
