import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, contracts, memberships, users } from "@/db/schema";
import { absoluteLogoUrl, getBranding } from "@/lib/accounts/branding";
import { appUrl } from "@/lib/env";
import { activationLink } from "@/lib/security/tokens";
import { enqueueEmail } from "./enqueue-email";
import { emailT, localeOr, longDate, testSubject } from "./locale";
import { cleanSubject, renderEmail } from "./render";

async function contractFacts(db: DbOrTx, contractId: string) {
  const [row] = await db
    .select({
      publicId: contracts.publicId,
      kind: contracts.kind,
      noteToSignee: contracts.noteToSignee,
      linkExpiresAt: contracts.linkExpiresAt,
      issuerAccountId: contracts.issuerAccountId,
      ownerAccountId: contracts.ownerAccountId,
      signeeUserId: contracts.signeeUserId,
      signeeLocale: contracts.signeeLocale,
      distributorName: accounts.name,
      distributorPublicId: accounts.publicId,
      agreementName: agreements.name,
      agreementId: agreements.id,
    })
    .from(contracts)
    .innerJoin(accounts, eq(accounts.id, contracts.issuerAccountId))
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .where(eq(contracts.id, contractId))
    .limit(1);
  if (!row) throw new Error(`contract ${contractId} not found for email`);
  return { ...row, brand: await brandOf(db, row.issuerAccountId, row.distributorName) };
}

/** The issuing account's logo (absolute URL from APP_URL) and accent colour for its emails. */
async function brandOf(db: DbOrTx, accountId: string, name: string) {
  const b = await getBranding(db, accountId);
  return { logoUrl: absoluteLogoUrl(b), accentColor: b.accentColor, name };
}

/**
 * The invitation with the activation link, to the signee email. It always names the issuing account
 * with its public ID, in the subject and the body (docs/security-requirements.md 36): a company name can be chosen to
 * look like another, its ID cannot.
 */
export async function enqueueInvitation(
  db: DbOrTx,
  input: { contractId: string; contractPublicId: string; to: string; token: string },
): Promise<void> {
  const c = await contractFacts(db, input.contractId);
  // In the language the issuer picked for the signee (contracts.signee_locale).
  const locale = localeOr(c.signeeLocale);
  const t = emailT(locale);
  const issuer = `${c.distributorName} (${c.distributorPublicId})`;
  const body = renderEmail({
    heading: t("invitation.title", { issuer }),
    paragraphs: [
      ...(c.kind === "test" ? [t("invitation.testNote")] : []),
      t("invitation.intro", {
        distributor: c.distributorName,
        distributorId: c.distributorPublicId,
        agreement: c.agreementName,
        contract: c.publicId,
      }),
      ...(c.noteToSignee.trim() ? [t("invitation.note", { distributor: c.distributorName, note: c.noteToSignee })] : []),
      t("invitation.review", { date: longDate(c.linkExpiresAt, locale) }),
    ],
    button: { label: t("reviewAndActivate"), href: activationLink(input.token) },
    pasteLabel: t("pasteLink"),
    brand: c.brand,
    footer: t("invitation.footer"),
  });
  await enqueueEmail(db, {
    kind: "invitation",
    to: input.to,
    subject: cleanSubject(testSubject(locale, c.kind, t("invitation.title", { issuer }))),
    ...body,
    contractId: input.contractId,
    accountId: c.issuerAccountId,
  });
}

/** Every staff user of the issuing distributor hears that the contract was activated. */
export async function enqueueContractActivated(db: DbOrTx, contractId: string): Promise<void> {
  const c = await contractFacts(db, contractId);
  const [owner] = c.ownerAccountId ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, c.ownerAccountId)) : [];
  const staff = await db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, c.issuerAccountId));
  // Each staff user in their own language (users.locale), else English.
  const emails = staff.map((s) => {
    const t = emailT(localeOr(s.locale));
    const body = renderEmail({
      heading: t("activated.heading", { contract: c.publicId }),
      paragraphs: [
        t("activated.body", {
          owner: owner?.name ?? t("yourPartner"),
          agreement: c.agreementName,
          contract: c.publicId,
          distributor: c.distributorName,
        }),
      ],
      button: { label: t("openContract"), href: `${appUrl()}/partners/contracts/${c.publicId}` },
      pasteLabel: t("pasteLink"),
      brand: c.brand,
    });
    const subject = cleanSubject(t("activated.subject", { distributor: c.distributorName, contract: c.publicId }));
    return { kind: "contract_activated" as const, to: s.email, subject, ...body, contractId, accountId: c.issuerAccountId };
  });
  await enqueueEmail(db, emails);
}

/**
 * A newer agreement version is active: each active contract's signee is asked to sign it.
 * With `activeVersionId`, contracts already on that version (re-activation of an older one) are skipped.
 */
export async function enqueueNewVersionToSign(
  db: DbOrTx,
  agreementId: string,
  versionNumber: number,
  activeVersionId?: string,
): Promise<void> {
  const rows = await db
    .select({
      contractId: contracts.id,
      publicId: contracts.publicId,
      email: users.email,
      userLocale: users.locale,
      signeeLocale: contracts.signeeLocale,
      distributorName: accounts.name,
      agreementName: agreements.name,
      issuer: contracts.issuerAccountId,
    })
    .from(contracts)
    .innerJoin(users, eq(users.id, contracts.signeeUserId))
    .innerJoin(accounts, eq(accounts.id, contracts.issuerAccountId))
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .where(
      and(
        eq(contracts.agreementId, agreementId),
        eq(contracts.status, "active"),
        activeVersionId ? ne(contracts.agreementVersionId, activeVersionId) : undefined,
      ),
    );
  const brands = new Map<string, Awaited<ReturnType<typeof brandOf>>>();
  for (const r of rows) if (!brands.has(r.issuer)) brands.set(r.issuer, await brandOf(db, r.issuer, r.distributorName));
  const messages = rows.map((r) => {
    // The signee's own setting, else the language the contract was offered in.
    const t = emailT(localeOr(r.userLocale, r.signeeLocale));
    const body = renderEmail({
      heading: t("newVersion.heading", { agreement: r.agreementName }),
      paragraphs: [
        t("newVersion.body", { distributor: r.distributorName, version: versionNumber, agreement: r.agreementName, contract: r.publicId }),
      ],
      button: { label: t("newVersion.button"), href: `${appUrl()}/reseller/contracts/${r.publicId}?tab=versions` },
      pasteLabel: t("pasteLink"),
      brand: brands.get(r.issuer),
    });
    return {
      kind: "new_version" as const,
      to: r.email,
      subject: cleanSubject(t("newVersion.subject", { distributor: r.distributorName })),
      ...body,
      contractId: r.contractId,
      accountId: r.issuer,
    };
  });
  await enqueueEmail(db, messages);
}

/** The reseller's signee hears that the contract was terminated, and why. */
export async function enqueueContractTerminated(db: DbOrTx, contractId: string, reason: string): Promise<void> {
  const c = await contractFacts(db, contractId);
  if (!c.signeeUserId) return;
  const [signee] = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, c.signeeUserId));
  const t = emailT(localeOr(signee.locale, c.signeeLocale));
  const body = renderEmail({
    heading: t("terminated.heading", { contract: c.publicId }),
    paragraphs: [
      t("terminated.body", { distributor: c.distributorName, contract: c.publicId, agreement: c.agreementName }),
      t("terminated.reason", { reason }),
      t("terminated.withdrawn"),
    ],
    button: { label: t("openResellerPortal"), href: `${appUrl()}/reseller` },
    pasteLabel: t("pasteLink"),
    brand: c.brand,
  });
  await enqueueEmail(db, {
    kind: "contract_terminated",
    to: signee.email,
    subject: cleanSubject(t("terminated.subject", { distributor: c.distributorName, contract: c.publicId })),
    ...body,
    contractId,
    accountId: c.ownerAccountId ?? undefined,
  });
}
