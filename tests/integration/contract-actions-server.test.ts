import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts, events, outbox, rateLimits } from "@/db/schema";
import {
  deleteContractAction,
  editNoteAction,
  emailLinkAction,
  regenerateLinkAction,
  terminateContractAction,
} from "@/app/(portal)/partners/contracts/[publicId]/actions";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { actAs, db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "../support/factories";
import { RedirectSignal } from "../support/next";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let pending: Awaited<ReturnType<typeof makeContract>>;
let active: Awaited<ReturnType<typeof makeContract>>;

beforeAll(async () => {
  issuer = await makeAccount();
  const agreementId = (await makeAgreement(issuer)).agreement.publicId;
  pending = await makeContract(issuer, agreementId, { signeeEmail: "s@example.test" });
  active = await makeContract(issuer, agreementId);
  await makeActiveContract(active);
});

/** Every action of the details screen, with valid input for the status it applies to. */
const everyAction = () => [
  () => editNoteAction({ publicId: pending.publicId, noteToSignee: "Changed" }),
  () => regenerateLinkAction({ publicId: pending.publicId, linkExpiresOn: defaultExpiryDate() }),
  () => emailLinkAction({ publicId: pending.publicId, signeeEmail: "x@example.test" }),
  () => deleteContractAction({ publicId: pending.publicId }),
  () => terminateContractAction({ publicId: active.publicId, reason: "Because" }),
];

async function snapshot() {
  const database = await db();
  return {
    contracts: await database.select().from(contracts),
    events: (await database.select().from(events)).length,
    outbox: (await database.select().from(outbox)).length,
    limits: (await database.select().from(rateLimits)).length,
  };
}

describe("details screen server actions", () => {
  it("refuse an anonymous caller and write nothing", async () => {
    const before = await snapshot();
    for (const action of everyAction()) {
      actAs(null);
      expect(await action()).toEqual({ ok: false, error: "Please sign in to continue." });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answer another distributor 'not found' and write nothing", async () => {
    const other = await makeAccount();
    const before = await snapshot();
    for (const action of everyAction()) {
      actAs(other);
      expect(await action()).toMatchObject({ ok: false, error: "This contract does not exist, or it is not yours." });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("map bad input to field messages", async () => {
    actAs(issuer);
    expect(await terminateContractAction({ publicId: active.publicId, reason: "x".repeat(101) })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "The reason can be at most 100 characters." },
    });
    expect(await editNoteAction({ publicId: pending.publicId })).toMatchObject({
      ok: false,
      fieldErrors: { noteToSignee: "Leave a note to signee." },
    });
    expect(await editNoteAction(null)).toMatchObject({ ok: false });
  });

  it("work for the issuer; delete returns to the list", async () => {
    actAs(issuer);
    expect(await editNoteAction({ publicId: pending.publicId, noteToSignee: "Changed" })).toEqual({ ok: true, data: undefined });
    const regenerated = await regenerateLinkAction({ publicId: pending.publicId, linkExpiresOn: defaultExpiryDate() });
    expect(regenerated.ok && regenerated.data.activationLink).not.toBe(pending.activationLink);
    expect(await emailLinkAction({ publicId: pending.publicId, signeeEmail: "x@example.test" })).toEqual({
      ok: true,
      data: { to: "x@example.test" },
    });
    expect(await terminateContractAction({ publicId: active.publicId, reason: "Because" })).toEqual({ ok: true, data: undefined });
    await expect(deleteContractAction({ publicId: pending.publicId })).rejects.toEqual(new RedirectSignal("/partners/contracts"));
    expect(await (await db()).select().from(contracts).where(eq(contracts.id, pending.id))).toEqual([]);
    expect(await terminateContractAction({ publicId: active.publicId, reason: "Again" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/now Terminated/),
    });
  });
});
