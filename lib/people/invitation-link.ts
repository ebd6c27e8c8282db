import "server-only";
import type { DbOrTx } from "@/db/client";
import { memberRoleLabels } from "@/lib/accounts/roles";
import type { MemberRole } from "@/lib/accounts/viewer";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { cleanSubject, renderEmail } from "@/lib/email/render";
import { appUrl } from "@/lib/env";
import { hashToken, newActivationToken } from "@/lib/security/tokens";

/** How long a staff invitation link stays valid. */
export const INVITATION_DAYS = 7;
export const INVITATION_MS = INVITATION_DAYS * 24 * 60 * 60 * 1000;

/** Built from APP_URL only, never from the request (like activation links). */
export function joinLink(token: string): string {
  return `${appUrl()}/join/${token}`;
}

/** A fresh random token (32 bytes, base64url) and the sha-256 that alone is stored. */
export function issueInvitationToken(): { token: string; tokenHash: string } {
  const token = newActivationToken();
  return { token, tokenHash: hashToken(token) };
}

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** The invitation email, written to the outbox in the caller's transaction. Names the account with its ID. */
export async function enqueueStaffInvitation(
  db: DbOrTx,
  input: {
    to: string;
    token: string;
    role: MemberRole;
    account: { id: string; name: string; publicId: string };
    inviterName: string;
    expiresAt: Date;
  },
): Promise<void> {
  const account = `${input.account.name} (${input.account.publicId})`;
  const body = renderEmail({
    heading: `${input.inviterName} invites you to join ${account}`,
    paragraphs: [
      `${input.inviterName} has invited you to join ${input.account.name}, account ${input.account.publicId}, on Service Contracts with the role ${memberRoleLabels[input.role]}.`,
      `Open the link below to accept. It expires on ${dateFmt.format(input.expiresAt)} and works once.`,
    ],
    button: { label: "Accept the invitation", href: joinLink(input.token) },
    footer: "If you did not expect this invitation, you can ignore this email. Anyone with this link can accept it, so do not forward it.",
  });
  await enqueueEmail(db, {
    kind: "staff_invitation",
    to: input.to,
    subject: cleanSubject(`${input.inviterName} invites you to join ${account} on Service Contracts`),
    ...body,
    accountId: input.account.id,
  });
}
