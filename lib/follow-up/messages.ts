import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/enqueue-email";
import { cleanSubject, renderEmail } from "@/lib/email/render";
import { appUrl } from "@/lib/env";
import { activationLink } from "@/lib/security/tokens";

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** What every follow-up message says about its contract (read by the job in its claiming query). */
export type FollowUpFacts = {
  contractId: string;
  publicId: string;
  kind: string;
  issuerAccountId: string;
  distributorName: string;
  distributorPublicId: string;
  agreementName: string;
  signeeEmail: string | null;
  linkExpiresAt: Date;
};

/** The reminder to the signee, with the current link; names the issuer with its ID like the invitation. */
export async function enqueueReminder(db: DbOrTx, c: FollowUpFacts, token: string, number: number): Promise<void> {
  if (!c.signeeEmail) return;
  const issuer = `${c.distributorName} (${c.distributorPublicId})`;
  const test = c.kind === "test" ? "[TEST] " : "";
  const body = renderEmail({
    heading: `Reminder: ${issuer} is waiting for your signature`,
    paragraphs: [
      `${c.distributorName}, account ${c.distributorPublicId}, invited you to sign the service agreement "${c.agreementName}" (contract ${c.publicId}) and has not heard back yet.`,
      `Review the agreement, sign it and activate your Reseller Portal with the link below. The link expires on ${dateFmt.format(c.linkExpiresAt)}.`,
    ],
    button: { label: "Review and activate", href: activationLink(token) },
    footer:
      "If you do not want to sign, you can reject the invitation from the same page. Do not forward this email: anyone with the link can act on it.",
  });
  await enqueueEmail(db, {
    kind: "reminder",
    to: c.signeeEmail,
    subject: cleanSubject(`${test}Reminder ${number}: ${issuer} invites you to sign a service contract`),
    ...body,
    contractId: c.contractId,
    accountId: c.issuerAccountId,
  });
}

/** "Your invitation expires soon" to the signee, with the live link. */
export async function enqueueExpirySoonToSignee(db: DbOrTx, c: FollowUpFacts, token: string): Promise<void> {
  if (!c.signeeEmail) return;
  const issuer = `${c.distributorName} (${c.distributorPublicId})`;
  const body = renderEmail({
    heading: "Your invitation expires soon",
    paragraphs: [
      `The invitation from ${issuer} to sign "${c.agreementName}" (contract ${c.publicId}) expires on ${dateFmt.format(c.linkExpiresAt)}.`,
      "After that day the link stops working and you would need to ask for a new one.",
    ],
    button: { label: "Review and activate", href: activationLink(token) },
    footer: "Do not forward this email: anyone with the link can act on it.",
  });
  await enqueueEmail(db, {
    kind: "link_expiry_notice",
    to: c.signeeEmail,
    subject: cleanSubject(`Your invitation from ${issuer} expires soon`),
    ...body,
    contractId: c.contractId,
    accountId: c.issuerAccountId,
  });
}

async function staffOf(db: DbOrTx, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId));
  return rows.map((r) => r.email);
}

/** "Link about to expire" (3 days before) or "Link expired" to every staff user of the issuer, with a button to the contract. */
export async function enqueueLinkNoticeToStaff(db: DbOrTx, c: FollowUpFacts, which: "expiry_soon" | "link_expired"): Promise<void> {
  const staff = await staffOf(db, c.issuerAccountId);
  const soon = which === "expiry_soon";
  const who = c.signeeEmail ? ` (sent to ${c.signeeEmail})` : "";
  const body = renderEmail({
    heading: soon ? `Link about to expire: contract ${c.publicId}` : `Link expired: contract ${c.publicId}`,
    paragraphs: [
      soon
        ? `The activation link of pending contract ${c.publicId}${who} expires on ${dateFmt.format(c.linkExpiresAt)} and nobody has activated it yet.`
        : `The activation link of contract ${c.publicId}${who} expired on ${dateFmt.format(c.linkExpiresAt)} without being activated.`,
      soon
        ? "You can extend its expiry or email the link again from the contract."
        : "Regenerate the link from the contract to invite the partner again.",
    ],
    button: { label: "Open the contract", href: `${appUrl()}/partners/contracts/${c.publicId}` },
  });
  const subject = cleanSubject(
    soon
      ? `${c.distributorName}: link about to expire for contract ${c.publicId}`
      : `${c.distributorName}: link expired for contract ${c.publicId}`,
  );
  const kind: OutgoingEmail["kind"] = soon ? "link_expiry_staff_notice" : "link_expired_notice";
  await enqueueEmail(
    db,
    staff.map((to) => ({ kind, to, subject, ...body, contractId: c.contractId, accountId: c.issuerAccountId })),
  );
}
