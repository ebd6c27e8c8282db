import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { listOwnedContracts } from "@/lib/reseller/list-owned-contracts";
import { getVersionToSign } from "@/lib/reseller/get-version-to-sign";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { db } from "@/tests/support/factories";
import { distributorWithReseller, fresh, terminate } from "./reseller-support";

const program = {
  type: "program" as const,
  name: "Reseller Cloud Program",
  description: "How our sub-resellers sell.",
  content: "# Program\n\nTerms.",
};

describe("delegated agreement permissions, from the reseller's side", () => {
  it("with Program the reseller creates and versions program agreements (AGP-…), but no service agreement", async () => {
    const { reseller } = await distributorWithReseller({ program: true });
    const viewer = await fresh(reseller);
    const created = await createAgreement(await db(), viewer, program);
    expect(created.publicId).toMatch(/^AGP-\d{3}-\d{3}-\d{3}$/);
    // A new version is a draft until its owner publishes it.
    expect(
      await addAgreementVersion(await db(), viewer, { agreementId: created.publicId, content: "# Program\n\nTerms v2." }),
    ).toMatchObject({ number: 2, active: false });
    await activateAgreementVersion(await db(), viewer, { agreementId: created.publicId, number: 2 });
    await expect(createAgreement(await db(), viewer, { ...program, type: "service" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("without Program, and after the granting contract is terminated, creating a program agreement is refused", async () => {
    const plain = await distributorWithReseller();
    await expect(createAgreement(await db(), await fresh(plain.reseller), program)).rejects.toMatchObject({ code: "forbidden" });
    const granted = await distributorWithReseller({ program: true });
    await terminate(granted.distributor, granted.contract.publicId);
    await expect(createAgreement(await db(), await fresh(granted.reseller), program)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("with Delegate the reseller creates its own service agreement", async () => {
    const { reseller } = await distributorWithReseller({ delegate: true });
    const created = await createAgreement(await db(), await fresh(reseller), { ...program, type: "service", name: "Sub-reseller terms" });
    expect(created.publicId).toMatch(/^AGS-/);
  });
});

describe("a version the distributor publishes reaches the reseller", () => {
  it("is emailed to the signee, shows as Updates available, and the reseller signs it", async () => {
    const { distributor, agreement, contract, reseller } = await distributorWithReseller();
    await addAgreementVersion(await db(), distributor.viewer, {
      agreementId: agreement.publicId,
      content: "# Terms\n\nVersion 2 of the terms.",
    });
    // Saved as a draft: nobody hears of it until it is published.
    expect(await (await db()).select().from(outbox).where(eq(outbox.contractId, contract.id))).toEqual([]);
    await activateAgreementVersion(await db(), distributor.viewer, { agreementId: agreement.publicId, number: 2 });
    const mail = await (await db()).select().from(outbox).where(eq(outbox.contractId, contract.id));
    expect(mail.map((m) => m.to)).toContain(reseller.user.email);
    const viewer = await fresh(reseller);
    const [row] = await listOwnedContracts(await db(), viewer);
    expect(row).toMatchObject({ publicId: contract.publicId, versionNumber: 1, updateVersion: 2 });
    const toSign = (await getVersionToSign(await db(), viewer, contract.publicId))!;
    await signContractVersion(await db(), viewer, {
      contractPublicId: contract.publicId,
      agreementVersionId: toSign.next.id,
      fromVersionId: toSign.current.id,
    });
    expect((await listOwnedContracts(await db(), viewer))[0]).toMatchObject({ versionNumber: 2, updateVersion: null });
  });
});
