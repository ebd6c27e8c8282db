import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreementVersions, contracts, outbox } from "@/db/schema";
import { editNote } from "@/lib/contracts/edit-note";
import { emailLink } from "@/lib/contracts/email-link";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "../support/factories";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreement: Awaited<ReturnType<typeof makeAgreement>>;

beforeAll(async () => {
  issuer = await makeAccount({ name: "Issuer Distribution Inc." });
  agreement = await makeAgreement(issuer, { versions: 2, active: 1 });
});

describe("getContractDetails", () => {
  it("shows a pending contract to its issuer with the usable link, note, notes and agreement text", async () => {
    const c = await makeContract(issuer, agreement.agreement.publicId, {
      program: true,
      internalNote: "Key account",
      kind: "test",
      signeeEmail: "s@example.test",
    });
    const d = await getContractDetails(await db(), issuer.viewer, c.publicId, "issuer");
    expect(d).toMatchObject({
      publicId: c.publicId,
      status: "pending",
      kind: "test",
      issuer: { name: "Issuer Distribution Inc.", publicId: issuer.account.publicId },
      signeeName: null,
      signee: "Invited: s@example.test",
      owner: null,
      noteToSignee: "Welcome aboard.",
      internalNote: "Key account",
      signeeEmail: "s@example.test",
      activationLink: c.activationLink,
      agreement: {
        publicId: agreement.agreement.publicId,
        versionNumber: 1,
        updateVersion: null,
        content: expect.stringContaining("Version 1 of the terms"),
      },
      signedVersions: [],
    });
    expect(d.permissions.agreement.program.create).toBe(true);
  });

  it("hides the link once it has expired", async () => {
    const c = await makeContract(issuer, agreement.agreement.publicId);
    await (
      await db()
    )
      .update(contracts)
      .set({ linkExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(contracts.id, c.id));
    const d = await getContractDetails(await db(), issuer.viewer, c.publicId, "issuer");
    expect([d.activationLink, d.linkExpired]).toEqual([null, true]);
  });

  it("shows an active contract's signee, signed versions, and Updates available when a newer version is active", async () => {
    const c = await makeContract(issuer, agreement.agreement.publicId);
    const { reseller } = await makeActiveContract(c);
    const database = await db();
    await database.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.id, agreement.versions[0].id));
    await database.update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, agreement.versions[1].id));
    const d = await getContractDetails(database, issuer.viewer, c.publicId, "issuer");
    expect(d.activationLink).toBeNull();
    expect(d.signeeName).toBe(reseller.user.fullName);
    expect(d.signee).toBe(`${reseller.user.fullName} (${reseller.user.email})`);
    expect(d.owner?.publicId).toBe(reseller.account.publicId);
    expect(d.agreement.updateVersion).toBe(2);
    expect(d.signedVersions).toEqual([
      {
        number: 1,
        signeeName: reseller.user.fullName,
        signedAt: expect.any(Date),
        sha256: agreement.versions[0].sha256,
        certificateCode: expect.stringMatching(/^[0-9A-F]{16}$/),
      },
    ]);
    // The reseller's read-only view: no internal note, no link.
    const owned = await getContractDetails(database, reseller.viewer, c.publicId, "owner");
    expect([owned.internalNote, owned.activationLink, owned.publicId]).toEqual([null, null, c.publicId]);
    await expect(getContractDetails(database, reseller.viewer, c.publicId, "issuer")).rejects.toMatchObject({ code: "not_found" });
    await database.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.id, agreement.versions[1].id));
    await database.update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, agreement.versions[0].id));
  });

  it("answers not found for a missing contract and for another distributor's", async () => {
    const c = await makeContract(issuer, agreement.agreement.publicId);
    const other = await makeAccount();
    await expect(getContractDetails(await db(), other.viewer, c.publicId, "issuer")).rejects.toMatchObject({ code: "not_found" });
    await expect(getContractDetails(await db(), other.viewer, c.publicId, "owner")).rejects.toMatchObject({ code: "not_found" });
    await expect(getContractDetails(await db(), issuer.viewer, "CRS-00000-00000-00000", "issuer")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("listContractHistory", () => {
  it("lists every event newest first with who did it, and failed deliveries with their error", async () => {
    const c = await makeContract(issuer, agreement.agreement.publicId);
    await editNote(await db(), issuer.viewer, { publicId: c.publicId, noteToSignee: "Edited" });
    await emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "s@example.test" });
    await (await db()).update(outbox).set({ status: "failed", lastError: "550 mailbox unavailable" }).where(eq(outbox.contractId, c.id));
    await makeActiveContract(c);
    await terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason: "Ended" });
    const h = await listContractHistory(await db(), issuer.viewer, c.publicId, "issuer");
    const events = h.filter((e) => e.source === "event");
    expect(events.map((e) => e.type)).toEqual(["contract.terminated", "contract.link_emailed", "contract.note_edited", "contract.created"]);
    expect(events[0]).toMatchObject({ userName: issuer.user.fullName, data: { reason: "Ended" } });
    expect(h.find((e) => e.source === "mail" && e.kind === "invitation")).toMatchObject({
      status: "failed",
      lastError: "550 mailbox unavailable",
      to: "s@example.test",
    });
    for (let i = 1; i < h.length; i++) expect(h[i - 1].at.getTime()).toBeGreaterThanOrEqual(h[i].at.getTime());
    const other = await makeAccount();
    expect(await listContractHistory(await db(), other.viewer, c.publicId, "issuer")).toEqual([]);
  });
});
