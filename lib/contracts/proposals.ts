import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agreements, agreementVersions, contractProposals, contracts, contractVersions, type ProposalKind } from "@/db/schema";
import { effectivePermissionsOf } from "@/lib/accounts/effective-permissions";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { now as clockNow } from "@/lib/clock";
import { enqueueContractNotice } from "@/lib/email/contract-terms-messages";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { newId, withFreshPublicId } from "@/lib/ids";
import { mayIssue, ungrantable } from "@/lib/permissions";
import { assertMayManageContracts, ownContract } from "./contract-transition";
import { grantsOf, permissionsOf, sameGrants, withinGrants, type Grants } from "./grants";
import { acceptProposalSchema, changePermissionsSchema, promoteSchema, PROPOSAL_DAYS, withdrawProposalSchema } from "./terms-schemas";

const DAY = 86_400_000;
const scheduler = { userId: null, accountId: null };
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export type PermissionsChange = { outcome: "narrowed" | "proposed"; grants: Grants };

/**
 * The Permissions section's Save. Fewer boxes than the contract grants apply at once (compare-and-set on
 * the permissions the contract has, event, notice to both sides; effective on the partner's next request).
 * Any box it does not grant yet makes a proposal the partner must accept in the Reseller Portal; the
 * issuer may only propose what it holds itself (docs/security-requirements.md 34), checked again on acceptance.
 */
export async function changePermissions(db: Db, viewer: Viewer, input: unknown, at: Date = clockNow()): Promise<PermissionsChange> {
  assertMayManageContracts(viewer);
  const { publicId, program, delegate } = parseOrThrow(changePermissionsSchema, input);
  const next: Grants = { program, delegate };
  try {
    return await db.transaction(async (tx) => {
      // Row-locked, so a termination or expiry in flight either commits first (and this finds nothing) or waits.
      const [c] = await tx
        .select({ id: contracts.id, permissions: contracts.permissions })
        .from(contracts)
        .where(ownContract(viewer, publicId, "active"))
        .for("update");
      if (!c) throw await inactiveError(tx, viewer, publicId);
      const current = grantsOf(c.permissions);
      if (sameGrants(next, current)) throw new AppError("invalid", "These are already the contract's permissions: nothing to change.");
      if (withinGrants(next, current)) {
        const permissions = permissionsOf(next);
        const [row] = await tx
          .update(contracts)
          .set({ permissions, updatedAt: sql`now()` })
          .where(
            and(
              eq(contracts.id, c.id),
              eq(contracts.status, "active"),
              sql`${contracts.permissions} = ${JSON.stringify(c.permissions)}::jsonb`,
            ),
          )
          .returning({ id: contracts.id });
        if (!row) throw new AppError("stale", "This contract changed while you acted. Reload the page to see it.");
        await recordEvent(tx, viewer, {
          type: "contract.permissions_narrowed",
          subjectId: c.id,
          subjectPublicId: publicId,
          data: { before: current, after: next },
        });
        // A waiting proposal was made from the old permissions: it no longer applies.
        await closePending(tx, viewer, c.id, publicId, "permissions", "withdrawn", at);
        await enqueueContractNotice(tx, c.id, ["issuer", "owner"], "permissions_narrowed", ({ t, about, permissions: words }) => ({
          subject: t("terms.narrowed.subject", about),
          heading: t("terms.narrowed.heading", about),
          paragraphs: [t("terms.narrowed.body", about), t("terms.narrowed.now", { permissions: words(permissions) })],
        }));
        return { outcome: "narrowed", grants: next };
      }
      const permissions = permissionsOf(next);
      const held = await effectivePermissionsOf(tx, viewer.accountId, { lock: true });
      const refused = ungrantable(permissions, held);
      if (refused.length) {
        throw new AppError("forbidden", "Your account may not grant these permissions, because it does not hold them.", {
          [refused[0]]: "Not available for your account.",
        });
      }
      const expiresAt = new Date(at.getTime() + PROPOSAL_DAYS * DAY);
      await tx.insert(contractProposals).values({
        contractId: c.id,
        kind: "permissions",
        fromPermissions: c.permissions,
        permissions,
        proposedByUserId: viewer.userId,
        createdAt: at,
        expiresAt,
      });
      await recordEvent(tx, viewer, {
        type: "contract.permissions_proposed",
        subjectId: c.id,
        subjectPublicId: publicId,
        data: { before: current, after: next, expiresAt: expiresAt.toISOString() },
      });
      await enqueueContractNotice(tx, c.id, ["issuer", "owner"], "permissions_proposed", ({ t, about, date, permissions: words }) => ({
        subject: t("terms.proposed.subject", about),
        heading: t("terms.proposed.heading", about),
        paragraphs: [
          t("terms.proposed.body", { ...about, permissions: words(permissions) }),
          t("terms.proposed.accept", { date: date(expiresAt) }),
        ],
      }));
      return { outcome: "proposed", grants: next };
    });
  } catch (e) {
    if (isUniqueViolation(e, "contract_proposals_one_pending")) throw waitingError("permissions");
    throw e;
  }
}

function waitingError(kind: ProposalKind): AppError {
  return new AppError(
    "conflict",
    kind === "promotion"
      ? "A promotion to Production is already waiting for the partner. Withdraw it first."
      : "A permissions proposal is already waiting for the partner. Withdraw it first.",
  );
}

async function inactiveError(tx: Tx, viewer: Viewer, publicId: string): Promise<AppError> {
  const [row] = await tx
    .select({ status: contracts.status })
    .from(contracts)
    .where(and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId)))
    .limit(1);
  if (!row) return new AppError("not_found", "This contract does not exist, or it is not yours.");
  return new AppError("stale", `This contract is no longer active (it is ${row.status}). Reload the page.`);
}

/** Closes a contract's pending proposal of one kind (compare-and-set on `pending`); true when one was closed. */
async function closePending(
  tx: Tx,
  actor: { userId: string | null; accountId: string | null },
  contractId: string,
  publicId: string,
  kind: ProposalKind,
  status: "withdrawn" | "expired",
  at: Date,
): Promise<boolean> {
  const [row] = await tx
    .update(contractProposals)
    .set({ status, decidedAt: at })
    .where(and(eq(contractProposals.contractId, contractId), eq(contractProposals.kind, kind), eq(contractProposals.status, "pending")))
    .returning({ id: contractProposals.id });
  if (!row) return false;
  await recordEvent(tx, actor, {
    type: status === "withdrawn" ? "contract.proposal_withdrawn" : "contract.proposal_expired",
    subjectId: contractId,
    subjectPublicId: publicId,
    data: { kind },
  });
  return true;
}

/** The issuer withdraws its waiting proposal (compare-and-set on `pending`: an acceptance that won keeps its result). */
export async function withdrawProposal(db: Db, viewer: Viewer, input: unknown, at: Date = clockNow()): Promise<void> {
  assertMayManageContracts(viewer);
  const { publicId, kind } = parseOrThrow(withdrawProposalSchema, input);
  await db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId)))
      .limit(1);
    if (!c) throw new AppError("not_found", "This contract does not exist, or it is not yours.");
    if (!(await closePending(tx, viewer, c.id, publicId, kind, "withdrawn", at))) {
      throw new AppError("stale", "No proposal is waiting any more: it was accepted, withdrawn or expired. Reload the page.");
    }
    await enqueueContractNotice(tx, c.id, ["issuer", "owner"], "proposal_withdrawn", ({ t, about }) => ({
      subject: t("terms.withdrawn.subject", about),
      heading: t(kind === "promotion" ? "terms.withdrawn.headingPromotion" : "terms.withdrawn.headingPermissions"),
      paragraphs: [t("terms.withdrawn.body", about)],
    }));
  });
}

/** Proposals nobody answered within their 30 days: compare-and-set to `expired`, event and notice (scheduled job). */
export async function expireProposals(db: Db, now: Date, batch = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(contractProposals)
      .set({ status: "expired", decidedAt: now })
      .where(
        and(
          sql`${contractProposals.id} in (select id from contract_proposals where status = 'pending' and expires_at <= ${ts(now)}
                                          order by expires_at limit ${batch} for update skip locked)`,
          eq(contractProposals.status, "pending"),
        ),
      )
      .returning({ contractId: contractProposals.contractId, kind: contractProposals.kind });
    for (const r of rows) {
      const [c] = await tx
        .select({ publicId: contracts.publicId, status: contracts.status })
        .from(contracts)
        .where(eq(contracts.id, r.contractId));
      await recordEvent(tx, scheduler, {
        type: "contract.proposal_expired",
        subjectId: r.contractId,
        subjectPublicId: c.publicId,
        data: { kind: r.kind },
      });
      // A contract that ended meanwhile (terminated, expired, promoted) already told both sides: no mail.
      if (c.status !== "active") continue;
      await enqueueContractNotice(tx, r.contractId, ["issuer", "owner"], "proposal_expired", ({ t, about }) => ({
        subject: t("terms.proposalExpired.subject", about),
        heading: t(r.kind === "promotion" ? "terms.proposalExpired.headingPromotion" : "terms.proposalExpired.headingPermissions"),
        paragraphs: [t("terms.proposalExpired.body", { ...about, days: PROPOSAL_DAYS })],
      }));
    }
    return rows.length;
  });
}

/**
 * The issuer proposes to promote an active Test contract to Production: on acceptance, a Production
 * contract on the agreement's active version replaces it, for the same company (no new user, no new company).
 */
export async function promoteContract(db: Db, viewer: Viewer, input: unknown, at: Date = clockNow()): Promise<void> {
  assertMayManageContracts(viewer);
  const { publicId } = parseOrThrow(promoteSchema, input);
  try {
    await db.transaction(async (tx) => {
      const [c] = await tx
        .select({ id: contracts.id, kind: contracts.kind, agreementId: contracts.agreementId })
        .from(contracts)
        .where(ownContract(viewer, publicId, "active"))
        .for("update");
      if (!c) throw await inactiveError(tx, viewer, publicId);
      if (c.kind !== "test") throw new AppError("conflict", "Only a Test contract can be promoted to Production.");
      const version = await activeVersion(tx, c.agreementId);
      if (!version) throw new AppError("conflict", "The agreement has no active version to promote onto. Activate one first.");
      const expiresAt = new Date(at.getTime() + PROPOSAL_DAYS * DAY);
      await tx
        .insert(contractProposals)
        .values({ contractId: c.id, kind: "promotion", proposedByUserId: viewer.userId, createdAt: at, expiresAt });
      await recordEvent(tx, viewer, {
        type: "contract.promotion_proposed",
        subjectId: c.id,
        subjectPublicId: publicId,
        data: { agreement: version.agreementPublicId, version: version.number, expiresAt: expiresAt.toISOString() },
      });
      await enqueueContractNotice(tx, c.id, ["issuer", "owner"], "promotion_proposed", ({ t, about, date }) => ({
        subject: t("terms.promotionProposed.subject", about),
        heading: t("terms.promotionProposed.heading", about),
        paragraphs: [
          t("terms.promotionProposed.body", { ...about, version: version.number }),
          t("terms.promotionProposed.accept", { date: date(expiresAt) }),
        ],
      }));
    });
  } catch (e) {
    if (isUniqueViolation(e, "contract_proposals_one_pending")) throw waitingError("promotion");
    throw e;
  }
}

async function activeVersion(tx: Tx, agreementId: string) {
  const [v] = await tx
    .select({
      id: agreementVersions.id,
      number: agreementVersions.number,
      sha256: agreementVersions.sha256,
      agreementPublicId: agreements.publicId,
    })
    .from(agreementVersions)
    .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.active, true)))
    .limit(1);
  return v;
}

export type AcceptedProposal = { contractPublicId: string; kind: ProposalKind; successorPublicId: string | null };

/**
 * A user of the reseller accepts a proposal on a contract its account owns, like signing a version:
 * compare-and-set on the proposal (`pending`, not past its expiry) so accept and withdraw cannot both
 * win, with the evidence (who, when, IP, user agent). The issuer must still hold what the contract
 * would grant (checked with its granting contracts row-locked, as on activation).
 */
export async function acceptProposal(db: Db, viewer: Viewer, input: unknown, at: Date = clockNow()): Promise<AcceptedProposal> {
  const { contractPublicId, proposalId } = parseOrThrow(acceptProposalSchema, input);
  try {
    return await db.transaction(async (tx) => {
      // The contract first, row-locked: the same order as the issuer's changes (no deadlock), and a
      // termination, expiry or narrowing in flight either commits first or waits for this acceptance.
      const [c] = await tx
        .select()
        .from(contracts)
        .where(and(eq(contracts.publicId, contractPublicId), eq(contracts.ownerAccountId, viewer.accountId)))
        .for("update");
      const [p] =
        c?.status === "active"
          ? await tx
              .update(contractProposals)
              .set({
                status: "accepted",
                decidedAt: at,
                decidedByUserId: viewer.userId,
                ip: viewer.ip,
                userAgent: viewer.userAgent?.slice(0, 500) ?? null,
              })
              .where(
                and(
                  eq(contractProposals.id, proposalId),
                  eq(contractProposals.contractId, c.id),
                  eq(contractProposals.status, "pending"),
                  sql`${contractProposals.expiresAt} > ${ts(at)}`,
                ),
              )
              .returning()
          : [];
      if (!p) throw await notAcceptedError(tx, viewer, contractPublicId, proposalId, at);
      const held = await effectivePermissionsOf(tx, c.issuerAccountId, { lock: true });
      const granted = p.kind === "permissions" ? p.permissions! : c.permissions;
      if (!mayIssue(held, granted)) {
        throw new AppError("forbidden", "The distributor no longer holds these permissions, so this proposal cannot be accepted.");
      }
      if (p.kind === "permissions") {
        const [row] = await tx
          .update(contracts)
          .set({ permissions: granted, updatedAt: sql`now()` })
          .where(
            and(
              eq(contracts.id, c.id),
              eq(contracts.status, "active"),
              sql`${contracts.permissions} = ${JSON.stringify(p.fromPermissions)}::jsonb`,
            ),
          )
          .returning({ id: contracts.id });
        if (!row) throw new AppError("stale", "The contract's permissions changed since this proposal was made. Reload the page.");
        await recordEvent(tx, viewer, {
          type: "contract.permissions_accepted",
          subjectId: c.id,
          subjectPublicId: c.publicId,
          data: { before: grantsOf(p.fromPermissions!), after: grantsOf(granted) },
        });
        await enqueueContractNotice(tx, c.id, ["issuer", "owner"], "permissions_accepted", ({ t, about, permissions: words }) => ({
          subject: t("terms.accepted.subject", about),
          heading: t("terms.accepted.heading", about),
          paragraphs: [t("terms.accepted.body", { ...about, permissions: words(granted) })],
        }));
        return { contractPublicId: c.publicId, kind: p.kind, successorPublicId: null };
      }
      return { contractPublicId: c.publicId, kind: p.kind, successorPublicId: await promote(tx, viewer, c, p, at) };
    });
  } catch (e) {
    if (isUniqueViolation(e, "contracts_promoted_from")) {
      throw new AppError("stale", "This Test contract was already promoted. Reload the page.");
    }
    throw e;
  }
}

/** Acceptance of a promotion: the Production successor (active, signed now), then the Test contract ends. */
async function promote(
  tx: Tx,
  viewer: Viewer,
  test: typeof contracts.$inferSelect,
  proposal: { id: string; proposedByUserId: string | null },
  at: Date,
): Promise<string> {
  const version = await activeVersion(tx, test.agreementId);
  if (!version) throw new AppError("stale", "The agreement has no active version any more. Ask the distributor.");
  const successor = await withFreshPublicId(newId.contract, async (publicId) => {
    const [r] = await tx
      .insert(contracts)
      .values({
        publicId,
        kind: "production",
        status: "active",
        agreementId: test.agreementId,
        agreementVersionId: version.id,
        issuerAccountId: test.issuerAccountId,
        ownerAccountId: viewer.accountId,
        signeeUserId: viewer.userId,
        // The issuer's user who proposed the promotion.
        createdByUserId: proposal.proposedByUserId,
        permissions: test.permissions,
        noteToSignee: test.noteToSignee,
        internalNote: test.internalNote,
        linkExpiresAt: at,
        activatedAt: at,
        promotedFromContractId: test.id,
      })
      .onConflictDoNothing({ target: contracts.publicId })
      .returning({ id: contracts.id, publicId: contracts.publicId });
    return r;
  });
  await tx.update(contractProposals).set({ successorContractId: successor.id }).where(eq(contractProposals.id, proposal.id));
  await tx.insert(contractVersions).values({
    contractId: successor.id,
    agreementVersionId: version.id,
    signedByUserId: viewer.userId,
    sha256: version.sha256,
    ip: viewer.ip,
    userAgent: viewer.userAgent?.slice(0, 500) ?? null,
  });
  const reason = `Promoted to Production contract ${successor.publicId}`;
  const [ended] = await tx
    .update(contracts)
    .set({ status: "terminated", terminatedAt: at, terminationReason: reason, updatedAt: sql`now()` })
    .where(and(eq(contracts.id, test.id), eq(contracts.status, "active")))
    .returning({ id: contracts.id });
  if (!ended) throw new AppError("stale", "This Test contract is no longer active. Reload the page.");
  await recordEvent(tx, viewer, {
    type: "contract.promoted_from",
    subjectId: successor.id,
    subjectPublicId: successor.publicId,
    data: { from: test.publicId, version: version.number, sha256: version.sha256 },
  });
  await recordEvent(tx, viewer, {
    type: "contract.promoted",
    subjectId: test.id,
    subjectPublicId: test.publicId,
    data: { to: successor.publicId },
  });
  await enqueueContractNotice(tx, successor.id, ["issuer", "owner"], "contract_promoted", ({ t, about }) => ({
    subject: t("terms.promoted.subject", { ...about, test: test.publicId }),
    heading: t("terms.promoted.heading", about),
    paragraphs: [
      t("terms.promoted.body", { ...about, test: test.publicId, version: version.number }),
      t("terms.promoted.ended", { test: test.publicId }),
    ],
  }));
  return successor.publicId;
}

/** Zero proposals accepted: say why, reading with the same owner scope (another tenant's is "not found"). */
async function notAcceptedError(tx: Tx, viewer: Viewer, contractPublicId: string, proposalId: string, at: Date): Promise<AppError> {
  const [row] = await tx
    .select({ status: contractProposals.status, expiresAt: contractProposals.expiresAt, contractStatus: contracts.status })
    .from(contractProposals)
    .innerJoin(contracts, eq(contracts.id, contractProposals.contractId))
    .where(
      and(eq(contractProposals.id, proposalId), eq(contracts.publicId, contractPublicId), eq(contracts.ownerAccountId, viewer.accountId)),
    )
    .limit(1);
  if (!row) return new AppError("not_found", "This proposal does not exist, or it is not for your company.");
  if (row.contractStatus !== "active")
    return new AppError("stale", `This contract is no longer active (it is ${row.contractStatus}). Reload the page.`);
  if (row.status === "pending" && row.expiresAt.getTime() <= at.getTime()) return new AppError("expired", "This proposal has expired.");
  if (row.status === "accepted") return new AppError("stale", "This proposal was already accepted. Reload the page.");
  return new AppError("stale", `This proposal was ${row.status}. Reload the page.`);
}
