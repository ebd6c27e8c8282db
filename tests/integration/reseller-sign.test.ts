import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contracts, contractVersions, events } from "@/db/schema";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { db, makeAccount } from "@/tests/support/factories";
import { distributorWithReseller, fresh, publishVersion, terminate } from "./reseller-support";

async function withNewVersion() {
  const setup = await distributorWithReseller();
  const v2 = await publishVersion(setup.agreement.id, "# Terms\n\nVersion 2: payment within 30 days.");
  const input = { contractPublicId: setup.contract.publicId, agreementVersionId: v2.id, fromVersionId: setup.versions[0].id };
  return { ...setup, v2, input };
}

async function evidenceOf(contractId: string) {
  return (await db()).select().from(contractVersions).where(eq(contractVersions.contractId, contractId));
}

describe("signContractVersion", () => {
  it("moves the contract to the new version with evidence (hash, time, IP, user agent) and an event", async () => {
    const { contract, reseller, v2, input } = await withNewVersion();
    const signed = await signContractVersion(await db(), await fresh(reseller), input);
    expect(signed).toMatchObject({ versionNumber: 2, sha256: v2.sha256 });
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.id, contract.id));
    expect(row.agreementVersionId).toBe(v2.id);
    const rows = await evidenceOf(contract.id);
    expect(rows.map((r) => r.agreementVersionId).sort()).toEqual([contract.agreementVersionId, v2.id].sort());
    expect(rows.find((r) => r.agreementVersionId === v2.id)).toMatchObject({
      sha256: v2.sha256,
      ip: "203.0.113.7",
      userAgent: "vitest",
      signedByUserId: reseller.user.id,
    });
    const evs = await (await db()).select().from(events).where(eq(events.subjectId, contract.id));
    expect(evs.filter((e) => e.type === "contract.version_signed")).toHaveLength(1);
    expect(evs.find((e) => e.type === "contract.version_signed")?.data).toMatchObject({ version: 2, previousVersion: 1 });
  });

  it("signs once when two signings race; the other is told it is already signed", async () => {
    const { contract, reseller, input } = await withNewVersion();
    const viewer = await fresh(reseller);
    const results = await Promise.allSettled([
      signContractVersion(await db(), viewer, input),
      signContractVersion(await db(), viewer, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/already signed/) });
    expect(await evidenceOf(contract.id)).toHaveLength(2);
    const evs = await (await db()).select().from(events).where(eq(events.subjectId, contract.id));
    expect(evs.filter((e) => e.type === "contract.version_signed")).toHaveLength(1);
  });

  it("refuses another reseller of the same distributor as not found, and changes nothing", async () => {
    const { contract, input } = await withNewVersion();
    const stranger = await makeAccount({ role: "reseller" });
    await expect(signContractVersion(await db(), stranger.viewer, input)).rejects.toMatchObject({ code: "not_found" });
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.id, contract.id));
    expect(row.agreementVersionId).toBe(contract.agreementVersionId);
  });

  it("refuses the distributor itself: signing is the owner's act", async () => {
    const { distributor, input } = await withNewVersion();
    await expect(signContractVersion(await db(), distributor.viewer, input)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a version that is no longer active (a third one was published meanwhile) as stale", async () => {
    const { agreement, reseller, input } = await withNewVersion();
    await publishVersion(agreement.id, "Version 3");
    await expect(signContractVersion(await db(), await fresh(reseller), input)).rejects.toMatchObject({ code: "stale" });
  });

  it("refuses the version it is already on, a version of another agreement, and a malformed id", async () => {
    const { reseller, versions, input } = await withNewVersion();
    const other = await withNewVersion();
    const viewer = await fresh(reseller);
    await expect(signContractVersion(await db(), viewer, { ...input, agreementVersionId: versions[0].id })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(signContractVersion(await db(), viewer, { ...input, agreementVersionId: other.v2.id })).rejects.toMatchObject({
      code: "stale",
    });
    await expect(
      signContractVersion(await db(), viewer, { ...input, agreementVersionId: "1; drop table contracts" }),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("refuses a terminated contract", async () => {
    const { distributor, contract, reseller, input } = await withNewVersion();
    await terminate(distributor, contract.publicId);
    await expect(signContractVersion(await db(), await fresh(reseller), input)).rejects.toMatchObject({
      code: "stale",
      message: expect.stringMatching(/no longer active/),
    });
  });
});
