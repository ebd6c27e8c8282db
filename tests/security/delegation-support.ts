import { eq } from "drizzle-orm";
import { contracts } from "@/db/schema";
import {
  activateFor,
  db,
  makeAccount,
  makeActiveContract,
  makeAgreement,
  makeContract,
  tokenOf,
  viewerFor,
} from "@/tests/support/factories";

let seq = 0;

/**
 * A reseller that holds service.create only through a contract its distributor issued with Delegate
 * (optionally a second contract granting Program), with a service agreement of its own to invite on.
 */
export async function delegatedReseller(opts: { programGrant?: boolean } = {}) {
  const n = ++seq;
  const distributor = await makeAccount({ name: `Upstream ${n} Distribution Inc.` });
  const upstream = (await makeAgreement(distributor)).agreement.publicId;
  const delegation = await makeContract(distributor, upstream, { delegate: true });
  const { reseller } = await makeActiveContract(delegation, { name: `Downstream ${n} Resale LLC` });
  const programGrant = opts.programGrant ? await makeContract(distributor, upstream, { program: true }) : undefined;
  if (programGrant) await activateFor(programGrant, reseller);
  const viewer = (await viewerFor(reseller.user.id, reseller.account.publicId))!;
  const agreement = (await makeAgreement(reseller)).agreement.publicId;
  const issue = async (overrides: Parameters<typeof makeContract>[2] = {}) => {
    const created = await makeContract({ viewer }, agreement, overrides);
    return { ...created, token: tokenOf(created.activationLink) };
  };
  return { distributor, delegation, programGrant, reseller: { ...reseller, viewer }, agreement, issue };
}

/** What a termination does to a contract row (terminateContract, without the distributor's screen). */
export async function terminate(contractId: string): Promise<void> {
  await (
    await db()
  )
    .update(contracts)
    .set({ status: "terminated", terminatedAt: new Date(), terminationReason: "Ended" })
    .where(eq(contracts.id, contractId));
}
