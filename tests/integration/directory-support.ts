import { eq, sql } from "drizzle-orm";
import { contracts } from "@/db/schema";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "@/tests/support/factories";

type Account = Awaited<ReturnType<typeof makeAccount>>;

/** TEST SETUP ONLY: a second pending contract activated for an existing reseller account. */
export async function activateFor(contract: { id: string }, reseller: Account) {
  await (
    await db()
  )
    .update(contracts)
    .set({ status: "active", ownerAccountId: reseller.account.id, signeeUserId: reseller.user.id, activatedAt: sql`now()` })
    .where(eq(contracts.id, contract.id));
}

/**
 * One distributor with every kind of partner: an active reseller with two contracts, a terminated
 * one, and three pending invitations (named by company, by email only, and neither).
 */
export async function distributorWithPartners(name = "Directory Distribution Inc.") {
  const distributor = await makeAccount({ name });
  const agreement = (await makeAgreement(distributor, { name: "Reseller Terms" })).agreement.publicId;
  const first = await makeContract(distributor, agreement, { program: true });
  const { reseller: active } = await makeActiveContract(first, {
    name: "Bravo Reseller Inc.",
    email: `bravo-${Math.random().toString(36).slice(2, 8)}@example.test`,
  });
  const second = await makeContract(distributor, agreement);
  await activateFor(second, active);
  const third = await makeContract(distributor, agreement);
  const { reseller: terminated } = await makeActiveContract(third, { name: "Charlie Terminated GmbH" });
  await terminateContract(await db(), distributor.viewer, { publicId: third.publicId, reason: "Stopped trading" });
  const invited = await createInvitation(distributor, agreement, {
    invitedCompanyName: "Acme Widgets LLC",
    signeeEmail: "buyer@acme.test",
  });
  const emailOnly = await makeContract(distributor, agreement, { signeeEmail: "solo@delta.test" });
  const unnamed = await makeContract(distributor, agreement);
  return { distributor, agreement, active, terminated, contracts: { first, second, third, invited, emailOnly, unnamed } };
}

export async function createInvitation(issuer: Account, agreementId: string, extra: { invitedCompanyName: string; signeeEmail: string }) {
  const { createContract } = await import("@/lib/contracts/create-contract");
  const { defaultExpiryDate } = await import("@/lib/contracts/schemas");
  return createContract(await db(), issuer.viewer, {
    agreementId,
    kind: "production",
    noteToSignee: "Welcome aboard.",
    linkExpiresOn: defaultExpiryDate(),
    program: false,
    delegate: false,
    ...extra,
  });
}

/** What Create Partner may write for an account: its agreements, the contracts it issued, their mail and events. */
export async function countWrites(accountId: string) {
  const { agreements, events, outbox } = await import("@/db/schema");
  const d = await db();
  const count = async (q: Promise<unknown[]>) => (await q).length;
  return {
    agreements: await count(d.select({ id: agreements.id }).from(agreements).where(eq(agreements.ownerAccountId, accountId))),
    contracts: await count(d.select({ id: contracts.id }).from(contracts).where(eq(contracts.issuerAccountId, accountId))),
    outbox: await count(d.select({ id: outbox.id }).from(outbox).where(eq(outbox.accountId, accountId))),
    events: await count(d.select({ id: events.id }).from(events).where(eq(events.accountId, accountId))),
  };
}
