import "server-only";
import type { DbOrTx } from "@/db/client";
import type { MemberRole } from "@/lib/accounts/viewer";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { emailT, longDate } from "@/lib/email/locale";
import { cleanSubject, renderEmail } from "@/lib/email/render";
import { appUrl } from "@/lib/env";
import { getLocale } from "@/lib/i18n/server";
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
  // In the inviter's language (the request's: their setting, else their browser's); the invitee has no account yet.
  const locale = await getLocale();
  const t = emailT(locale);
  const account = `${input.account.name} (${input.account.publicId})`;
  const body = renderEmail({
    heading: t("staffInvitation.heading", { inviter: input.inviterName, account }),
    paragraphs: [
      t("staffInvitation.body", {
        inviter: input.inviterName,
        name: input.account.name,
        accountId: input.account.publicId,
        role: t(`staffInvitation.role.${input.role}`),
      }),
      t("staffInvitation.accept", { date: longDate(input.expiresAt, locale) }),
    ],
    button: { label: t("staffInvitation.button"), href: joinLink(input.token) },
    pasteLabel: t("pasteLink"),
    footer: t("staffInvitation.footer"),
  });
  await enqueueEmail(db, {
    kind: "staff_invitation",
    to: input.to,
    subject: cleanSubject(t("staffInvitation.subject", { inviter: input.inviterName, account })),
    ...body,
    accountId: input.account.id,
  });
}
