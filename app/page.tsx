import { redirect } from "next/navigation";
import { canUsePartners } from "@/lib/accounts/viewer";
import { getViewer } from "@/lib/session";

/** Lands each user in the right portal for the active account. */
export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.role === "reseller") redirect("/reseller");
  redirect(canUsePartners(viewer) ? "/partners/contracts" : "/reseller");
}
