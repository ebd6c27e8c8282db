import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements, agreementVersions, contracts, contractVersions, events } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import type { AuditEvent } from "@/lib/audit/catalogue";
import { newId, withFreshPublicId } from "@/lib/ids";
import { contractPermissions } from "@/lib/permissions";
import { issueToken, sha256Hex } from "@/lib/security/tokens";
import { DEMO_CONTRACTS, DEMO_RESELLERS, type DemoContract } from "./demo-partners-data";

export const DEMO_MARKETPLACE_NAME = "Northwind Cloud Marketplace Terms";

type Ids = { accountId: string; userId: string };
type Version = { id: string; number: number; sha256: string; createdAt: Date };
type OnAgreement = { id: string; publicId: string; versions: Version[] };
const DAY = 86_400_000;

const marketplace = (v: 1 | 2) =>
  `# Northwind Cloud Marketplace Terms\n\nVersion ${v}.\n\n## 1. Listing\n\nThe Reseller may list Northwind marketplace offers in its own storefront.\n\n## 2. Pricing\n\nThe Reseller sets its own prices above the published floor price.\n\n## 3. Payment\n\nInvoices are due within ${v === 1 ? "thirty (30)" : "forty-five (45)"} days.\n${v === 2 ? "\n## 4. Support\n\nNorthwind answers marketplace support requests within one business day.\n" : ""}`;

const PROGRAM = "# Northwind Partner Program\n\nBenefits, tiers and market development funds for Northwind partners.\n";

/**
 * Idempotent (the marketplace agreement is its marker; the caller runs it in one transaction): a
 * second service agreement whose version 2 one reseller signed, a program agreement, fourteen
 * reseller companies and 35 contracts in every status, with their history, so a newcomer sees the
 * product at work. `passwordHash` is the demo password's, for the resellers' signees.
 */
export async function seedDemoPartners(tx: Tx, ids: Ids, service: OnAgreement, passwordHash: string): Promise<void> {
  const [done] = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.ownerAccountId, ids.accountId), eq(agreements.name, DEMO_MARKETPLACE_NAME)));
  if (done) return;
  const now = Date.now();
  // Version 2 came out a month ago: most marketplace resellers are still on version 1 (Updates available).
  const market = await agreement(
    tx,
    ids,
    "service",
    DEMO_MARKETPLACE_NAME,
    "Terms for listing **Northwind** offers in a reseller's own marketplace.",
    [
      [marketplace(1), now - 160 * DAY],
      [marketplace(2), now - 30 * DAY],
    ],
  );
  await agreement(tx, ids, "program", "Northwind Partner Program", "Benefits and tiers for partners.", [[PROGRAM, now - 170 * DAY]]);
  const resellers = [];
  for (const r of DEMO_RESELLERS) {
    const account = await createAccount(tx, { name: r.name, role: "reseller" });
    const user = await createUser(tx, { email: r.email, fullName: r.person, passwordHash });
    await addMembership(tx, user.id, account.id);
    resellers.push({ accountId: account.id, userId: user.id });
  }
  for (const c of DEMO_CONTRACTS) {
    const on = c.on === "service" ? { ...service, versions: service.versions.slice(0, 1) } : market;
    await contract(tx, ids, c, on, c.reseller === undefined ? null : resellers[c.reseller], now);
  }
}

async function agreement(
  tx: Tx,
  ids: Ids,
  type: "service" | "program",
  name: string,
  description: string,
  texts: [string, number][],
): Promise<OnAgreement> {
  const at = texts[0][1];
  const row = await withFreshPublicId(type === "service" ? newId.serviceAgreement : newId.programAgreement, async (publicId) => {
    const [r] = await tx
      .insert(agreements)
      .values({
        publicId,
        type,
        name,
        description,
        ownerAccountId: ids.accountId,
        createdByUserId: ids.userId,
        createdAt: new Date(at),
        updatedAt: new Date(texts[texts.length - 1][1]),
      })
      .onConflictDoNothing({ target: agreements.publicId })
      .returning({ id: agreements.id, publicId: agreements.publicId });
    return r;
  });
  const versions: Version[] = [];
  for (const [i, [content, when]] of texts.entries()) {
    const created = new Date(when);
    const [v] = await tx
      .insert(agreementVersions)
      .values({
        agreementId: row.id,
        number: i + 1,
        content,
        sha256: sha256Hex(content),
        active: i === texts.length - 1,
        publishedAt: created,
        authorUserId: ids.userId,
        createdAt: created,
      })
      .returning({
        id: agreementVersions.id,
        number: agreementVersions.number,
        sha256: agreementVersions.sha256,
        createdAt: agreementVersions.createdAt,
      });
    versions.push(v);
  }
  return { ...row, versions };
}

async function contract(
  tx: Tx,
  ids: Ids,
  c: DemoContract,
  on: OnAgreement,
  owner: { accountId: string; userId: string } | null,
  now: number,
) {
  const created = new Date(now - c.daysAgo * DAY);
  const at = (days: number) => new Date(created.getTime() + days * DAY);
  const signed = on.versions.slice(0, c.signed ?? 1);
  // Activated two days after the invitation; a later version signed five days after it came out.
  const signedAt = signed.map((v, i) => (i === 0 ? at(2) : new Date(v.createdAt.getTime() + 5 * DAY)));
  const version = c.status === "active" || c.status === "terminated" ? signed[signed.length - 1] : on.versions[on.versions.length - 1];
  const { tokenHash, tokenCiphertext } = issueToken();
  const ended = c.status === "terminated" ? at(Math.min(c.daysAgo - 1, 30)) : null;
  const updated = ended ?? (owner ? signedAt[signedAt.length - 1] : c.status === "rejected" ? at(1) : created);
  const row = await withFreshPublicId(newId.contract, async (publicId) => {
    const [r] = await tx
      .insert(contracts)
      .values({
        publicId,
        kind: c.kind,
        status: c.status,
        agreementId: on.id,
        agreementVersionId: version.id,
        issuerAccountId: ids.accountId,
        createdByUserId: ids.userId,
        ownerAccountId: owner?.accountId ?? null,
        signeeUserId: owner?.userId ?? null,
        permissions: contractPermissions({ program: c.grant === "program", delegate: c.grant === "delegate" }),
        noteToSignee: "Welcome to Northwind! Please review the agreement and activate your Reseller Portal.",
        signeeEmail: c.invited?.email ?? null,
        invitedCompanyName: c.invited?.company ?? null,
        tokenHash,
        tokenCiphertext,
        linkExpiresAt: at(30),
        createdAt: created,
        updatedAt: updated,
        activatedAt: owner ? at(2) : null,
        rejectedAt: c.status === "rejected" ? at(1) : null,
        rejectionReason: c.status === "rejected" ? c.reason : null,
        terminatedAt: ended,
        terminationReason: ended ? c.reason : null,
      })
      .onConflictDoNothing({ target: contracts.publicId })
      .returning({ id: contracts.id, publicId: contracts.publicId });
    return r;
  });
  const history: { at: Date; by: string | null; account: string; event: AuditEvent }[] = [
    {
      at: created,
      by: ids.userId,
      account: ids.accountId,
      event: { type: "contract.created", data: { agreement: on.publicId, version: on.versions[0].number, kind: c.kind } },
    },
  ];
  if (owner) {
    for (const [i, v] of signed.entries()) {
      await tx
        .insert(contractVersions)
        .values({ contractId: row.id, agreementVersionId: v.id, signedByUserId: owner.userId, signedAt: signedAt[i], sha256: v.sha256 });
      const event: AuditEvent =
        i === 0
          ? { type: "contract.activated", data: { version: v.number, sha256: v.sha256 } }
          : {
              type: "contract.version_signed",
              data: { agreement: on.publicId, version: v.number, previousVersion: v.number - 1, sha256: v.sha256 },
            };
      history.push({ at: signedAt[i], by: owner.userId, account: owner.accountId, event });
    }
  }
  if (c.status === "rejected")
    history.push({ at: at(1), by: null, account: ids.accountId, event: { type: "contract.rejected", data: { reason: c.reason ?? "" } } });
  if (ended)
    history.push({
      at: ended,
      by: ids.userId,
      account: ids.accountId,
      event: { type: "contract.terminated", data: { reason: c.reason ?? "" } },
    });
  await tx.insert(events).values(
    history.map((h) => ({
      type: h.event.type,
      occurredAt: h.at,
      userId: h.by,
      accountId: h.account,
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: h.event.data,
    })),
  );
}
