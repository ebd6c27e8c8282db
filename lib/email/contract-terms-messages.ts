import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, contracts, memberships, users } from "@/db/schema";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import type { Permissions } from "@/lib/permissions";
import { enqueueEmail, type OutgoingEmail } from "./enqueue-email";
import { emailT, localeOr, longDate, permissionLines } from "./locale";
import { cleanSubject, renderEmail } from "./render";

type Side = "issuer" | "owner";

async function facts(db: DbOrTx, contractId: string) {
  const [row] = await db
    .select({
      publicId: contracts.publicId,
      issuerAccountId: contracts.issuerAccountId,
      ownerAccountId: contracts.ownerAccountId,
      signeeLocale: contracts.signeeLocale,
      distributorName: accounts.name,
      distributorPublicId: accounts.publicId,
      agreementName: agreements.name,
    })
    .from(contracts)
    .innerJoin(accounts, eq(accounts.id, contracts.issuerAccountId))
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .where(eq(contracts.id, contractId))
    .limit(1);
  if (!row) throw new Error(`contract ${contractId} not found for email`);
  const [owner] = row.ownerAccountId
    ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, row.ownerAccountId))
    : [];
  return { ...row, ownerName: owner?.name ?? null };
}

/** Every user of the given accounts (the issuer's staff, the reseller's users), each address once, with their language. */
async function membersOf(db: DbOrTx, accountIds: string[]): Promise<{ email: string; accountId: string; locale: string | null }[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select({ email: users.email, accountId: memberships.accountId, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.accountId, accountIds));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.email) ? false : (seen.add(r.email), true)));
}

/** The permissions a contract grants, in a language ("Activation.permission", the words of the Permissions tab). */
export function permissionWords(locale: Locale, p: Permissions): string {
  const lines = permissionLines(locale, p);
  return lines.length ? lines.join("; ") : emailT(locale)("terms.noPermission");
}

/** What a notice's words are built from, in one recipient's language. */
export type NoticeWriter = {
  locale: Locale;
  /** The Email catalog (messages/<locale>/email.json) in the recipient's language. */
  t: ReturnType<typeof emailT>;
  /** Which contract, between whom: the arguments of every "terms.*" sentence naming the contract. */
  about: { contract: string; agreement: string; distributor: string; owner: string };
  /** A date as the emails word it, in the recipient's language. */
  date: (d: Date) => string;
  /** The permissions a contract grants, in the recipient's language. */
  permissions: (p: Permissions) => string;
};

export type NoticeWords = { subject: string; heading: string; paragraphs: string[] };

/**
 * One notice to the chosen sides of a contract, each recipient in their own language (users.locale; for
 * the reseller's users else the language the contract was offered in, contracts.signee_locale; else
 * English) and with the link to their own view of it (the issuer's details screen, the reseller's portal page).
 */
export async function enqueueContractNotice(
  db: DbOrTx,
  contractId: string,
  sides: Side[],
  kind: OutgoingEmail["kind"],
  build: (w: NoticeWriter) => NoticeWords,
): Promise<void> {
  const c = await facts(db, contractId);
  const ids = [
    ...(sides.includes("issuer") ? [c.issuerAccountId] : []),
    ...(sides.includes("owner") && c.ownerAccountId ? [c.ownerAccountId] : []),
  ];
  const recipients = await membersOf(db, ids);
  const emails = recipients.map((r) => {
    const issuerSide = r.accountId === c.issuerAccountId;
    const locale = issuerSide ? localeOr(r.locale) : localeOr(r.locale, c.signeeLocale);
    const t = emailT(locale);
    const words = build({
      locale,
      t,
      about: {
        contract: c.publicId,
        agreement: c.agreementName,
        distributor: c.distributorName,
        owner: c.ownerName ?? t("yourPartner"),
      },
      date: (d) => longDate(d, locale),
      permissions: (p) => permissionWords(locale, p),
    });
    const body = renderEmail({
      heading: words.heading,
      paragraphs: words.paragraphs,
      button: issuerSide
        ? { label: t("openContract"), href: `${appUrl()}/partners/contracts/${c.publicId}` }
        : { label: t("openResellerPortal"), href: `${appUrl()}/reseller/contracts/${c.publicId}` },
      pasteLabel: t("pasteLink"),
    });
    return {
      kind,
      to: r.email,
      subject: cleanSubject(
        t("terms.subject", { distributor: c.distributorName, distributorId: c.distributorPublicId, subject: words.subject }),
      ),
      ...body,
      contractId,
      accountId: r.accountId,
    };
  });
  await enqueueEmail(db, emails);
}
