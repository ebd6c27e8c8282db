import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCount } from "@/db/client";
import { contracts } from "@/db/schema";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { activateContract } from "@/lib/activation/activate-contract";
import { rejectContract } from "@/lib/activation/reject-contract";
import { hashToken, newActivationToken } from "@/lib/security/tokens";
import { db } from "@/tests/support/factories";
import { contractRow, distributorWithAgreement, NEW_PASSWORD, requestFrom, tableCounts } from "./activation-support";

const newSigner = (email: string) => ({
  signer: { kind: "new" as const, email, fullName: "Rita Reseller", password: NEW_PASSWORD },
  company: { kind: "new" as const, name: "Rita Resale LLC" },
});

describe("resolveActivationLink: each link state (SECURITY.md 1, 4–6)", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
  });

  it("shows a pending contract's review: distributor, agreement, the ACTIVE version's text, note, kind, permissions", async () => {
    const c = await setup.issue({ kind: "test", noteToSignee: "Please sign by Friday." });
    const link = await resolveActivationLink(await db(), c.token);
    expect(link.state).toBe("pending");
    if (link.state !== "pending") return;
    expect(link.review).toMatchObject({
      contractPublicId: c.publicId,
      distributorName: "Northwind Test GmbH",
      agreementName: "Reseller Terms",
      versionNumber: 2,
      noteToSignee: "Please sign by Friday.",
      kind: "test",
      permissions: { agreement: { program: { create: true }, service: { create: false, delegate: false } } },
    });
    expect(link.review.versionContent).toContain("Version 2 of the terms.");
  });

  it("refuses a malformed token without asking the database", async () => {
    for (const bad of ["", "short", `${"a".repeat(42)}/`, "../../etc/passwd", "a".repeat(44)]) {
      const before = queryCount();
      expect(await resolveActivationLink(await db(), bad)).toEqual({ state: "invalid" });
      expect(queryCount()).toBe(before);
    }
  });

  it("says invalid for an unknown token and for a regenerated link, identically", async () => {
    expect(await resolveActivationLink(await db(), newActivationToken())).toEqual({ state: "invalid" });
    const c = await setup.issue();
    await (
      await db()
    )
      .update(contracts)
      .set({ tokenHash: hashToken(newActivationToken()) })
      .where(eq(contracts.id, c.id));
    expect(await resolveActivationLink(await db(), c.token)).toEqual({ state: "invalid" });
  });

  it("says expired once the expiry has passed, and refuses to activate or reject it", async () => {
    const c = await setup.issue();
    await (
      await db()
    )
      .update(contracts)
      .set({ linkExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(contracts.id, c.id));
    expect(await resolveActivationLink(await db(), c.token)).toEqual({ state: "expired" });
    await expect(activateContract(await db(), c.token, newSigner("late@example.test"), requestFrom())).rejects.toMatchObject({
      code: "expired",
    });
    await expect(rejectContract(await db(), c.token, { reason: "no" }, requestFrom())).rejects.toMatchObject({ code: "expired" });
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("says activated, rejected or terminated for contracts in those states, revealing nothing else", async () => {
    const active = await setup.issue();
    await activateContract(await db(), active.token, newSigner("states@example.test"), requestFrom());
    expect(await resolveActivationLink(await db(), active.token)).toEqual({ state: "activated" });

    const rejected = await setup.issue();
    await rejectContract(await db(), rejected.token, { reason: "Not for us." }, requestFrom());
    expect(await resolveActivationLink(await db(), rejected.token)).toEqual({ state: "rejected" });

    await (
      await db()
    )
      .update(contracts)
      .set({ status: "terminated", terminatedAt: new Date(), terminationReason: "Ended" })
      .where(eq(contracts.id, active.id));
    expect(await resolveActivationLink(await db(), active.token)).toEqual({ state: "terminated" });
  });

  it("opening a link changes no row (mail scanners open links first)", async () => {
    const c = await setup.issue();
    const before = await tableCounts();
    const row = await contractRow(c.id);
    for (let i = 0; i < 3; i++) await resolveActivationLink(await db(), c.token);
    expect(await tableCounts()).toEqual(before);
    expect((await contractRow(c.id)).updatedAt).toEqual(row.updatedAt);
  });
});
