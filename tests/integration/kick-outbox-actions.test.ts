import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addAgreementVersionAction, publishAgreementVersionAction } from "@/app/(portal)/partners/agreements/actions";
import { emailLinkAction, terminateContractAction } from "@/app/(portal)/partners/contracts/[publicId]/actions";
import { createContractAction } from "@/app/(portal)/partners/contracts/actions";
import { createPartnerAction } from "@/app/(portal)/partners/directory/actions";
import { activateAction } from "@/app/activate/actions";
import { outbox } from "@/db/schema";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { startOutboxSender, stopOutboxSender } from "@/lib/email/outbox-sender";
import type { MailTransport, OutgoingMessage } from "@/lib/email/transport";
import { actAs, db, makeAccount, makeActiveContract, makeAgreement, makeContract, tokenOf } from "@/tests/support/factories";
import { resetRequest } from "@/tests/support/next";
import { NEW_PASSWORD } from "./activation-support";
import { answerStepsAsNewUser, stepForm } from "./activation-steps-support";

// The sender's interval is ten minutes: mail delivered within seconds got there through kickOutbox().
const delivered: OutgoingMessage[] = [];
const recording: MailTransport = { kind: "mailbox", send: async (m) => void delivered.push(m) };

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  vi.stubEnv("SCP_OUTBOX_INTERVAL_MS", "600000");
  resetRequest();
  issuer = await makeAccount({ name: "Kick Distribution Inc.", email: `staff-${randomUUID()}@kick.test` });
  agreementId = (await makeAgreement(issuer, { name: "Kick Terms" })).agreement.publicId;
  startOutboxSender(recording);
});
afterAll(() => {
  stopOutboxSender();
  vi.unstubAllEnvs();
});

/** Runs the action and expects a message to `to` to be delivered right after, not at the next tick. */
async function deliversAtOnce(to: string, action: () => Promise<unknown>): Promise<void> {
  await action();
  await vi.waitFor(() => expect(delivered.map((m) => m.to)).toContain(to), { timeout: 30_000, interval: 50 });
  // Nothing the action queued is left waiting.
  const waiting = (await (await db()).select().from(outbox)).filter((r) => r.status === "pending" || r.status === "sending");
  expect(waiting).toEqual([]);
}

describe("actions that queue mail deliver it as soon as they commit", () => {
  it("the wizard's Create, with a signee email", async () => {
    actAs(issuer);
    const form = {
      agreementId,
      program: true,
      delegate: false,
      kind: "test",
      noteToSignee: "Hi.",
      internalNote: "",
      linkExpiresOn: defaultExpiryDate(),
      signeeEmail: "wizard@kick.test",
      creationKey: randomUUID(),
    };
    await deliversAtOnce("wizard@kick.test", async () => expect(await createContractAction(form)).toMatchObject({ ok: true }));
  });

  it("Email link and Terminate on the contract's page", async () => {
    actAs(issuer);
    const c = await makeContract(issuer, agreementId);
    await deliversAtOnce("emailed@kick.test", async () =>
      expect(await emailLinkAction({ publicId: c.publicId, signeeEmail: "emailed@kick.test" })).toMatchObject({ ok: true }),
    );
    const active = await makeContract(issuer, agreementId);
    const { reseller } = await makeActiveContract(active, { email: "signee@kick.test" });
    expect(reseller.user.email).toBe("signee@kick.test");
    await deliversAtOnce("signee@kick.test", async () =>
      expect(await terminateContractAction({ publicId: active.publicId, reason: "Ended" })).toMatchObject({ ok: true }),
    );
  });

  it("activation, which tells the distributor's staff", async () => {
    actAs(null);
    const c = await makeContract(issuer, agreementId);
    const token = tokenOf(c.activationLink);
    await answerStepsAsNewUser(token, {
      email: "new.reseller@kick.test",
      fullName: "New Reseller",
      password: NEW_PASSWORD,
      companyName: "Kick Reseller Inc.",
    });
    await deliversAtOnce(issuer.user.email, () =>
      expect(activateAction(null, stepForm(token))).rejects.toMatchObject({ url: expect.stringMatching(/^\/reseller\?activated=/) }),
    );
  });

  it("publishing an agreement version, and adding one published at once", async () => {
    actAs(issuer);
    const { agreement } = await makeAgreement(issuer, { name: "Versioned Kick Terms", versions: 2, active: 1 });
    await makeActiveContract(await makeContract(issuer, agreement.publicId), { email: "on-v1@kick.test" });
    await deliversAtOnce("on-v1@kick.test", async () =>
      expect(await publishAgreementVersionAction({ agreementId: agreement.publicId, number: 2 })).toMatchObject({ ok: true }),
    );
    delivered.length = 0;
    await deliversAtOnce("on-v1@kick.test", async () =>
      expect(await addAgreementVersionAction({ agreementId: agreement.publicId, content: "# Version 3", activate: true })).toMatchObject({
        ok: true,
      }),
    );
  });

  it("Create Partner", async () => {
    actAs(issuer);
    const input = {
      type: "reseller",
      companyName: "Kick Partner Inc.",
      contactEmail: "partner@kick.test",
      agreementMode: "existing",
      agreementId,
      program: false,
      delegate: false,
      kind: "production",
      noteToSignee: "Welcome.",
      linkExpiresOn: defaultExpiryDate(),
      creationKey: randomUUID(),
    };
    await deliversAtOnce("partner@kick.test", async () => expect(await createPartnerAction(input)).toMatchObject({ ok: true }));
  });
});
