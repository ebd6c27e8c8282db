import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createPartnerAction } from "@/app/(portal)/partners/directory/actions";
import { agreements, agreementVersions, contracts, outbox } from "@/db/schema";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { createPartner } from "@/lib/directory/create-partner";
import { listPartners } from "@/lib/directory/list-partners";
import type { CreatePartnerInput } from "@/lib/directory/schemas";
import { actAs, db, makeAccount, makeAgreement } from "@/tests/support/factories";
import { countWrites } from "./directory-support";

type Account = Awaited<ReturnType<typeof makeAccount>>;
let distributor: Account;

const params = {
  program: false,
  delegate: false,
  kind: "production" as const,
  noteToSignee: "Welcome to our platform.",
  linkExpiresOn: defaultExpiryDate(),
};
const newAgreement = (over: Partial<CreatePartnerInput> = {}) =>
  ({
    type: "reseller",
    companyName: "Echo Systems Inc.",
    contactEmail: "Owner@Echo.test",
    agreementMode: "new",
    agreementName: "Echo Terms",
    agreementDescription: "For **resellers**.",
    agreementContent: "# Terms\n\nBe nice.",
    ...params,
    ...over,
  }) as CreatePartnerInput;

beforeAll(async () => {
  distributor = await makeAccount({ name: "Create Partner Distribution Inc." });
});

describe("Create Partner", () => {
  it("with a new agreement: creates it with an active version 1, the invited contract and the invitation, together", async () => {
    const created = await createPartner(await db(), distributor.viewer, newAgreement());
    expect(created).toMatchObject({
      companyName: "Echo Systems Inc.",
      contactEmail: "owner@echo.test",
      agreementName: "Echo Terms",
      versionNumber: 1,
    });
    const d = await db();
    const [agreement] = await d.select().from(agreements).where(eq(agreements.publicId, created.agreementPublicId));
    expect(agreement).toMatchObject({ ownerAccountId: distributor.account.id, type: "service", description: "For **resellers**." });
    const versions = await d.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id));
    expect(versions.map((v) => [v.number, v.active, v.content])).toEqual([[1, true, "# Terms\n\nBe nice."]]);
    const [contract] = await d.select().from(contracts).where(eq(contracts.publicId, created.contractPublicId));
    expect(contract).toMatchObject({
      status: "pending",
      issuerAccountId: distributor.account.id,
      agreementId: agreement.id,
      invitedCompanyName: "Echo Systems Inc.",
      signeeEmail: "owner@echo.test",
    });
    const mail = await d.select().from(outbox).where(eq(outbox.contractId, contract.id));
    expect(mail.map((m) => [m.kind, m.to])).toEqual([["invitation", "owner@echo.test"]]);
    expect(mail[0].text).toContain(created.activationLink);
    const listed = await listPartners(d, distributor.viewer, { q: "Echo" });
    expect(listed.rows).toEqual([
      expect.objectContaining({ kind: "invitation", name: "Echo Systems Inc.", status: "invited", contactEmail: "owner@echo.test" }),
    ]);
  });

  it("with an existing agreement: makes no new agreement", async () => {
    const { agreement } = await makeAgreement(distributor, { name: "Standing Terms" });
    const before = await countWrites(distributor.account.id);
    const created = await createPartner(await db(), distributor.viewer, {
      type: "reseller",
      companyName: "Foxtrot Trading GmbH",
      contactEmail: "fox@trot.test",
      agreementMode: "existing",
      agreementId: agreement.publicId,
      ...params,
      kind: "test",
    });
    expect(created).toMatchObject({ agreementPublicId: agreement.publicId, agreementName: "Standing Terms" });
    expect(await countWrites(distributor.account.id)).toEqual({
      agreements: before.agreements,
      contracts: before.contracts + 1,
      outbox: before.outbox + 1,
      events: before.events + 1,
    });
  });

  it("returns the first partner again for a repeated creation key, without a second agreement", async () => {
    const input = {
      ...newAgreement({ companyName: "Golf Once LLC", agreementName: "Golf Terms" }),
      creationKey: "4b0e7c1e-2a4f-4b5e-9a37-1d2c3e4f5a6b",
    };
    const a = await createPartner(await db(), distributor.viewer, input);
    const before = await countWrites(distributor.account.id);
    const b = await createPartner(await db(), distributor.viewer, input);
    expect(b).toEqual(a);
    expect(await countWrites(distributor.account.id)).toEqual(before);
  });

  it("creates one partner and one agreement for two simultaneous submissions with the same key (double click)", async () => {
    // On PostgreSQL the two really race: the second waits on the creation key's lock until the first
    // commits, then answers with its result before writing anything. On PGlite they run one after the
    // other. Either way the caller sees one partner. Repeated, because a lost race is timing-dependent.
    actAs(distributor);
    for (let i = 0; i < 8; i++) {
      const input = {
        ...newAgreement({ companyName: `Lima Twice ${i} LLC`, agreementName: `Lima Terms ${i}` }),
        creationKey: `9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e${String(i).padStart(2, "0")}`,
      };
      const before = await countWrites(distributor.account.id);
      const [a, b] = await Promise.all([createPartnerAction(input), createPartnerAction(input)]);
      expect(a).toMatchObject({ ok: true });
      expect(b).toEqual(a);
      expect(await countWrites(distributor.account.id)).toEqual({
        agreements: before.agreements + 1,
        contracts: before.contracts + 1,
        outbox: before.outbox + 1,
        events: before.events + 2,
      });
    }
  });

  it("reports each missing field of the chosen branch at once", async () => {
    await expect(
      createPartner(
        await db(),
        distributor.viewer,
        newAgreement({ companyName: "", contactEmail: "not-an-email", agreementName: "", noteToSignee: "" }),
      ),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: {
        companyName: expect.any(String),
        contactEmail: "Enter a valid email address.",
        agreementName: "Enter a name.",
        noteToSignee: "Leave a note to signee.",
      },
    });
  });

  it("refuses an account without service.create, and writes nothing", async () => {
    const reseller = await makeAccount({
      role: "reseller",
      permissions: { agreement: { program: { create: true }, service: { create: false, delegate: false } } },
    });
    const before = await countWrites(reseller.account.id);
    await expect(createPartner(await db(), reseller.viewer, newAgreement())).rejects.toMatchObject({ code: "forbidden" });
    expect(await countWrites(reseller.account.id)).toEqual(before);
  });
});

describe("Create Partner keeps nothing when a later part fails", () => {
  it("rolls back the new agreement when the contract is refused (Delegate without service.delegate)", async () => {
    const reseller = await makeAccount({
      role: "reseller",
      permissions: { agreement: { program: { create: false }, service: { create: true, delegate: false } } },
    });
    const before = await countWrites(reseller.account.id);
    await expect(
      createPartner(await db(), reseller.viewer, newAgreement({ delegate: true, agreementName: "Never Kept" })),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await countWrites(reseller.account.id)).toEqual(before);
    expect(await (await db()).select().from(agreements).where(eq(agreements.name, "Never Kept"))).toEqual([]);
    // The same reseller may invite its own partners without Delegate.
    await expect(createPartner(await db(), reseller.viewer, newAgreement({ agreementName: "Kept" }))).resolves.toMatchObject({
      agreementName: "Kept",
    });
  });

  it("refuses another distributor's agreement as not found, and writes nothing", async () => {
    const other = await makeAccount();
    const foreign = (await makeAgreement(other)).agreement.publicId;
    const before = await countWrites(distributor.account.id);
    await expect(
      createPartner(await db(), distributor.viewer, {
        type: "reseller",
        companyName: "Hotel Co Inc.",
        contactEmail: "h@hotel.test",
        agreementMode: "existing",
        agreementId: foreign,
        ...params,
      }),
    ).rejects.toMatchObject({ code: "not_found", fieldErrors: { agreementId: expect.any(String) } });
    expect(await countWrites(distributor.account.id)).toEqual(before);
  });
});

describe("createPartnerAction", () => {
  it("refuses an anonymous caller with zero writes, and creates for the signed-in distributor", async () => {
    const before = await countWrites(distributor.account.id);
    actAs(null);
    expect(await createPartnerAction(newAgreement({ agreementName: "Anonymous" }))).toMatchObject({
      ok: false,
      error: "Please sign in to continue.",
    });
    expect(await countWrites(distributor.account.id)).toEqual(before);
    actAs(distributor);
    const res = await createPartnerAction({
      ...newAgreement({ companyName: "India Imports LLC", agreementName: "India Terms" }),
      creationKey: "not-a-uuid",
    });
    expect(res).toMatchObject({ ok: true, data: { companyName: "India Imports LLC" } });
    const bad = await createPartnerAction({ ...newAgreement(), type: "distributor", companyName: "x" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { type: expect.any(String), companyName: expect.any(String) } });
  });
});
