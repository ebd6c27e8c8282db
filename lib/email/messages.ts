import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, contracts, memberships, users } from "@/db/schema";
import { absoluteLogoUrl, getBranding } from "@/lib/accounts/branding";
import { appUrl } from "@/lib/env";
import { activationLink } from "@/lib/security/tokens";
import { enqueueEmail } from "./enqueue-email";
import { cleanSubject, renderEmail } from "./render";

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

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
  const test = c.kind === "test" ? "[TEST] " : "";
  const issuer = `${c.distributorName} (${c.distributorPublicId})`;
  const body = renderEmail({
    heading: `${issuer} invites you to sign a service contract`,
    paragraphs: [
      ...(c.kind === "test" ? ["TEST contract: this invitation is for testing and creates no real business relationship."] : []),
      `${c.distributorName}, account ${c.distributorPublicId}, has invited you to join their platform under the service agreement "${c.agreementName}" (contract ${c.publicId}).`,
      ...(c.noteToSignee.trim() ? [`Note from ${c.distributorName}: ${c.noteToSignee}`] : []),
      `Review the agreement, sign it and activate your Reseller Portal with the link below. The link expires on ${dateFmt.format(c.linkExpiresAt)}.`,
    ],
    button: { label: "Review and activate", href: activationLink(input.token) },
    brand: c.brand,
    footer:
      "If you did not expect this invitation, you can ignore this email. Anyone with this link can act on the invitation, so do not forward it.",
  });
  await enqueueEmail(db, {
    kind: "invitation",
    to: input.to,
    subject: cleanSubject(`${test}${issuer} invites you to sign a service contract`),
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
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, c.issuerAccountId));
  const body = renderEmail({
    heading: `Contract ${c.publicId} is active`,
    paragraphs: [
      `${owner?.name ?? "Your partner"} signed "${c.agreementName}" and activated service contract ${c.publicId} with ${c.distributorName}.`,
    ],
    button: { label: "Open the contract", href: `${appUrl()}/partners/contracts/${c.publicId}` },
    brand: c.brand,
  });
  const subject = cleanSubject(`${c.distributorName}: contract ${c.publicId} was activated`);
  await enqueueEmail(
    db,
    staff.map((s) => ({ kind: "contract_activated" as const, to: s.email, subject, ...body, contractId, accountId: c.issuerAccountId })),
  );
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
    const body = renderEmail({
      heading: `A new version of "${r.agreementName}" is ready to sign`,
      paragraphs: [
        `${r.distributorName} published version ${versionNumber} of "${r.agreementName}", the agreement of your service contract ${r.publicId}. Review what changed and sign it from the contract's Versions tab.`,
      ],
      button: { label: "Review and sign", href: `${appUrl()}/reseller/contracts/${r.publicId}?tab=versions` },
      brand: brands.get(r.issuer),
    });
    return {
      kind: "new_version" as const,
      to: r.email,
      subject: cleanSubject(`${r.distributorName}: new agreement version to sign`),
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
  const [signee] = await db.select({ email: users.email }).from(users).where(eq(users.id, c.signeeUserId));
  const body = renderEmail({
    heading: `Contract ${c.publicId} was terminated`,
    paragraphs: [
      `${c.distributorName} terminated service contract ${c.publicId} ("${c.agreementName}").`,
      `Reason: ${reason}`,
      "The permissions this contract granted have been withdrawn.",
    ],
    button: { label: "Open the Reseller Portal", href: `${appUrl()}/reseller` },
    brand: c.brand,
  });
  await enqueueEmail(db, {
    kind: "contract_terminated",
    to: signee.email,
    subject: cleanSubject(`${c.distributorName}: contract ${c.publicId} was terminated`),
    ...body,
    contractId,
    accountId: c.ownerAccountId ?? undefined,
  });
}
