import { LinkStatePage } from "@/components/activation/link-state";
import { currentLinkState } from "@/lib/activation/current-link";
import { getViewer } from "@/lib/session";

/** The page of a closed link, with a 404 status (the page calls notFound() for every closed state). */
export default async function ClosedLinkPage() {
  const state = await currentLinkState();
  const closed = state === "pending" ? "invalid" : state;
  const viewer = closed === "activated" ? await getViewer() : null;
  return <LinkStatePage state={closed} reseller={viewer?.accounts.some((a) => a.role === "reseller") ?? false} />;
}
