import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, contractProposals, contracts, contractVersions, events, outbox, users } from "@/db/schema";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { listContracts } from "@/lib/contracts/list-contracts";
import { acceptProposal, changePermissions, expireProposals, promoteContract, withdrawProposal } from "@/lib/contracts/proposals";
import { runScheduledJobs } from "@/lib/scheduler/jobs";
import { delegatedReseller, terminate } from "@/tests/security/delegation-support";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract, makeMember, viewerFor } from "../support/factories";

// Issue 21, parts 2 and 3: narrowing at once; wider permissions and Test → Production only with the
// partner's acceptance (evidence recorded), withdrawable, expiring after 30 days; delegation rules hold.

const DAY = 86_400_000;
type Account = Awaited<ReturnType<typeof makeAccount>>;
let issuer: Account;
let agreementId: string;
beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer, { versions: 2, active: 1 })).agreement.publicId;
});

const rowOf = async (id: string) => (await (await db()).select().from(contracts).where(eq(contracts.id, id)))[0];
const eventsOf = async (id: string) => (await (await db()).select().from(events).where(eq(events.subjectId, id))).map((e) => e.type);
const mailsOf = async (id: string, kind: string) =>
  (
    await (
      await db()
    )
      .select()
      .from(outbox)
      .where(and(eq(outbox.contractId, id), eq(outbox.kind, kind)))
  )
    .map((m) => m.to)
    .sort();
const proposalsOf = async (id: string) => (await db()).select().from(contractProposals).where(eq(contractProposals.contractId, id));
const resellerViewer = async (r: { user: { id: string } }) => (await viewerFor(r.user.id))!;

async function active(overrides: Parameters<typeof makeContract>[2] = {}) {
  const c = await makeContract(issuer, agreementId, overrides);
  const { reseller } = await makeActiveContract(c);
  return { c, reseller };
}

describe("narrowing permissions", () => {
  it("applies at once: the partner loses the permission on its next request; event and mail to both sides", async () => {
    const { c, reseller } = await active({ program: true, delegate: true });
    expect((await resellerViewer(reseller)).permissions.agreement.program.create).toBe(true);
    const done = await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: false, delegate: true });
    expect(done).toEqual({ outcome: "narrowed", grants: { program: false, delegate: true } });
    const after = await resellerViewer(reseller);
    expect(after.permissions.agreement.program.create).toBe(false);
    expect(after.permissions.agreement.service.create).toBe(true);
    expect(await eventsOf(c.id)).toContain("contract.permissions_narrowed");
    expect(await mailsOf(c.id, "permissions_narrowed")).toEqual([issuer.user.email, reseller.user.email].sort());
    expect(await proposalsOf(c.id)).toEqual([]);
  });

  it("refuses no change, a contract that is not active, another tenant's", async () => {
    const { c } = await active({ program: true });
    await expect(
      changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: false }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    const pending = await makeContract(issuer, agreementId, { program: true });
    await expect(
      changePermissions(await db(), issuer.viewer, { publicId: pending.publicId, program: false, delegate: false }),
    ).rejects.toMatchObject({ code: "stale", message: expect.stringMatching(/it is pending/) });
    const other = await makeAccount();
    await expect(
      changePermissions(await db(), other.viewer, { publicId: c.publicId, program: false, delegate: false }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await rowOf(c.id)).permissions.agreement.program.create).toBe(true);
  });
});

describe("wider permissions need the partner's acceptance", () => {
  it("a proposal changes nothing until a reseller user accepts it; the acceptance records the evidence", async () => {
    const { c, reseller } = await active();
    const colleague = await makeMember(reseller, "member");
    const done = await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: false });
    expect(done.outcome).toBe("proposed");
    expect((await rowOf(c.id)).permissions.agreement.program.create).toBe(false);
    expect((await resellerViewer(reseller)).permissions.agreement.program.create).toBe(false);
    expect(await mailsOf(c.id, "permissions_proposed")).toEqual([issuer.user.email, reseller.user.email, colleague.user.email].sort());

    // Both sides see current and proposed.
    const seen = await getContractDetails(await db(), reseller.viewer, c.publicId, "owner");
    expect(seen.proposals).toHaveLength(1);
    expect(seen.proposals[0].permissions?.agreement.program.create).toBe(true);
    expect((await getContractDetails(await db(), issuer.viewer, c.publicId, "issuer")).proposals).toHaveLength(1);

    // A second proposal waits for the first.
    await expect(
      changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: true }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already waiting/),
    });

    const proposalId = seen.proposals[0].id;
    const accepted = await acceptProposal(await db(), colleague.viewer, { contractPublicId: c.publicId, proposalId });
    expect(accepted).toEqual({ contractPublicId: c.publicId, kind: "permissions", successorPublicId: null });
    expect((await resellerViewer(reseller)).permissions.agreement.program.create).toBe(true);
    const [p] = await proposalsOf(c.id);
    expect(p).toMatchObject({ status: "accepted", decidedByUserId: colleague.user.id, ip: "203.0.113.7", userAgent: "vitest" });
    expect(p.decidedAt).toBeInstanceOf(Date);
    expect(await eventsOf(c.id)).toEqual(expect.arrayContaining(["contract.permissions_proposed", "contract.permissions_accepted"]));
    expect(await mailsOf(c.id, "permissions_accepted")).toHaveLength(3);
    const history = (await listContractHistory(await db(), issuer.viewer, c.publicId, "issuer")).map(describeHistoryEntry);
    expect(history).toContain("Partner accepted the wider permissions: Program");
    expect(history).toContain("Wider permissions proposed: Program; they apply once the partner accepts");

    // Accepting again: already accepted.
    await expect(acceptProposal(await db(), reseller.viewer, { contractPublicId: c.publicId, proposalId })).rejects.toMatchObject({
      code: "stale",
      message: expect.stringMatching(/already accepted/),
    });
  });

  it("only a user of the owning reseller can accept; the issuer and other companies get 'not found'", async () => {
    const { c } = await active();
    await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: false });
    const [p] = await proposalsOf(c.id);
    const stranger = await makeAccount({ role: "reseller" });
    for (const who of [issuer, stranger]) {
      await expect(acceptProposal(await db(), who.viewer, { contractPublicId: c.publicId, proposalId: p.id })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    expect((await proposalsOf(c.id))[0].status).toBe("pending");
  });

  it("withdrawn: the partner can no longer accept it; narrowing also withdraws a waiting proposal", async () => {
    const { c, reseller } = await active({ program: true });
    await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: true });
    const [p] = await proposalsOf(c.id);
    await withdrawProposal(await db(), issuer.viewer, { publicId: c.publicId, kind: "permissions" });
    await expect(acceptProposal(await db(), reseller.viewer, { contractPublicId: c.publicId, proposalId: p.id })).rejects.toMatchObject({
      code: "stale",
      message: expect.stringMatching(/withdrawn/),
    });
    await expect(withdrawProposal(await db(), issuer.viewer, { publicId: c.publicId, kind: "permissions" })).rejects.toMatchObject({
      code: "stale",
    });
    expect(await mailsOf(c.id, "proposal_withdrawn")).toHaveLength(2);

    await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: true });
    await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: false, delegate: false });
    expect((await proposalsOf(c.id)).map((x) => x.status).sort()).toEqual(["withdrawn", "withdrawn"]);
    expect((await resellerViewer(reseller)).permissions.agreement.service.create).toBe(false);
  });

  it("expires after 30 days: refused lazily at acceptance, and closed by the scheduler with an event and mail", async () => {
    const { c, reseller } = await active();
    const at = new Date();
    await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: false }, at);
    const [p] = await proposalsOf(c.id);
    expect(p.expiresAt).toEqual(new Date(at.getTime() + 30 * DAY));
    const late = new Date(at.getTime() + 30 * DAY + 1);
    await expect(
      acceptProposal(await db(), reseller.viewer, { contractPublicId: c.publicId, proposalId: p.id }, late),
    ).rejects.toMatchObject({
      code: "expired",
    });
    expect(await expireProposals(await db(), new Date(at.getTime() + 29 * DAY))).toBe(0);
    await runScheduledJobs(await db(), late);
    expect((await proposalsOf(c.id))[0].status).toBe("expired");
    expect(await eventsOf(c.id)).toContain("contract.proposal_expired");
    expect(await mailsOf(c.id, "proposal_expired")).toHaveLength(2);
    expect((await rowOf(c.id)).permissions.agreement.program.create).toBe(false);
  });

  it("delegation holds: an issuer cannot propose what it does not hold, nor can its partner accept once the issuer lost it", async () => {
    // A delegated reseller holds service.create (not service.delegate): it may not propose Delegate.
    const r = await delegatedReseller({ programGrant: true });
    const sub = await r.issue();
    const { reseller: downstream } = await makeActiveContract(sub);
    await expect(
      changePermissions(await db(), r.reseller.viewer, { publicId: sub.publicId, program: false, delegate: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await proposalsOf(sub.id)).toEqual([]);
    // It holds Program through its own contract: it may propose it, but not once that contract ends.
    await changePermissions(await db(), r.reseller.viewer, { publicId: sub.publicId, program: true, delegate: false });
    const [p] = await proposalsOf(sub.id);
    await terminate(r.programGrant!.id);
    await expect(acceptProposal(await db(), downstream.viewer, { contractPublicId: sub.publicId, proposalId: p.id })).rejects.toMatchObject(
      {
        code: "forbidden",
      },
    );
    expect((await proposalsOf(sub.id))[0].status).toBe("pending");
    expect((await resellerViewer(downstream)).permissions.agreement.program.create).toBe(false);
  });
});

describe("Test → Production", () => {
  it("the issuer proposes; a reseller user accepts; a Production contract on the active version replaces the Test one", async () => {
    const { agreement, versions } = await makeAgreement(issuer, { versions: 2, active: 1 });
    const test = await makeContract(issuer, agreement.publicId, { kind: "test", program: true });
    const { reseller } = await makeActiveContract(test);
    // The agreement moved on to version 2 while the Test contract was on version 1.
    const d = await db();
    const { agreementVersions } = await import("@/db/schema");
    await d.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.id, versions[0].id));
    await d.update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, versions[1].id));

    await promoteContract(d, issuer.viewer, { publicId: test.publicId });
    await expect(promoteContract(d, issuer.viewer, { publicId: test.publicId })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already waiting/),
    });
    expect(await mailsOf(test.id, "promotion_proposed")).toEqual([issuer.user.email, reseller.user.email].sort());
    const before = { users: (await d.select().from(users)).length, accounts: (await d.select().from(accounts)).length };

    const [p] = await proposalsOf(test.id);
    const done = await acceptProposal(d, reseller.viewer, { contractPublicId: test.publicId, proposalId: p.id });
    expect(done.kind).toBe("promotion");
    const [prod] = await d.select().from(contracts).where(eq(contracts.publicId, done.successorPublicId!));
    expect(prod).toMatchObject({
      kind: "production",
      status: "active",
      ownerAccountId: reseller.account.id,
      signeeUserId: reseller.user.id,
      agreementVersionId: versions[1].id,
      promotedFromContractId: test.id,
      issuerAccountId: issuer.account.id,
      createdByUserId: issuer.user.id,
    });
    expect(prod.permissions.agreement.program.create).toBe(true);
    const [evidence] = await d.select().from(contractVersions).where(eq(contractVersions.contractId, prod.id));
    expect(evidence).toMatchObject({
      signedByUserId: reseller.user.id,
      sha256: versions[1].sha256,
      ip: "203.0.113.7",
      userAgent: "vitest",
    });
    // No new user, no new company.
    expect({ users: (await d.select().from(users)).length, accounts: (await d.select().from(accounts)).length }).toEqual(before);

    const ended = await rowOf(test.id);
    expect(ended.status).toBe("terminated");
    expect(ended.terminationReason).toBe(`Promoted to Production contract ${prod.publicId}`);
    expect((await proposalsOf(test.id))[0]).toMatchObject({ status: "accepted", successorContractId: prod.id });
    // Still holds Program, now through the Production contract.
    expect((await resellerViewer(reseller)).permissions.agreement.program.create).toBe(true);

    // Both Histories say so; details and the Contracts list show the chain.
    const words = async (publicId: string) => (await listContractHistory(d, issuer.viewer, publicId, "issuer")).map(describeHistoryEntry);
    expect(await words(test.publicId)).toContain(`Promoted to Production contract ${prod.publicId}; this Test contract ended`);
    expect(await words(prod.publicId)).toContain(`Created by promoting Test contract ${test.publicId}`);
    expect((await getContractDetails(d, issuer.viewer, test.publicId, "issuer")).promotedTo).toBe(prod.publicId);
    expect((await getContractDetails(d, reseller.viewer, prod.publicId, "owner")).promotedFrom).toBe(test.publicId);
    const list = (await listContracts(d, issuer.viewer, { q: agreement.publicId })).rows;
    expect(list.find((r) => r.publicId === test.publicId)?.promotedTo).toBe(prod.publicId);
    expect(list.find((r) => r.publicId === prod.publicId)?.promotedFrom).toBe(test.publicId);
    expect(await mailsOf(prod.id, "contract_promoted")).toEqual([issuer.user.email, reseller.user.email].sort());
  });

  it("refuses a Production contract, a contract that is not active, and can be withdrawn", async () => {
    const { c: prod } = await active();
    await expect(promoteContract(await db(), issuer.viewer, { publicId: prod.publicId })).rejects.toMatchObject({
      message: "Only a Test contract can be promoted to Production.",
    });
    const pending = await makeContract(issuer, agreementId, { kind: "test" });
    await expect(promoteContract(await db(), issuer.viewer, { publicId: pending.publicId })).rejects.toMatchObject({ code: "stale" });
    const { c: test, reseller } = await active({ kind: "test" });
    await promoteContract(await db(), issuer.viewer, { publicId: test.publicId });
    const [p] = await proposalsOf(test.id);
    await withdrawProposal(await db(), issuer.viewer, { publicId: test.publicId, kind: "promotion" });
    await expect(acceptProposal(await db(), reseller.viewer, { contractPublicId: test.publicId, proposalId: p.id })).rejects.toMatchObject({
      code: "stale",
    });
    expect((await rowOf(test.id)).status).toBe("active");
    // A new promotion can be proposed after a withdrawal.
    await promoteContract(await db(), issuer.viewer, { publicId: test.publicId });
    expect((await proposalsOf(test.id)).filter((x) => x.status === "pending")).toHaveLength(1);
  });

  it("a terminated Test contract's waiting promotion cannot be accepted", async () => {
    const { c: test, reseller } = await active({ kind: "test" });
    await promoteContract(await db(), issuer.viewer, { publicId: test.publicId });
    const [p] = await proposalsOf(test.id);
    await terminate(test.id);
    await expect(acceptProposal(await db(), reseller.viewer, { contractPublicId: test.publicId, proposalId: p.id })).rejects.toMatchObject({
      code: "stale",
      message: expect.stringMatching(/no longer active/),
    });
    expect((await d()).length).toBe(0);
    async function d() {
      return (await db()).select().from(contracts).where(eq(contracts.promotedFromContractId, test.id));
    }
    // Its 30 days later: closed quietly (the termination already told both sides).
    await runScheduledJobs(await db(), new Date(Date.now() + 31 * DAY));
    expect((await proposalsOf(test.id))[0].status).toBe("expired");
    expect(await mailsOf(test.id, "proposal_expired")).toEqual([]);
  });
});
