import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts, events } from "@/db/schema";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { actAs, db, makeAccount, makeAgreement } from "@/tests/support/factories";
import { createContractAction, searchWizardAgreementsAction } from "./actions";

type Who = Awaited<ReturnType<typeof makeAccount>>;

const countContracts = async () => (await (await db()).select({ id: contracts.id }).from(contracts)).length;

describe("Create Contract actions", () => {
  let issuer: Who;
  let agreementId: string;
  let foreignAgreementId: string;
  const form = (over: Record<string, unknown> = {}) => ({
    agreementId,
    program: true,
    delegate: false,
    kind: "test",
    noteToSignee: "Welcome to Northwind.",
    internalNote: "",
    linkExpiresOn: defaultExpiryDate(),
    signeeEmail: "",
    creationKey: randomUUID(),
    ...over,
  });
  beforeAll(async () => {
    issuer = await makeAccount({ name: "Wizard Distribution Inc." });
    agreementId = (await makeAgreement(issuer, { name: "Wizard Terms" })).agreement.publicId;
    foreignAgreementId = (await makeAgreement(await makeAccount())).agreement.publicId;
  });

  it("refuses an anonymous caller and writes nothing", async () => {
    actAs(null);
    const before = await countContracts();
    expect(await createContractAction(form())).toMatchObject({ ok: false, error: "Please sign in to continue." });
    expect(await searchWizardAgreementsAction("Wizard")).toMatchObject({ ok: false });
    expect(await countContracts()).toBe(before);
  });

  it("creates the contract and returns the Summary: ID, agreement and version, kind, permissions in words, link", async () => {
    actAs(issuer);
    const res = await createContractAction(form());
    if (!res.ok) throw new Error(res.error);
    expect(res.data).toMatchObject({ agreementName: "Wizard Terms", agreementPublicId: agreementId, versionNumber: 1, kind: "test" });
    expect(res.data.permissions).toEqual(["Can create and manage program agreements"]);
    expect(res.data.activationLink).toMatch(/^http:\/\/localhost:3000\/activate\/[A-Za-z0-9_-]{43}$/);
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.publicId, res.data.publicId));
    expect(row.issuerAccountId).toBe(issuer.account.id);
    expect((await (await db()).select().from(events).where(eq(events.subjectId, row.id))).map((e) => e.type)).toEqual(["contract.created"]);
  });

  it("a double submit with the same creation key creates one contract", async () => {
    actAs(issuer);
    const before = await countContracts();
    const input = form();
    const [a, b] = [await createContractAction(input), await createContractAction(input)];
    expect(a.ok && b.ok && a.data.publicId === b.data.publicId).toBe(true);
    expect(await countContracts()).toBe(before + 1);
  });

  it("maps crafted input to field messages: another account's agreement, a 10,000 character note, a past expiry", async () => {
    actAs(issuer);
    const before = await countContracts();
    expect(await createContractAction(form({ agreementId: foreignAgreementId }))).toMatchObject({
      ok: false,
      fieldErrors: { agreementId: "Choose one of your service agreements that has an active version." },
    });
    expect(await createContractAction(form({ noteToSignee: "x".repeat(10_000) }))).toMatchObject({
      ok: false,
      fieldErrors: { noteToSignee: "The note to signee can be at most 200 characters." },
    });
    expect(await createContractAction(form({ linkExpiresOn: "2020-01-01" }))).toMatchObject({
      ok: false,
      fieldErrors: { linkExpiresOn: "The expiration date must be in the future." },
    });
    expect(await createContractAction("not an object")).toMatchObject({ ok: false, fieldErrors: { agreementId: expect.any(String) } });
    expect(await countContracts()).toBe(before);
  });

  it("refuses Delegate where the account does not hold service.delegate", async () => {
    const reseller = await makeAccount({
      role: "reseller",
      permissions: { agreement: { program: { create: false }, service: { create: true, delegate: false } } },
    });
    const own = (await makeAgreement(reseller)).agreement.publicId;
    actAs(reseller);
    expect(await createContractAction(form({ agreementId: own, delegate: true }))).toMatchObject({
      ok: false,
      fieldErrors: { delegate: "Not available for your account." },
    });
    // Nor Program, which it does not hold either (a grant never exceeds the issuer's permissions).
    expect(await createContractAction(form({ agreementId: own }))).toMatchObject({
      ok: false,
      fieldErrors: { program: "Not available for your account." },
    });
    expect((await createContractAction(form({ agreementId: own, program: false }))).ok).toBe(true);
  });

  it("never passes a crafted invitedCompanyName through", async () => {
    actAs(issuer);
    const res = await createContractAction(form({ invitedCompanyName: "Spoofed Corp" }));
    if (!res.ok) throw new Error(res.error);
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.publicId, res.data.publicId));
    expect(row.invitedCompanyName).toBeNull();
  });

  it("searches only the caller's service agreements that have an active version", async () => {
    await makeAgreement(issuer, { name: "Wizard Draft Terms", active: null });
    actAs(issuer);
    const res = await searchWizardAgreementsAction("wizard");
    expect(res.ok && res.data.map((a) => a.name)).toEqual(["Wizard Terms"]);
    const byId = await searchWizardAgreementsAction(foreignAgreementId);
    expect(byId.ok && byId.data).toEqual([]);
  });
});
