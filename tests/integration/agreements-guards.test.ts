import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementVersions, events } from "@/db/schema";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { deleteAgreementVersion } from "@/lib/agreements/delete-agreement-version";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "@/tests/support/factories";

type Owner = Awaited<ReturnType<typeof makeAccount>>;
const base = { type: "service" as const, name: "Terms", description: "Terms.", content: "# Terms" };

async function codeOf(p: Promise<unknown>): Promise<ErrorCode | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

async function messageOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "ok",
    (e: Error) => e.message,
  );
}

async function versionNumbers(agreementId: string) {
  const rows = await (
    await db()
  )
    .select({ n: agreementVersions.number })
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId));
  return rows.map((r) => r.n).sort();
}

describe("agreement guards", () => {
  let owner: Owner;
  let stranger: Owner;
  beforeAll(async () => {
    owner = await makeAccount();
    stranger = await makeAccount();
  });

  it("treats another distributor's agreement as not found for get, add, activate and delete, and changes nothing", async () => {
    const database = await db();
    const { agreement } = await makeAgreement(owner, { versions: 2, active: 1 });
    const ref = { agreementId: agreement.publicId, number: 2 };
    expect(await codeOf(getAgreement(database, stranger.viewer, { publicId: agreement.publicId }))).toBe("not_found");
    expect(await codeOf(addAgreementVersion(database, stranger.viewer, { agreementId: agreement.publicId, content: "mine now" }))).toBe(
      "not_found",
    );
    expect(await codeOf(activateAgreementVersion(database, stranger.viewer, ref))).toBe("not_found");
    expect(await codeOf(deleteAgreementVersion(database, stranger.viewer, ref))).toBe("not_found");
    expect((await listAgreements(database, stranger.viewer)).rows.map((r) => r.publicId)).not.toContain(agreement.publicId);
    const [row] = await database.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(row.updatedAt).toEqual(agreement.updatedAt);
    expect(await versionNumbers(agreement.id)).toEqual([1, 2]);
    const [v1] = await database
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreement.id))
      .orderBy(agreementVersions.number);
    expect(v1.active).toBe(true);
    expect(await database.select().from(events).where(eq(events.subjectId, agreement.id))).toEqual([]);
  });

  it("refuses a reseller without program.create or service.create on the server", async () => {
    const reseller = await makeAccount({ role: "reseller" });
    expect(reseller.viewer.permissions.agreement.service.create).toBe(false);
    const database = await db();
    for (const type of ["service", "program"] as const) {
      expect(await codeOf(createAgreement(database, reseller.viewer, { ...base, type }))).toBe("forbidden");
    }
    expect((await listAgreements(database, reseller.viewer)).rows).toEqual([]);
  });

  it("lets an account with only program.create create program agreements but not service ones", async () => {
    const programOnly = await makeAccount({
      role: "reseller",
      permissions: { agreement: { program: { create: true }, service: { create: false, delegate: false } } },
    });
    const database = await db();
    expect(await codeOf(createAgreement(database, programOnly.viewer, { ...base, type: "service" }))).toBe("forbidden");
    const created = await createAgreement(database, programOnly.viewer, { ...base, type: "program" });
    expect(created.publicId).toMatch(/^AGP-/);
  });

  it("refuses to delete the only version, the active version, and a version a contract is on", async () => {
    const database = await db();
    const only = await createAgreement(database, owner.viewer, base);
    expect(await messageOf(deleteAgreementVersion(database, owner.viewer, { agreementId: only.publicId, number: 1 }))).toBe(
      "Version 1 is the only version of this agreement and cannot be deleted.",
    );
    await addAgreementVersion(database, owner.viewer, { agreementId: only.publicId, content: "v2", activate: false });
    expect(await messageOf(deleteAgreementVersion(database, owner.viewer, { agreementId: only.publicId, number: 1 }))).toMatch(
      /is the active version/,
    );

    const { agreement } = await makeAgreement(owner, { versions: 1 });
    const contract = await makeContract(owner, agreement.publicId);
    await addAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, content: "v2", activate: true });
    expect(await messageOf(deleteAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 1 }))).toBe(
      "Version 1 cannot be deleted: 1 contract is or was on it.",
    );
    expect(await versionNumbers(agreement.id)).toEqual([1, 2]);
    expect(contract.versionNumber).toBe(1);
  });

  it("refuses to delete a version an active contract signed earlier (contract_versions)", async () => {
    const database = await db();
    const { agreement, versions } = await makeAgreement(owner, { versions: 2, active: 1 });
    const contract = await makeContract(owner, agreement.publicId);
    await makeActiveContract(contract);
    // The contract then moves to version 2 (as after signing it); version 1 stays in its history.
    await activateAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 2 });
    const { contracts } = await import("@/db/schema");
    await database.update(contracts).set({ agreementVersionId: versions[1].id }).where(eq(contracts.id, contract.id));
    expect(await codeOf(deleteAgreementVersion(database, owner.viewer, { agreementId: agreement.publicId, number: 1 }))).toBe("conflict");
    expect(await versionNumbers(agreement.id)).toEqual([1, 2]);
  });

  it("deletes an unused inactive version and records it", async () => {
    const database = await db();
    const created = await createAgreement(database, owner.viewer, base);
    await addAgreementVersion(database, owner.viewer, { agreementId: created.publicId, content: "draft", activate: false });
    expect(await deleteAgreementVersion(database, owner.viewer, { agreementId: created.publicId, number: 2 })).toEqual({ number: 2 });
    expect(await versionNumbers(created.id)).toEqual([1]);
    const evs = await database
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(eq(events.subjectId, created.id))
      .orderBy(events.id);
    expect(evs.at(-1)).toEqual({ type: "agreement.version_deleted", data: { version: 2 } });
    expect(await codeOf(deleteAgreementVersion(database, owner.viewer, { agreementId: created.publicId, number: 2 }))).toBe("not_found");
  });
});
