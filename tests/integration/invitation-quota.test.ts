// docs/security-requirements.md 36: invitations are limited per account (SCP_INVITES_PER_DAY), with a clear message,
// and the limit cannot be dodged by deleting contracts or by using another way to invite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContractAction } from "@/app/(portal)/partners/contracts/actions";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { emailLink } from "@/lib/contracts/email-link";
import { DEFAULT_INVITES_PER_DAY, invitesPerDay } from "@/lib/contracts/invitation-quota";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { createPartner } from "@/lib/directory/create-partner";
import { actAs, db, makeAccount, makeAgreement, makeContract } from "@/tests/support/factories";
import { tableCounts } from "./activation-support";

const LIMIT =
  /^Your account has reached its limit of 3 invitations a day\. You can invite again after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/;
const before = process.env.SCP_INVITES_PER_DAY;
beforeAll(() => {
  process.env.SCP_INVITES_PER_DAY = "3";
});
afterAll(() => {
  if (before === undefined) delete process.env.SCP_INVITES_PER_DAY;
  else process.env.SCP_INVITES_PER_DAY = before;
});

async function distributor() {
  const who = await makeAccount();
  return { who, agreement: (await makeAgreement(who)).agreement.publicId };
}

const partner = (agreementId: string) => ({
  type: "reseller",
  companyName: "Quota LLC",
  contactEmail: "quota@example.test",
  agreementMode: "existing",
  agreementId,
  kind: "test",
  noteToSignee: "Hi",
  linkExpiresOn: defaultExpiryDate(),
  program: false,
  delegate: false,
});

describe("invitations per account and day (SCP_INVITES_PER_DAY)", () => {
  it("every link and every email counts; past the limit each way to invite is refused with a clear message and writes nothing", async () => {
    const { who, agreement } = await distributor();
    const first = await makeContract(who, agreement);
    await makeContract(who, agreement, { signeeEmail: "one@example.test" });
    await emailLink(await db(), who.viewer, { publicId: first.publicId, signeeEmail: "again@example.test" }); // the third
    const counts = await tableCounts();

    await expect(makeContract(who, agreement, { signeeEmail: "four@example.test" })).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(LIMIT),
    });
    await expect(emailLink(await db(), who.viewer, { publicId: first.publicId, signeeEmail: "four@example.test" })).rejects.toMatchObject({
      message: expect.stringMatching(LIMIT),
    });
    await expect(createPartner(await db(), who.viewer, partner(agreement) as never)).rejects.toMatchObject({
      message: expect.stringMatching(LIMIT),
    });
    expect(await tableCounts()).toEqual(counts);

    // What the wizard shows next to its form.
    actAs(who);
    const result = await createContractAction({
      agreementId: agreement,
      kind: "production",
      noteToSignee: "Hi",
      linkExpiresOn: defaultExpiryDate(),
      program: false,
      delegate: false,
    });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(LIMIT) });
  });

  it("deleting contracts gives no invitations back; another account keeps its own allowance", async () => {
    const { who, agreement } = await distributor();
    for (let i = 0; i < 3; i++) await deleteContract(await db(), who.viewer, { publicId: (await makeContract(who, agreement)).publicId });
    await expect(makeContract(who, agreement)).rejects.toMatchObject({ code: "rate_limited" });
    const other = await distributor();
    await expect(makeContract(other.who, other.agreement)).resolves.toMatchObject({ publicId: expect.stringMatching(/^CRS-/) });
  });

  it("a repeated Create (same creation key) is one invitation, not two", async () => {
    const { who, agreement } = await distributor();
    const key = "quota-key-0001";
    const a = await makeContract(who, agreement, { creationKey: key });
    const b = await makeContract(who, agreement, { creationKey: key });
    expect(b.publicId).toBe(a.publicId);
    await makeContract(who, agreement);
    await makeContract(who, agreement);
    await expect(makeContract(who, agreement)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it(`defaults to ${DEFAULT_INVITES_PER_DAY} a day; a whole number of at least 1 changes it; anything else is a configuration error`, () => {
    for (const [value, expected] of [
      [undefined, 200],
      ["", 200],
      ["50", 50],
    ] as const) {
      if (value === undefined) delete process.env.SCP_INVITES_PER_DAY;
      else process.env.SCP_INVITES_PER_DAY = value;
      expect(invitesPerDay(), String(value)).toBe(expected);
    }
    for (const value of ["abc", "0", "-5", "2.5"]) {
      process.env.SCP_INVITES_PER_DAY = value;
      expect(() => invitesPerDay(), value).toThrow(/Invalid configuration: SCP_INVITES_PER_DAY/);
    }
    process.env.SCP_INVITES_PER_DAY = "3";
  });
});
