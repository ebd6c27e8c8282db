import { describe, expect, it, vi } from "vitest";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { createPartner } from "@/lib/directory/create-partner";
import { db, makeAccount } from "@/tests/support/factories";
import { countWrites } from "./directory-support";

// The last part of Create Partner, queuing the invitation, fails when `failMail` is set: everything
// written before it in the same transaction (agreement, version, contract, events) must go too.
const failMail = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/email/messages", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/email/messages")>();
  return {
    ...real,
    enqueueInvitation: async (...args: Parameters<typeof real.enqueueInvitation>) => {
      if (failMail.on) throw new Error("outbox unavailable");
      return real.enqueueInvitation(...args);
    },
  };
});

describe("Create Partner when queuing the invitation fails", () => {
  it("keeps no agreement, version, contract, mail or event, and works again afterwards", async () => {
    const distributor = await makeAccount();
    const input = {
      type: "reseller" as const,
      companyName: "Juliet Partners Inc.",
      contactEmail: "juliet@partners.test",
      agreementMode: "new" as const,
      agreementName: "Juliet Terms",
      agreementDescription: "Terms.",
      agreementContent: "Version 1.",
      kind: "production" as const,
      noteToSignee: "Hello.",
      linkExpiresOn: defaultExpiryDate(),
    };
    const before = await countWrites(distributor.account.id);
    failMail.on = true;
    await expect(createPartner(await db(), distributor.viewer, input)).rejects.toThrow("outbox unavailable");
    expect(await countWrites(distributor.account.id)).toEqual(before);
    failMail.on = false;
    await createPartner(await db(), distributor.viewer, input);
    expect(await countWrites(distributor.account.id)).toEqual({
      agreements: before.agreements + 1,
      contracts: before.contracts + 1,
      outbox: before.outbox + 1,
      events: before.events + 2,
    });
  });
});
