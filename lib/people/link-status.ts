import "server-only";
import { getDb } from "@/db/client";
import { closedInvitationStatus, resolveInvitation } from "./resolve-invitation";

/**
 * For proxy.ts: a closed /join link's page answers 404 (never was, or replaced by Resend) or 410 (used,
 * revoked, expired) with its words rendered on the server, like activation links. Read-only.
 */
export async function statusOfInvitation(token: string): Promise<404 | 410 | null> {
  try {
    return closedInvitationStatus((await resolveInvitation(await getDb(), token)).state);
  } catch (e) {
    console.error(`[join] invitation status unavailable: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
