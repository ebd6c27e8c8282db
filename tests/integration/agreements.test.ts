import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementVersions, events, outbox } from "@/db/schema";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { isAppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import { sha256Hex } from "@/lib/security/tokens";
import { db, makeAccount, makeActiveContract, makeContract } from "@/tests/support/factories";

type Owner = Awaited<ReturnType<typeof makeAccount>>;
const base = {
  type: "service" as const,
  name: "Reseller Terms",
  description: "**Terms** for resellers.",
  content: "# Terms\n\n1. Be nice.",
};

async function versionsOf(publicId: string) {
  const database = await db();
  const [a] = await database.select().from(agreements).where(eq(agreements.publicId, publicId));
  return database.select().from(agreementVersions).where(eq(agreementVersions.agreementId, a.id)).orderBy(agreementVersions.number);
}

describe("agreements", () => {
  let owner: Owner;
  beforeAll(async () => {
    owner = await makeAccount();
  });

  it("creates a service agreement with an active version 1, its hash and an event", async () => {
    const created = await createAgreement(await db(), owner.viewer, { ...base, name: "  Reseller Terms  " });
    expect(created.publicId).toMatch(/^AGS-\d{3}-\d{3}-\d{3}$/);
    expect(created.name).toBe("Reseller Terms");
    const [v1] = await versionsOf(created.publicId);
    expect(v1).toMatchObject({ number: 1, active: true, contentKind: "markdown", authorUserId: owner.user.id });
    expect(v1.sha256).toBe(sha256Hex(base.content));
    const evs = await (await db()).select().from(events).where(eq(events.subjectId, created.id));
    expect(evs.map((e) => [e.type, e.userId, e.accountId])).toEqual([["agreement.created", owner.user.id, owner.account.id]]);
  });

  it("creates a program agreement with an inactive version 1 given as an https link", async () => {
    const created = await createAgreement(await db(), owner.viewer, {
      ...base,
      type: "program",
      content: "https://example.com/terms.pdf",
      activate: false,
    });
    expect(created.publicId).toMatch(/^AGP-/);
    expect(created.publicId).toMatch(publicIdPattern.agreement);
    const [v1] = await versionsOf(created.publicId);
    expect(v1).toMatchObject({ active: false, contentKind: "link", content: "https://example.com/terms.pdf" });
  });

  it("refuses invalid input with a message per field and saves nothing", async () => {
    const database = await db();
    const before = (await listAgreements(database, owner.viewer, { limit: 100 })).rows.length;
    const err = await createAgreement(database, owner.viewer, {
      type: "service",
      name: "x".repeat(101),
      description: " ",
      content: "",
    }).catch((e) => e);
    expect(isAppError(err, "invalid")).toBe(true);
    expect(err.fieldErrors).toEqual({
      name: "The name can be at most 100 characters.",
      description: "Enter a description.",
      content: "Enter the agreement text or an https link to it.",
    });
    expect((await listAgreements(database, owner.viewer, { limit: 100 })).rows.length).toBe(before);
  });

  it("adds version 2 inactive, then activates it: exactly one active version, events written", async () => {
    const database = await db();
    const { publicId, id } = await createAgreement(database, owner.viewer, base);
    expect(await addAgreementVersion(database, owner.viewer, { agreementId: publicId, content: "# Terms v2", activate: false })).toEqual({
      number: 2,
      active: false,
    });
    expect((await versionsOf(publicId)).map((v) => [v.number, v.active])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await activateAgreementVersion(database, owner.viewer, { agreementId: publicId, number: 2 })).toEqual({
      number: 2,
      previous: 1,
      contractsWithUpdates: 0,
    });
    expect((await versionsOf(publicId)).map((v) => [v.number, v.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    // An inactive version can be activated again; an active one cannot be activated twice.
    await activateAgreementVersion(database, owner.viewer, { agreementId: publicId, number: 1 });
    expect((await versionsOf(publicId)).filter((v) => v.active).map((v) => v.number)).toEqual([1]);
    const again = await activateAgreementVersion(database, owner.viewer, { agreementId: publicId, number: 1 }).catch((e) => e);
    expect(isAppError(again, "conflict")).toBe(true);
    const evs = await database.select({ type: events.type }).from(events).where(eq(events.subjectId, id)).orderBy(events.id);
    expect(evs.map((e) => e.type)).toEqual([
      "agreement.created",
      "agreement.version_added",
      "agreement.version_activated",
      "agreement.version_activated",
    ]);
  });

  it("adds and activates in one step", async () => {
    const database = await db();
    const { publicId } = await createAgreement(database, owner.viewer, base);
    await addAgreementVersion(database, owner.viewer, { agreementId: publicId, content: "v2", activate: true });
    const detail = await getAgreement(database, owner.viewer, { publicId });
    expect(detail.activeVersion).toBe(2);
    expect(detail.shown).toMatchObject({ number: 2, content: "v2", active: true });
    expect(detail.versions.map((v) => [v.number, v.active, v.authorName])).toEqual([
      [1, false, owner.user.fullName],
      [2, true, owner.user.fullName],
    ]);
  });

  it("keeps exactly one active version when two activations race", async () => {
    const database = await db();
    const { publicId } = await createAgreement(database, owner.viewer, base);
    await addAgreementVersion(database, owner.viewer, { agreementId: publicId, content: "v2", activate: false });
    await addAgreementVersion(database, owner.viewer, { agreementId: publicId, content: "v3", activate: false });
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([
        activateAgreementVersion(database, owner.viewer, { agreementId: publicId, number: round % 2 ? 1 : 2 }),
        activateAgreementVersion(database, owner.viewer, { agreementId: publicId, number: 3 }),
      ]);
      // Serialized by the agreement row lock, so both normally succeed; a loser may only fail cleanly.
      for (const r of results) if (r.status === "rejected") expect(isAppError(r.reason, "conflict")).toBe(true);
      const active = (await versionsOf(publicId)).filter((v) => v.active);
      expect(active).toHaveLength(1);
      const winners = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.number] : []));
      expect(winners).toContain(active[0].number);
    }
  });

  it("marks active contracts on an older version as having updates and emails their signees", async () => {
    const database = await db();
    const { publicId, id } = await createAgreement(database, owner.viewer, base);
    const contract = await makeContract(owner, publicId);
    await makeActiveContract(contract);
    const result = await addAgreementVersion(database, owner.viewer, { agreementId: publicId, content: "v2 terms", activate: true });
    expect(result.number).toBe(2);
    const detail = await getAgreement(database, owner.viewer, { publicId });
    expect(detail.contractsWithUpdates).toBe(1);
    expect(detail.versions.map((v) => v.contracts)).toEqual([1, 0]);
    const mail = await database
      .select()
      .from(outbox)
      .where(and(eq(outbox.contractId, contract.id), eq(outbox.kind, "new_version")));
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain("version 2");
    expect(id).toBeTruthy();
  });

  it("re-activating an older version emails only the signees who are not on it", async () => {
    const database = await db();
    const { publicId } = await createAgreement(database, owner.viewer, base);
    const onV1 = await makeContract(owner, publicId);
    await makeActiveContract(onV1);
    await addAgreementVersion(database, owner.viewer, { agreementId: publicId, content: "v2", activate: true });
    const onV2 = await makeContract(owner, publicId);
    await makeActiveContract(onV2);
    const result = await activateAgreementVersion(database, owner.viewer, { agreementId: publicId, number: 1 });
    expect(result).toEqual({ number: 1, previous: 2, contractsWithUpdates: 1 });
    const mailFor = async (contractId: string) =>
      (
        await database
          .select()
          .from(outbox)
          .where(and(eq(outbox.contractId, contractId), eq(outbox.kind, "new_version")))
      ).map((m) => m.subject);
    expect(await mailFor(onV1.id)).toHaveLength(1); // from the activation of v2 only
    expect(await mailFor(onV2.id)).toHaveLength(1); // from the re-activation of v1
  });

  it("lists the account's agreements, newest change first, with search and pages", async () => {
    const other = await makeAccount();
    const database = await db();
    const names = ["Alpha Terms", "Beta Terms", "Gamma Terms"];
    const made = [];
    for (const name of names) made.push(await createAgreement(database, other.viewer, { ...base, name }));
    await addAgreementVersion(database, other.viewer, { agreementId: made[0].publicId, content: "v2", activate: true });
    const first = await listAgreements(database, other.viewer, { limit: 2 });
    expect(first.rows.map((r) => [r.name, r.activeVersion, r.type, r.contracts])).toEqual([
      ["Alpha Terms", 2, "service", 0],
      ["Gamma Terms", 1, "service", 0],
    ]);
    const second = await listAgreements(database, other.viewer, { limit: 2, cursor: first.nextCursor! });
    expect(second.rows.map((r) => r.name)).toEqual(["Beta Terms"]);
    expect(second.nextCursor).toBeNull();
    expect((await listAgreements(database, other.viewer, { q: "gAmMa" })).rows.map((r) => r.name)).toEqual(["Gamma Terms"]);
    expect((await listAgreements(database, other.viewer, { q: made[1].publicId })).rows.map((r) => r.name)).toEqual(["Beta Terms"]);
    expect((await listAgreements(database, other.viewer, { q: "100%_" })).rows).toEqual([]);
  });
});
