import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts, events, outbox } from "@/db/schema";
import { publicIdPattern } from "@/lib/ids";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { db, makeAccount, makeAgreement, makeContract, tokenOf } from "@/tests/support/factories";

describe("createContract", () => {
  let issuer: Awaited<ReturnType<typeof makeAccount>>;
  let agreementId: string;
  beforeAll(async () => {
    issuer = await makeAccount();
    agreementId = (await makeAgreement(issuer)).agreement.publicId;
  });

  it("creates a pending contract with a random public ID, an event, and a link stored only hashed and encrypted", async () => {
    const created = await makeContract(issuer, agreementId, { program: true, delegate: true });
    expect(created.publicId).toMatch(publicIdPattern.contract);
    const token = tokenOf(created.activationLink);
    expect(isWellFormedToken(token)).toBe(true);
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.id, created.id));
    expect(row.status).toBe("pending");
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.permissions).toEqual({ agreement: { program: { create: true }, service: { create: true, delegate: false } } });
    const evs = await (await db()).select().from(events).where(eq(events.subjectId, created.id));
    expect(evs.map((e) => e.type)).toEqual(["contract.created"]);
    expect(JSON.stringify(evs)).not.toContain(token);
  });

  it("queues the invitation in the same transaction when a signee email is given", async () => {
    const created = await makeContract(issuer, agreementId, { signeeEmail: "Signee@Example.com", kind: "test" });
    const mail = await (await db()).select().from(outbox).where(eq(outbox.contractId, created.id));
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe("signee@example.com");
    expect(mail[0].subject).toMatch(/^\[TEST\]/);
    expect(mail[0].text).toContain(created.activationLink);
  });

  it("returns the first contract again for a repeated creation key (double click, reload)", async () => {
    const a = await makeContract(issuer, agreementId, { creationKey: "wizard-key-123" });
    const b = await makeContract(issuer, agreementId, { creationKey: "wizard-key-123" });
    expect(b.publicId).toBe(a.publicId);
    expect(b.activationLink).toBe(a.activationLink);
  });

  it("refuses another account's agreement as not found, and writes nothing", async () => {
    const other = await makeAccount();
    const foreign = await makeAgreement(other);
    const before = (await (await db()).select().from(contracts)).length;
    await expect(makeContract(issuer, foreign.agreement.publicId)).rejects.toMatchObject({ code: "not_found" });
    expect((await (await db()).select().from(contracts)).length).toBe(before);
  });

  it("refuses an agreement without an active version", async () => {
    const inactive = await makeAgreement(issuer, { active: null });
    await expect(makeContract(issuer, inactive.agreement.publicId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a 10,000 character note and a past expiry with field messages", async () => {
    await expect(makeContract(issuer, agreementId, { noteToSignee: "x".repeat(10_000) })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { noteToSignee: expect.stringMatching(/at most 200/) },
    });
    await expect(makeContract(issuer, agreementId, { linkExpiresOn: "2020-01-01" })).rejects.toMatchObject({
      fieldErrors: { linkExpiresOn: expect.stringMatching(/future/) },
    });
  });

  it("refuses Delegate to an account without service.delegate, and everything to one without service.create", async () => {
    const reseller = await makeAccount({
      role: "reseller",
      permissions: { agreement: { program: { create: false }, service: { create: true, delegate: false } } },
    });
    const own = await makeAgreement(reseller);
    await expect(makeContract(reseller, own.agreement.publicId, { delegate: true })).rejects.toMatchObject({ code: "forbidden" });
    expect((await makeContract(reseller, own.agreement.publicId)).publicId).toMatch(publicIdPattern.contract);
    const plain = await makeAccount({ role: "reseller" });
    await expect(makeContract(plain, own.agreement.publicId)).rejects.toMatchObject({ code: "forbidden" });
  });
});
