import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import ResellerContractPage from "@/app/(portal)/reseller/contracts/[publicId]/page";
import { signVersionAction } from "@/app/(portal)/reseller/actions";
import { contracts, contractVersions } from "@/db/schema";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { mayOpenPartnersPath, partnersTabs } from "@/lib/reseller/partners-access";
import { requirePartnersViewer } from "@/lib/session";
import { actAs, db, makeAccount, makeContract } from "@/tests/support/factories";
import { NotFoundSignal, RedirectSignal } from "@/tests/support/next";
import { distributorWithReseller, fresh, publishVersion, terminate } from "./reseller-support";

const openPage = (publicId: string, tab = "general") =>
  ResellerContractPage({ params: Promise.resolve({ publicId }), searchParams: Promise.resolve({ tab }) });

function signForm(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("Partners tabs follow delegated permissions, on screen and on direct requests", () => {
  it("opens Agreements alone with program.create, everything with service.create, nothing without", () => {
    const p = (program: boolean, service: boolean) => ({
      permissions: { agreement: { program: { create: program }, service: { create: service, delegate: false } } },
    });
    expect(partnersTabs(p(true, false))).toEqual(["agreements"]);
    expect(partnersTabs(p(false, true))).toEqual(["agreements", "contracts", "directory"]);
    expect(partnersTabs(p(false, false))).toEqual([]);
    expect(mayOpenPartnersPath(p(true, false), "/partners/agreements/new")).toBe(true);
    expect(mayOpenPartnersPath(p(true, false), "/partners/contracts/new")).toBe(false);
    expect(mayOpenPartnersPath(p(true, false), "/partners/directory")).toBe(false);
  });

  it("refuses a program-only reseller's direct request for the wizard, and Agreements once the contract is terminated", async () => {
    const { distributor, contract, reseller } = await distributorWithReseller({ program: true });
    actAs(reseller);
    await expect(requirePartnersViewer("/partners/agreements")).resolves.toMatchObject({ accountId: reseller.account.id });
    await expect(requirePartnersViewer("/partners/contracts/new")).rejects.toBeInstanceOf(RedirectSignal);
    await terminate(distributor, contract.publicId);
    actAs(reseller);
    await expect(requirePartnersViewer("/partners/agreements")).rejects.toMatchObject({ url: "/" });
  });
});

describe("the reseller's contract view", () => {
  it("shows the owner its contract without the internal note or the activation link", async () => {
    const { contract, reseller } = await distributorWithReseller({ program: true });
    const details = await getContractDetails(await db(), await fresh(reseller), contract.publicId, "owner");
    expect(details).toMatchObject({
      status: "active",
      internalNote: null,
      activationLink: null,
      owner: { publicId: reseller.account.publicId },
    });
    actAs(reseller);
    await expect(openPage(contract.publicId)).resolves.toBeTruthy();
  });

  it("is not found for a sibling reseller of the same distributor and for the distributor's pending contracts", async () => {
    const first = await distributorWithReseller();
    const sibling = await distributorWithReseller();
    const pending = await makeContract(first.distributor, first.agreement.publicId, { internalNote: "secret margin" });
    actAs(sibling.reseller);
    await expect(openPage(first.contract.publicId)).rejects.toBeInstanceOf(NotFoundSignal);
    actAs(first.reseller);
    await expect(openPage(pending.publicId, "versions")).rejects.toBeInstanceOf(NotFoundSignal);
    await expect(openPage(sibling.contract.publicId, "history")).rejects.toBeInstanceOf(NotFoundSignal);
  });
});

describe("signVersionAction", () => {
  async function ready() {
    const setup = await distributorWithReseller();
    const v2 = await publishVersion(setup.agreement.id, "Version 2 of the terms.");
    const fields = {
      contractPublicId: setup.contract.publicId,
      agreementVersionId: v2.id,
      fromVersionId: setup.versions[0].id,
      accepted: "on",
    };
    const versionOf = async () =>
      (await (await db()).select().from(contracts).where(eq(contracts.id, setup.contract.id)))[0].agreementVersionId;
    return { ...setup, v2, fields, versionOf };
  }

  it("refuses without a session and writes nothing", async () => {
    const { fields, contract, versionOf } = await ready();
    actAs(null);
    expect(await signVersionAction({}, signForm(fields))).toMatchObject({ error: expect.stringMatching(/sign in/i) });
    expect(await versionOf()).toBe(contract.agreementVersionId);
  });

  it("asks for the acceptance box, refuses another reseller as not found, then signs and lands on Versions", async () => {
    const { fields, contract, reseller, v2, versionOf } = await ready();
    actAs(reseller);
    expect(await signVersionAction({}, signForm({ ...fields, accepted: "" }))).toMatchObject({
      fieldErrors: { accepted: expect.any(String) },
    });
    actAs(await makeAccount({ role: "reseller" }));
    expect(await signVersionAction({}, signForm(fields))).toMatchObject({
      error: expect.stringMatching(/does not exist, or it is not yours/),
    });
    expect(await versionOf()).toBe(contract.agreementVersionId);
    actAs(reseller);
    await expect(signVersionAction({}, signForm(fields))).rejects.toMatchObject({
      url: `/reseller/contracts/${contract.publicId}?tab=versions&signed=2`,
    });
    expect(await versionOf()).toBe(v2.id);
    expect(await (await db()).select().from(contractVersions).where(eq(contractVersions.contractId, contract.id))).toHaveLength(2);
    expect(await signVersionAction({}, signForm(fields))).toMatchObject({ error: expect.stringMatching(/already signed/) });
  });
});
