import "server-only";
import { getDb } from "@/db/client";
import { resolveActivationLink, type LinkState } from "./resolve-activation-link";

/**
 * The HTTP status of a closed link's page: 404 for a link that never was (or was replaced), 410 Gone
 * for one that was used, rejected, deleted, terminated, expired or withdrawn; null while it is pending.
 */
export function closedLinkStatus(state: LinkState["state"]): 404 | 410 | null {
  if (state === "pending") return null;
  return state === "invalid" ? 404 : 410;
}

/**
 * For proxy.ts, which alone can set a page's status with its content still rendered on the server
 * (Next's notFound() answers an empty body until scripts run, and activation must work without them).
 * Read-only; a failure leaves the status alone, since the page states the link's state itself.
 */
export async function statusOfLink(token: string): Promise<404 | 410 | null> {
  try {
    return closedLinkStatus((await resolveActivationLink(await getDb(), token)).state);
  } catch (e) {
    // Never the token: only what went wrong.
    console.error(`[activation] link status unavailable: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
