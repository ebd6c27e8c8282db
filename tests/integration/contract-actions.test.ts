import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts, events, outbox } from "@/db/schema";
import { viewerFor } from "../support/factories";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { editNote } from "@/lib/contracts/edit-note";
import { emailLink, EMAILS_PER_HOUR } from "@/lib/contracts/email-link";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { hashToken } from "@/lib/security/tokens";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract, tokenOf } from "../support/factories";

type Issuer = Awaited<ReturnType<typeof makeAccount>>;
let issuer: Issuer;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const rowOf = async (id: string) => (await (await db()).select().from(contracts).where(eq(contracts.id, id)))[0];
const eventTypes = async (id: string) => (await (await db()).select().from(events).where(eq(events.subjectId, id))).map((e) => e.type);
const later = () => defaultExpiryDate(new Date(Date.now() + 10 * 86_400_000));

async function inStatus(status: "pending" | "active" | "rejected" | "terminated") {
  const c = await makeContract(issuer, agreementId, { signeeEmail: "signee@example.test" });
  if (status === "active" || status === "terminated") await makeActiveContract(c);
  if (status === "terminated") await terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason: "setup" });
  if (status === "rejected")
    await (
      await db()
    )
      .update(contracts)
      .set({ status: "rejected", rejectedAt: new Date(), rejectionReason: "No thanks" })
      .where(eq(contracts.id, c.id));
  return c;
}

describe("actions on a pending contract", () => {
  it("edits the note, with the wizard's validation, and records who did it", async () => {
    const c = await inStatus("pending");
    await editNote(await db(), issuer.viewer, { publicId: c.publicId, noteToSignee: "  New terms inside.  " });
    expect((await rowOf(c.id)).noteToSignee).toBe("New terms inside.");
    await expect(editNote(await db(), issuer.viewer, { publicId: c.publicId, noteToSignee: "x".repeat(201) })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { noteToSignee: expect.stringMatching(/at most 200/) },
    });
    await expect(editNote(await db(), issuer.viewer, { publicId: c.publicId, noteToSignee: "   " })).rejects.toMatchObject({
      fieldErrors: { noteToSignee: "Leave a note to signee." },
    });
    expect((await rowOf(c.id)).noteToSignee).toBe("New terms inside.");
    expect(await eventTypes(c.id)).toEqual(["contract.created", "contract.note_edited"]);
  });

  it("regenerates the link: new hash and ciphertext, the old hash matches no contract, new expiry", async () => {
    const c = await inStatus("pending");
    const oldHash = hashToken(tokenOf(c.activationLink));
    const before = await rowOf(c.id);
    const { activationLink } = await regenerateLink(await db(), issuer.viewer, { publicId: c.publicId, linkExpiresOn: later() });
    const after = await rowOf(c.id);
    expect(activationLink).not.toBe(c.activationLink);
    expect(after.tokenHash).toBe(hashToken(tokenOf(activationLink)));
    expect(after.tokenCiphertext).not.toBe(before.tokenCiphertext);
    expect(after.linkExpiresAt.toISOString().slice(0, 10)).toBe(later());
    expect(await (await db()).select().from(contracts).where(eq(contracts.tokenHash, oldHash))).toHaveLength(0);
    expect(await eventTypes(c.id)).toContain("contract.link_regenerated");
  });

  it("emails the link to a new signee email, stores it, and rate-limits per contract", async () => {
    const c = await inStatus("pending");
    await emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "New.Person@Example.test" });
    expect((await rowOf(c.id)).signeeEmail).toBe("new.person@example.test");
    const mail = await (await db()).select().from(outbox).where(eq(outbox.contractId, c.id));
    expect(mail.map((m) => m.to)).toEqual(["signee@example.test", "new.person@example.test"]);
    expect(mail[1].text).toContain(c.activationLink);
    for (let i = 1; i < EMAILS_PER_HOUR; i++)
      await emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "a@example.test" });
    await expect(emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "a@example.test" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(await (await db()).select().from(outbox).where(eq(outbox.contractId, c.id))).toHaveLength(1 + EMAILS_PER_HOUR);
    await expect(emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "not-an-email" })).rejects.toMatchObject({
      fieldErrors: { signeeEmail: "Enter a valid email address." },
    });
  });

  it("refuses to email an expired link and says to regenerate; regenerating revives it", async () => {
    const c = await inStatus("pending");
    await (
      await db()
    )
      .update(contracts)
      .set({ linkExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(contracts.id, c.id));
    await expect(emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "x@example.test" })).rejects.toMatchObject({
      code: "expired",
      message: expect.stringMatching(/Regenerate/),
    });
    await regenerateLink(await db(), issuer.viewer, { publicId: c.publicId, linkExpiresOn: later() });
    await expect(emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "x@example.test" })).resolves.toEqual({
      to: "x@example.test",
    });
  });

  it("deletes the contract; the deleted event stays", async () => {
    const c = await inStatus("pending");
    await deleteContract(await db(), issuer.viewer, { publicId: c.publicId });
    expect(await rowOf(c.id)).toBeUndefined();
    expect(await eventTypes(c.id)).toEqual(["contract.created", "contract.deleted"]);
    await expect(deleteContract(await db(), issuer.viewer, { publicId: c.publicId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses Terminate on a pending contract as stale", async () => {
    const c = await inStatus("pending");
    await expect(terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason: "x" })).rejects.toMatchObject({
      code: "stale",
      message: expect.stringMatching(/now Pending/),
    });
    expect((await rowOf(c.id)).status).toBe("pending");
  });
});

describe("terminating an active contract", () => {
  it("needs a reason of at most 100 characters", async () => {
    const c = await inStatus("active");
    for (const reason of ["", "   ", "x".repeat(101)]) {
      await expect(terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { reason: expect.any(String) },
      });
    }
    expect((await rowOf(c.id)).status).toBe("active");
  });

  it("ends the contract, emails the signee, and the partner loses the permissions at once", async () => {
    const c = await makeContract(issuer, agreementId, { program: true });
    const { reseller } = await makeActiveContract(c);
    expect((await viewerFor(reseller.user.id))!.permissions.agreement.program.create).toBe(true);
    await terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason: "Partnership ended" });
    const row = await rowOf(c.id);
    expect([row.status, row.terminationReason, row.terminatedAt instanceof Date]).toEqual(["terminated", "Partnership ended", true]);
    expect((await viewerFor(reseller.user.id))!.permissions.agreement.program.create).toBe(false);
    const mail = await (await db()).select().from(outbox).where(eq(outbox.contractId, c.id));
    expect(mail.filter((m) => m.kind === "contract_terminated").map((m) => m.to)).toEqual([reseller.user.email]);
    expect(await eventTypes(c.id)).toContain("contract.terminated");
  });

  it("two terminations at once: exactly one succeeds, the other is told it changed, one event", async () => {
    const c = await inStatus("active");
    const database = await db();
    const results = await Promise.allSettled(
      ["first", "second"].map((reason) => terminateContract(database, issuer.viewer, { publicId: c.publicId, reason })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "stale", message: expect.stringMatching(/now Terminated/) });
    expect((await eventTypes(c.id)).filter((t) => t === "contract.terminated")).toHaveLength(1);
    expect(await (await db()).select().from(outbox).where(eq(outbox.contractId, c.id))).toHaveLength(2);
  });
});

describe("view-only statuses", () => {
  it.each(["rejected", "terminated"] as const)("refuses every action on a %s contract as stale and changes nothing", async (status) => {
    const c = await inStatus(status);
    const before = await rowOf(c.id);
    const eventsBefore = await eventTypes(c.id);
    const database = await db();
    const attempts = [
      () => editNote(database, issuer.viewer, { publicId: c.publicId, noteToSignee: "x" }),
      () => regenerateLink(database, issuer.viewer, { publicId: c.publicId, linkExpiresOn: later() }),
      () => emailLink(database, issuer.viewer, { publicId: c.publicId, signeeEmail: "x@example.test" }),
      () => deleteContract(database, issuer.viewer, { publicId: c.publicId }),
      () => terminateContract(database, issuer.viewer, { publicId: c.publicId, reason: "again" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "stale" });
    expect(await rowOf(c.id)).toEqual(before);
    expect(await eventTypes(c.id)).toEqual(eventsBefore);
  });

  it("refuses the pending-only actions on an active contract", async () => {
    const c = await inStatus("active");
    await expect(deleteContract(await db(), issuer.viewer, { publicId: c.publicId })).rejects.toMatchObject({ code: "stale" });
    await expect(regenerateLink(await db(), issuer.viewer, { publicId: c.publicId, linkExpiresOn: later() })).rejects.toMatchObject({
      code: "stale",
    });
    await expect(editNote(await db(), issuer.viewer, { publicId: c.publicId, noteToSignee: "x" })).rejects.toMatchObject({ code: "stale" });
    expect((await rowOf(c.id)).status).toBe("active");
  });
});

describe("a reseller inviting its own resellers under a delegation", () => {
  it("may manage its contracts while the delegation is active, and not once it is terminated", async () => {
    const c = await makeContract(issuer, agreementId, { delegate: true });
    const { reseller } = await makeActiveContract(c);
    const delegated = { viewer: (await viewerFor(reseller.user.id))! };
    const own = await makeContract(delegated, (await makeAgreement(reseller)).agreement.publicId);
    await editNote(await db(), delegated.viewer, { publicId: own.publicId, noteToSignee: "Still allowed" });
    await terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason: "Delegation withdrawn" });
    const after = (await viewerFor(reseller.user.id))!;
    await expect(editNote(await db(), after, { publicId: own.publicId, noteToSignee: "Too late" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteContract(await db(), after, { publicId: own.publicId })).rejects.toMatchObject({ code: "forbidden" });
    expect((await rowOf(own.id)).noteToSignee).toBe("Still allowed");
  });
});
