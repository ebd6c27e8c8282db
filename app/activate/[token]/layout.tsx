import type { Metadata } from "next";
import { currentLink, resolveLinkOnce } from "@/lib/activation/current-link";

// Here, not only on the page: a closed link's not-found page is kept out of search engines too.
export const metadata: Metadata = { title: "Contract activation", robots: { index: false, follow: false } };

/**
 * Resolves the link before the page and its not-found page render, so a closed link (unknown, used,
 * deleted, expired…) is answered with a 404 status and still says which it is.
 */
export default async function ActivateLinkLayout({ children, params }: { children: React.ReactNode; params: Promise<{ token: string }> }) {
  const { token } = await params;
  currentLink().state = (await resolveLinkOnce(token)).state;
  return children;
}
