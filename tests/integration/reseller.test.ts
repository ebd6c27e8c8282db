import { beforeAll, describe, expect, it } from "vitest";
import { listOwnedContracts, permissionSources } from "@/lib/reseller/list-owned-contracts";
import { getVersionToSign } from "@/lib/reseller/get-version-to-sign";
import { db, makeAccount, makeAgreement, makeContract } from "@/tests/support/factories";
import { activateFor, distributorWithReseller, fresh, publishVersion, terminate } from "./reseller-support";

describe("reseller permissions come from active contracts, re-read on every request", () => {
  it("grants program.create with the contract, refuses service.create without it, withdraws on termination", async () => {
    const { distributor, contract, reseller } = await distributorWithReseller({ program: true });
    const before = reseller.viewer;
    const viewer = await fresh(reseller);
    expect(viewer.permissions.agreement.program.create).toBe(true);
    expect(viewer.permissions.agreement.service.create).toBe(false);
    // A contract it cannot create: no service.create.
    const own = await makeAgreement(reseller);
    await expect(makeContract({ viewer }, own.agreement.publicId)).rejects.toMatchObject({ code: "forbidden" });
    await terminate(distributor, contract.publicId);
    expect((await fresh(reseller)).permissions.agreement.program.create).toBe(false);
    expect(before.permissions.agreement.program.create).toBe(false);
  });

  it("with Delegate the reseller invites its own resellers, but may not delegate further", async () => {
    const { distributor, contract, reseller } = await distributorWithReseller({ delegate: true });
    const viewer = await fresh(reseller);
    const own = await makeAgreement(reseller);
    const invited = await makeContract({ viewer }, own.agreement.publicId);
    expect(invited.publicId).toMatch(/^CRS-/);
    await expect(makeContract({ viewer }, own.agreement.publicId, { delegate: true })).rejects.toMatchObject({ code: "forbidden" });
    await terminate(distributor, contract.publicId);
    await expect(makeContract({ viewer: await fresh(reseller) }, own.agreement.publicId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists each permission with the contract and distributor that granted it", async () => {
    const reseller = await makeAccount({ role: "reseller" });
    const a = await distributorWithReseller({ program: true }, reseller);
    const b = await distributorWithReseller({ program: true, delegate: true }, reseller);
    const viewer = await fresh(reseller);
    const sources = permissionSources(viewer, await listOwnedContracts(await db(), viewer));
    expect(sources.map((s) => s.label)).toEqual([
      "Create and manage program agreements",
      "Create service agreements and service contracts (invite your own resellers)",
    ]);
    expect(sources[0].contracts.map((c) => c.publicId).sort()).toEqual([a.contract.publicId, b.contract.publicId].sort());
    expect(sources[1].contracts).toEqual([{ publicId: b.contract.publicId, distributor: b.distributor.account.name }]);
  });
});

describe("listOwnedContracts", () => {
  let distributor: Awaited<ReturnType<typeof makeAccount>>;
  let first: Awaited<ReturnType<typeof distributorWithReseller>>;
  let otherReseller: Awaited<ReturnType<typeof makeAccount>>;
  let otherContractId: string;
  let pendingId: string;
  beforeAll(async () => {
    first = await distributorWithReseller();
    distributor = first.distributor;
    otherReseller = await makeAccount({ role: "reseller" });
    otherContractId = (await activateFor(await makeContract(distributor, first.agreement.publicId), otherReseller)).publicId;
    pendingId = (await makeContract(distributor, first.agreement.publicId)).publicId;
  });

  it("shows a reseller only its own contracts, from every distributor, never a sibling reseller's or a pending one", async () => {
    const second = await distributorWithReseller({}, first.reseller);
    const mine = await listOwnedContracts(await db(), await fresh(first.reseller));
    expect(mine.map((c) => c.publicId).sort()).toEqual([first.contract.publicId, second.contract.publicId].sort());
    expect(mine.map((c) => c.distributor.name).sort()).toEqual([distributor.account.name, second.distributor.account.name].sort());
    const theirs = await listOwnedContracts(await db(), await fresh(otherReseller));
    expect(theirs.map((c) => c.publicId)).toEqual([otherContractId]);
    expect(JSON.stringify(theirs)).not.toContain(pendingId);
    expect(await listOwnedContracts(await db(), await fresh(await makeAccount({ role: "reseller" })))).toEqual([]);
  });

  it("flags Updates available once the distributor activates a newer version, with both texts to compare", async () => {
    const viewer = await fresh(first.reseller);
    const row = async () => (await listOwnedContracts(await db(), viewer)).find((c) => c.publicId === first.contract.publicId)!;
    expect((await row()).updateVersion).toBeNull();
    expect(await getVersionToSign(await db(), viewer, first.contract.publicId)).toBeNull();
    await publishVersion(first.agreement.id, "# Terms\n\nVersion 2 <script>alert(1)</script>");
    expect(await row()).toMatchObject({ versionNumber: 1, updateVersion: 2 });
    const toSign = await getVersionToSign(await db(), viewer, first.contract.publicId);
    expect(toSign).toMatchObject({ current: { number: 1 }, next: { number: 2, content: expect.stringContaining("<script>") } });
    // Another reseller of the same distributor cannot read this contract's versions.
    expect(await getVersionToSign(await db(), await fresh(otherReseller), first.contract.publicId)).toBeNull();
  });
});
