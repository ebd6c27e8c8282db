import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/enqueue-email";
import { emailT, localeOr, longDate, testSubject } from "@/lib/email/locale";
import { cleanSubject, renderEmail } from "@/lib/email/render";
import { appUrl } from "@/lib/env";
import { activationLink } from "@/lib/security/tokens";

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
  /** The language the issuer picked for the signee (contracts.signee_locale): reminders follow it. */
  signeeLocale: string;
  linkExpiresAt: Date;
};

/** The reminder to the signee, with the current link; names the issuer with its ID like the invitation. */
export async function enqueueReminder(db: DbOrTx, c: FollowUpFacts, token: string, number: number): Promise<void> {
  if (!c.signeeEmail) return;
  const locale = localeOr(c.signeeLocale);
  const t = emailT(locale);
  const issuer = `${c.distributorName} (${c.distributorPublicId})`;
  const body = renderEmail({
    heading: t("reminder.heading", { issuer }),
    paragraphs: [
      t("reminder.body", {
        distributor: c.distributorName,
        distributorId: c.distributorPublicId,
        agreement: c.agreementName,
        contract: c.publicId,
      }),
      t("invitation.review", { date: longDate(c.linkExpiresAt, locale) }),
    ],
    button: { label: t("reviewAndActivate"), href: activationLink(token) },
    pasteLabel: t("pasteLink"),
    footer: t("reminder.footer"),
  });
  await enqueueEmail(db, {
    kind: "reminder",
    to: c.signeeEmail,
    subject: cleanSubject(testSubject(locale, c.kind, t("reminder.subject", { number, issuer }))),
    ...body,
    contractId: c.contractId,
    accountId: c.issuerAccountId,
  });
}

/** "Your invitation expires soon" to the signee, with the live link. */
export async function enqueueExpirySoonToSignee(db: DbOrTx, c: FollowUpFacts, token: string): Promise<void> {
  if (!c.signeeEmail) return;
  const locale = localeOr(c.signeeLocale);
  const t = emailT(locale);
  const issuer = `${c.distributorName} (${c.distributorPublicId})`;
  const body = renderEmail({
    heading: t("expirySoon.heading"),
    paragraphs: [
      t("expirySoon.body", { issuer, agreement: c.agreementName, contract: c.publicId, date: longDate(c.linkExpiresAt, locale) }),
      t("expirySoon.after"),
    ],
    button: { label: t("reviewAndActivate"), href: activationLink(token) },
    pasteLabel: t("pasteLink"),
    footer: t("expirySoon.footer"),
  });
  await enqueueEmail(db, {
    kind: "link_expiry_notice",
    to: c.signeeEmail,
    subject: cleanSubject(t("expirySoon.subject", { issuer })),
    ...body,
    contractId: c.contractId,
    accountId: c.issuerAccountId,
  });
}

async function staffOf(db: DbOrTx, accountId: string): Promise<{ email: string; locale: string | null }[]> {
  return db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId));
}

/** "Link about to expire" (3 days before) or "Link expired" to every staff user of the issuer, with a button to the contract. */
export async function enqueueLinkNoticeToStaff(db: DbOrTx, c: FollowUpFacts, which: "expiry_soon" | "link_expired"): Promise<void> {
  const staff = await staffOf(db, c.issuerAccountId);
  const soon = which === "expiry_soon";
  const kind: OutgoingEmail["kind"] = soon ? "link_expiry_staff_notice" : "link_expired_notice";
  const emails = staff.map((s) => {
    // Each staff user in their own language.
    const locale = localeOr(s.locale);
    const t = emailT(locale);
    const who = c.signeeEmail ? ` ${t("linkNotice.sentTo", { email: c.signeeEmail })}` : "";
    const date = longDate(c.linkExpiresAt, locale);
    const body = renderEmail({
      heading: soon ? t("linkNotice.soonHeading", { contract: c.publicId }) : t("linkNotice.expiredHeading", { contract: c.publicId }),
      paragraphs: [
        soon
          ? t("linkNotice.soonBody", { contract: c.publicId, who, date })
          : t("linkNotice.expiredBody", { contract: c.publicId, who, date }),
        soon ? t("linkNotice.soonHint") : t("linkNotice.expiredHint"),
      ],
      button: { label: t("openContract"), href: `${appUrl()}/partners/contracts/${c.publicId}` },
      pasteLabel: t("pasteLink"),
    });
    const subject = cleanSubject(
      soon
        ? t("linkNotice.soonSubject", { distributor: c.distributorName, contract: c.publicId })
        : t("linkNotice.expiredSubject", { distributor: c.distributorName, contract: c.publicId }),
    );
    return { kind, to: s.email, subject, ...body, contractId: c.contractId, accountId: c.issuerAccountId };
  });
  await enqueueEmail(db, emails);
}
