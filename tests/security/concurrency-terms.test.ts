// Issue 21's races. On PostgreSQL these really run at once (pool raised below) and the compare-and-set
// decides the winner; PGlite serializes transactions, so there the same scenarios show the same outcomes.
process.env.DATABASE_POOL_SIZE = "20";

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contractProposals, contracts, events, outbox } from "@/db/schema";
import { expireEndedContracts, extendContract, sendEndNotices } from "@/lib/contracts/end-date";
import { acceptProposal, changePermissions, promoteContract, withdrawProposal } from "@/lib/contracts/proposals";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract, makeMember } from "@/tests/support/factories";
import { onPostgres } from "@/tests/support/setup-db";

const DAY = 86_400_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);

type Account = Awaited<ReturnType<typeof makeAccount>>;
let issuer: Account;
let agreementId: string;
beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const rowOf = async (id: string) => (await (await db()).select().from(contracts).where(eq(contracts.id, id)))[0];
const countEvents = async (id: string, type: string) =>
  (
    await (
      await db()
    )
      .select()
      .from(events)
      .where(and(eq(events.subjectId, id), eq(events.type, type)))
  ).length;
const countMails = async (id: string, kind: string) =>
  (
    await (
      await db()
    )
      .select()
      .from(outbox)
      .where(and(eq(outbox.contractId, id), eq(outbox.kind, kind)))
  ).length;
const proposalsOf = async (id: string) => (await db()).select().from(contractProposals).where(eq(contractProposals.contractId, id));

describe(`contract terms races (${onPostgres ? "PostgreSQL: real races" : "PGlite: serialized, same outcome"})`, () => {
  it("accept vs withdraw: exactly one wins, and the permissions match the winner", async () => {
    for (let i = 0; i < 6; i++) {
      const c = await makeContract(issuer, agreementId);
      const { reseller } = await makeActiveContract(c);
      await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: false });
      const [p] = await proposalsOf(c.id);
      const d = await db();
      const calls = [
        () => acceptProposal(d, reseller.viewer, { contractPublicId: c.publicId, proposalId: p.id }),
        () => withdrawProposal(d, issuer.viewer, { publicId: c.publicId, kind: "permissions" }),
      ];
      // Both orders of start across the rounds.
      const [accept, withdraw] = await Promise.allSettled(
        i % 2
          ? calls.map((f) => f())
          : calls
              .reverse()
              .map((f) => f())
              .reverse(),
      );
      expect([accept.status, withdraw.status].sort()).toEqual(["fulfilled", "rejected"]);
      const [after] = await proposalsOf(c.id);
      const program = (await rowOf(c.id)).permissions.agreement.program.create;
      if (accept.status === "fulfilled") {
        expect(after.status).toBe("accepted");
        expect(program).toBe(true);
        expect(withdraw).toMatchObject({ reason: { code: "stale" } });
      } else {
        expect(after.status).toBe("withdrawn");
        expect(program).toBe(false);
        expect(accept).toMatchObject({ reason: { code: "stale" } });
      }
      expect((await countEvents(c.id, "contract.permissions_accepted")) + (await countEvents(c.id, "contract.proposal_withdrawn"))).toBe(1);
    }
  });

  it("expire vs extend at the last moment: either the contract expired (and Extend says so) or it was extended (and stays active)", async () => {
    for (let i = 0; i < 6; i++) {
      const day = dayIn(3);
      const c = await makeContract(issuer, agreementId, { endsOn: day });
      await makeActiveContract(c);
      const d = await db();
      // Just before the end for Extend (still allowed), just after it for the scheduler.
      const before = new Date(endOf(day).getTime() - 1);
      const after = new Date(endOf(day).getTime() + 1);
      const [extend, expire] = await Promise.allSettled([
        extendContract(d, issuer.viewer, { publicId: c.publicId, endsOn: dayIn(30) }, before),
        expireEndedContracts(d, after),
      ]);
      expect(expire.status).toBe("fulfilled");
      const row = await rowOf(c.id);
      if (extend.status === "fulfilled") {
        expect(row.status).toBe("active");
        expect(row.endsAt).toEqual(endOf(dayIn(30)));
        expect(await countEvents(c.id, "contract.expired")).toBe(0);
      } else {
        expect(row.status).toBe("expired");
        expect(row.endsAt).toEqual(endOf(day));
        expect(extend).toMatchObject({ reason: { code: "stale" } });
        expect(await countEvents(c.id, "contract.expired")).toBe(1);
        expect(await countEvents(c.id, "contract.extended")).toBe(0);
      }
    }
  });

  it("two scheduler runs at once expire a contract once, and send each notice once", async () => {
    const day = dayIn(2);
    const c = await makeContract(issuer, agreementId, { endsOn: day });
    await makeActiveContract(c);
    const d = await db();
    const soon = new Date(endOf(day).getTime() - DAY / 2);
    await Promise.all(Array.from({ length: 4 }, () => sendEndNotices(d, soon)));
    expect(await countMails(c.id, "contract_end_notice")).toBe(2);
    const late = new Date(endOf(day).getTime() + 1);
    const done = await Promise.all(Array.from({ length: 4 }, () => expireEndedContracts(d, late)));
    expect(done.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await countEvents(c.id, "contract.expired")).toBe(1);
    expect(await countMails(c.id, "contract_expired")).toBe(2);
  });

  it("promote twice at once: one proposal; two reseller users accepting at once: one Production contract", async () => {
    const c = await makeContract(issuer, agreementId, { kind: "test" });
    const { reseller } = await makeActiveContract(c);
    const colleague = await makeMember(reseller, "member");
    const d = await db();
    const promotions = await Promise.allSettled([
      promoteContract(d, issuer.viewer, { publicId: c.publicId }),
      promoteContract(d, issuer.viewer, { publicId: c.publicId }),
    ]);
    expect(promotions.map((p) => p.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(promotions.find((p) => p.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const list = await proposalsOf(c.id);
    expect(list).toHaveLength(1);
    const accepts = await Promise.allSettled(
      [reseller, colleague].map((who) => acceptProposal(d, who.viewer, { contractPublicId: c.publicId, proposalId: list[0].id })),
    );
    expect(accepts.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(accepts.find((a) => a.status === "rejected")).toMatchObject({ reason: { code: "stale" } });
    expect(await d.select().from(contracts).where(eq(contracts.promotedFromContractId, c.id))).toHaveLength(1);
    expect((await rowOf(c.id)).status).toBe("terminated");
    expect(await countEvents(c.id, "contract.promoted")).toBe(1);
  });

  it("narrowing racing an acceptance: the result is one or the other, never wider than both agreed", async () => {
    for (let i = 0; i < 4; i++) {
      const c = await makeContract(issuer, agreementId, { delegate: true });
      const { reseller } = await makeActiveContract(c);
      await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: true });
      const [p] = await proposalsOf(c.id);
      const d = await db();
      const [accept, narrow] = await Promise.allSettled([
        acceptProposal(d, reseller.viewer, { contractPublicId: c.publicId, proposalId: p.id }),
        changePermissions(d, issuer.viewer, { publicId: c.publicId, program: false, delegate: false }),
      ]);
      expect(narrow.status).toBe("fulfilled");
      const perms = (await rowOf(c.id)).permissions.agreement;
      // The narrowing always lands (after an acceptance, or withdrawing the proposal before it).
      expect([perms.program.create, perms.service.create]).toEqual([false, false]);
      if (accept.status === "rejected") expect(accept).toMatchObject({ reason: { code: "stale" } });
    }
  });
});
