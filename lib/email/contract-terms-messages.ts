import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, contracts, memberships, users } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { enqueueEmail, type OutgoingEmail } from "./enqueue-email";
import { cleanSubject, renderEmail } from "./render";

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** A date as the emails word it (UTC, like every date of the portal). */
export function longDate(d: Date): string {
  return dateFmt.format(d);
}

type Side = "issuer" | "owner";

async function facts(db: DbOrTx, contractId: string) {
  const [row] = await db
    .select({
      publicId: contracts.publicId,
      issuerAccountId: contracts.issuerAccountId,
      ownerAccountId: contracts.ownerAccountId,
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
  return { ...row, ownerName: owner?.name ?? "Your partner" };
}

/** Every user of the given accounts (the issuer's staff, the reseller's users), each address once. */
async function membersOf(db: DbOrTx, accountIds: string[]): Promise<{ email: string; accountId: string }[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select({ email: users.email, accountId: memberships.accountId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.accountId, accountIds));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.email) ? false : (seen.add(r.email), true)));
}

type Message = { kind: OutgoingEmail["kind"]; subject: string; heading: string; paragraphs: string[] };

/**
 * One message to the chosen sides of a contract, each recipient with the link to their own view of it
 * (the issuer's details screen, the reseller's portal page).
 */
export async function enqueueContractNotice(db: DbOrTx, contractId: string, sides: Side[], message: Message): Promise<void> {
  const c = await facts(db, contractId);
  const ids = [
    ...(sides.includes("issuer") ? [c.issuerAccountId] : []),
    ...(sides.includes("owner") && c.ownerAccountId ? [c.ownerAccountId] : []),
  ];
  const recipients = await membersOf(db, ids);
  const emails = recipients.map((r) => {
    const issuerSide = r.accountId === c.issuerAccountId;
    const body = renderEmail({
      heading: message.heading,
      paragraphs: message.paragraphs,
      button: issuerSide
        ? { label: "Open the contract", href: `${appUrl()}/partners/contracts/${c.publicId}` }
        : { label: "Open the Reseller Portal", href: `${appUrl()}/reseller/contracts/${c.publicId}` },
    });
    return {
      kind: message.kind,
      to: r.email,
      subject: cleanSubject(`${c.distributorName} (${c.distributorPublicId}): ${message.subject}`),
      ...body,
      contractId,
      accountId: r.accountId,
    };
  });
  await enqueueEmail(db, emails);
}

/** The words every notice starts from: which contract, between whom. */
export async function describeContract(db: DbOrTx, contractId: string): Promise<string> {
  const c = await facts(db, contractId);
  return `service contract ${c.publicId} ("${c.agreementName}") between ${c.distributorName} and ${c.ownerName}`;
}
