import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import AgreementPage from "@/app/(portal)/partners/agreements/[publicId]/page";
import { agreementVersions, contracts, contractVersions, events, outbox } from "@/db/schema";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { deleteAgreementVersion } from "@/lib/agreements/delete-agreement-version";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { isAppError } from "@/lib/errors";
import { actAs, activateFor, db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "@/tests/support/factories";

type Owner = Awaited<ReturnType<typeof makeAccount>>;

let owner: Owner;
beforeAll(async () => {
  owner = await makeAccount();
});

const newVersionMail = async (agreementId: string) =>
  (
    await (
      await db()
    )
      .select({ to: outbox.to })
      .from(outbox)
      .innerJoin(contracts, eq(contracts.id, outbox.contractId))
      .where(and(eq(contracts.agreementId, agreementId), eq(outbox.kind, "new_version")))
  ).map((m) => m.to);

describe("agreement versions are drafts until published", () => {
  it("Add version saves a draft: nothing becomes active, nobody is emailed", async () => {
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    await makeActiveContract(await makeContract(owner, agreement.publicId));
    expect(await addAgreementVersion(await db(), owner.viewer, { agreementId: agreement.publicId, content: "# v2" })).toEqual({
      number: 2,
      active: false,
    });
    const detail = await getAgreement(await db(), owner.viewer, { publicId: agreement.publicId });
    expect(detail.activeVersion).toBe(1);
    expect(detail.versions.map((v) => [v.number, v.active, v.draft])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    expect(detail.contractsWithUpdates).toBe(0);
    expect(await newVersionMail(agreement.id)).toEqual([]);
  });

  it("Publish tells beforehand how many contracts will be asked to sign and how many signees emailed, and does exactly that", async () => {
    const database = await db();
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    const one = await makeActiveContract(await makeContract(owner, agreement.publicId), { email: "one@drafts.test" });
    // The same signee on a second contract: two contracts to sign, still one person.
    await activateFor(await makeContract(owner, agreement.publicId), one.reseller);
    await makeActiveContract(await makeContract(owner, agreement.publicId), { email: "two@drafts.test" });
    await makeContract(owner, agreement.publicId); // pending: signs whatever is active when it activates
    const ended = await makeActiveContract(await makeContract(owner, agreement.publicId));
    await database.update(contracts).set({ status: "terminated" }).where(eq(contracts.id, ended.contract.id));
    await addAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, content: "# v2" });

    // The confirmation's counts, read with the versions (the active version has none: it cannot be published).
    const before = (await getAgreement(database, owner.viewer, { publicId: agreement.publicId })).versions;
    expect(before.map((v) => v.publish)).toEqual([null, { contracts: 3, signees: 2 }]);
    const preview = before[1].publish!;
    const published = await activateAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 2 });
    expect(published.contractsWithUpdates).toBe(preview.contracts);
    expect((await newVersionMail(agreement.id)).sort()).toEqual(["one@drafts.test", "one@drafts.test", "two@drafts.test"]);
    const detail = await getAgreement(database, owner.viewer, { publicId: agreement.publicId });
    expect(detail.versions.map((v) => [v.number, v.active, v.draft])).toEqual([
      [1, false, false],
      [2, true, false],
    ]);
    // Once published, a version is no longer a draft even when another one replaces it.
    await activateAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 1 });
    expect((await getAgreement(database, owner.viewer, { publicId: agreement.publicId })).versions.map((v) => v.draft)).toEqual([
      false,
      false,
    ]);
  });

  it("the page marks the draft and offers Publish on it, not on the active version", async () => {
    const database = await db();
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    await makeActiveContract(await makeContract(owner, agreement.publicId));
    await addAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, content: "# v2" });
    actAs(owner);
    const html = renderToStaticMarkup(
      await AgreementPage({ params: Promise.resolve({ publicId: agreement.publicId }), searchParams: Promise.resolve({}) }),
    );
    expect(html).toMatch(/data-testid="version-2"[\s\S]*?>Draft</);
    expect(html).toContain('aria-label="Publish version 2"');
    expect(html).not.toContain('aria-label="Publish version 1"');
  });
});

describe("the versions table and Delete agree", () => {
  it("counts contracts that are or were on a version, the number the delete refusal gives", async () => {
    const database = await db();
    const { agreement, versions } = await makeAgreement(owner, { versions: 2, active: 1 });
    await makeActiveContract(await makeContract(owner, agreement.publicId));
    // A second contract signed version 1, then version 2: it is on 2 now, and was on 1.
    const moved = await makeActiveContract(await makeContract(owner, agreement.publicId));
    await database.update(contracts).set({ agreementVersionId: versions[1].id }).where(eq(contracts.id, moved.contract.id));
    await database.insert(contractVersions).values({
      contractId: moved.contract.id,
      agreementVersionId: versions[1].id,
      signedByUserId: moved.reseller.user.id,
      sha256: versions[1].sha256,
    });
    await database.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.id, versions[0].id));
    await database.update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, versions[1].id));

    const table = (await getAgreement(database, owner.viewer, { publicId: agreement.publicId })).versions;
    expect(table.map((v) => [v.number, v.contracts])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    const refused = await deleteAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 1 }).catch((e) => e);
    expect(isAppError(refused, "conflict")).toBe(true);
    expect(refused.message).toBe("Version 1 cannot be deleted: 2 contracts are or were on it.");
    // The table's disabled Delete says the same words, for each version that cannot go.
    expect(table.map((v) => v.deleteRefusal)).toEqual([
      refused.message,
      "Version 2 is the active version. Publish another version before deleting it.",
    ]);
  });

  it("offers Delete only on a version that may be deleted", async () => {
    const database = await db();
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    const only = (await getAgreement(database, owner.viewer, { publicId: agreement.publicId })).versions;
    expect(only[0].deleteRefusal).toBe("Version 1 is the only version of this agreement and cannot be deleted.");
    await addAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, content: "# unused draft" });
    const [, draft] = (await getAgreement(database, owner.viewer, { publicId: agreement.publicId })).versions;
    expect(draft).toMatchObject({ number: 2, draft: true, contracts: 0, deleteRefusal: null });
    await deleteAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 2 });
    const deleted = await database.select({ type: events.type }).from(events).where(eq(events.subjectId, agreement.id));
    expect(deleted.map((e) => e.type)).toContain("agreement.version_deleted");
  });
});
