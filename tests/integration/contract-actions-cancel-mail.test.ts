import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { emailLink } from "@/lib/contracts/email-link";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { deliverOutbox } from "@/lib/email/deliver-outbox";
import type { MailTransport, OutgoingMessage } from "@/lib/email/transport";
import { db, makeAccount, makeAgreement, makeContract } from "../support/factories";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;
const sent: OutgoingMessage[] = [];
const recording: MailTransport = { kind: "mailbox", send: async (m) => void sent.push(m) };

beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const mailOf = async (contractId: string) => (await db()).select().from(outbox).where(eq(outbox.contractId, contractId));
const later = () => defaultExpiryDate(new Date(Date.now() + 10 * 86_400_000));

describe("an invitation still in the outbox when its link dies", () => {
  it("is not sent after the link is regenerated, and History says why; mail already delivered stays delivered", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "first@example.test" });
    await deliverOutbox(await db(), recording); // the first invitation goes out
    await emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "second@example.test" }); // still waiting
    const other = await makeContract(issuer, agreementId, { signeeEmail: "other@example.test" }); // another contract's mail

    await regenerateLink(await db(), issuer.viewer, { publicId: c.publicId, linkExpiresOn: later() });
    sent.length = 0;
    await deliverOutbox(await db(), recording);

    expect(sent.map((m) => m.to)).toEqual(["other@example.test"]);
    const rows = await mailOf(c.id);
    expect(rows.find((r) => r.to === "first@example.test")?.status).toBe("sent");
    expect(rows.find((r) => r.to === "second@example.test")).toMatchObject({
      status: "failed",
      lastError: "Cancelled: the link was regenerated",
    });
    expect((await mailOf(other.id))[0].status).toBe("sent");

    const words = (await listContractHistory(await db(), issuer.viewer, c.publicId, "issuer")).map(describeHistoryEntry);
    expect(words).toContain("Invitation email to second@example.test was not sent: the link was regenerated");
    expect(words).toContain("Invitation email delivered to first@example.test");
  });

  it("is not sent after the contract is deleted", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "gone@example.test" });
    await deleteContract(await db(), issuer.viewer, { publicId: c.publicId });
    sent.length = 0;
    await deliverOutbox(await db(), recording);
    expect(sent).toEqual([]);
    expect(await mailOf(c.id)).toMatchObject([{ status: "failed", lastError: "Cancelled: the contract was deleted" }]);
  });

  it("leaves the mail alone when the regenerate is refused", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "kept@example.test" });
    const stranger = await makeAccount();
    await expect(regenerateLink(await db(), stranger.viewer, { publicId: c.publicId, linkExpiresOn: later() })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await mailOf(c.id))[0].status).toBe("pending");
  });
});
