import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailLinkAction } from "@/app/(portal)/partners/contracts/[publicId]/actions";
import { createContractAction } from "@/app/(portal)/partners/contracts/actions";
import { activateAction } from "@/app/activate/actions";
import { reviewStepAction, userStepAction } from "@/app/activate/step-actions";
import { authenticate } from "@/lib/accounts/authenticate";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { startOutboxSender, stopOutboxSender } from "@/lib/email/outbox-sender";
import type { MailTransport, OutgoingMessage } from "@/lib/email/transport";
import { logRequest } from "@/scripts/server-logging.mjs";
import { actAs, db, makeAccount, makeAgreement, TEST_PASSWORD, tokenOf } from "@/tests/support/factories";
import { captureLogs } from "@/tests/support/logs";
import { resetRequest } from "@/tests/support/next";
import { answerStepsAsNewUser, stepForm, submit } from "./activation-steps-support";

// Issue 22: a whole journey, logged at debug level as production would write it, never holds a password,
// an activation token or an activation link.
const RESELLER_PASSWORD = "violet harbour lanterns drift at dawn";
const WRONG_PASSWORD = "a wrong guess at the staff password";
const delivered: OutgoingMessage[] = [];
const failingOnce: MailTransport = {
  kind: "smtp",
  async send(m) {
    // An SMTP error that quotes the message, as some relays do: the outbox logs the failure.
    if (!delivered.some((d) => d.to === m.to && d.subject === m.subject) && m.to.startsWith("bounce")) {
      delivered.push(m);
      throw new Error(`550 rejected message containing ${m.text.slice(0, 400)}`);
    }
    delivered.push(m);
  },
};

let logs: ReturnType<typeof captureLogs>;
beforeAll(() => {
  vi.stubEnv("SCP_OUTBOX_INTERVAL_MS", "600000");
  logs = captureLogs();
  startOutboxSender(failingOnce);
});
afterAll(async () => {
  await stopOutboxSender();
  logs.restore();
  vi.unstubAllEnvs();
});

/** What a request through scripts/server.mjs adds to the log for this path. */
function served(method: string, url: string, status = 200) {
  const res = Object.assign(new EventEmitter(), { statusCode: status, writableFinished: true });
  logRequest({ method, url }, res, { requestId: randomUUID(), ip: "203.0.113.7" });
  res.emit("close");
}

describe("logs of a whole journey (issue 22)", () => {
  it("hold no password, activation token or activation link", async () => {
    resetRequest();
    const staff = await makeAccount({ name: "Log Hygiene Inc.", email: `staff-${randomUUID()}@hygiene.test` });
    const agreementId = (await makeAgreement(staff, { name: "Hygiene Terms" })).agreement.publicId;

    // Staff sign in (one wrong guess first), create a contract and email its link twice (one bounce).
    served("POST", "/sign-in");
    expect(
      await authenticate(await db(), { email: staff.user.email, password: WRONG_PASSWORD, ip: "203.0.113.7", userAgent: "journey" }),
    ).toMatchObject({ status: "invalid" });
    expect(
      await authenticate(await db(), { email: staff.user.email, password: TEST_PASSWORD, ip: "203.0.113.7", userAgent: "journey" }),
    ).toMatchObject({ status: "ok" });
    actAs(staff);
    const created = await createContractAction({
      agreementId,
      program: true,
      delegate: false,
      kind: "test",
      noteToSignee: "Welcome.",
      internalNote: "",
      linkExpiresOn: defaultExpiryDate(),
      signeeEmail: "bounce@hygiene.test",
      creationKey: randomUUID(),
    });
    expect(created).toMatchObject({ ok: true });
    const publicId = (created as { data: { publicId: string } }).data.publicId;
    await vi.waitFor(() => expect(delivered.some((m) => m.to === "bounce@hygiene.test")).toBe(true), { timeout: 30_000 });
    expect(await emailLinkAction({ publicId, signeeEmail: "signee@hygiene.test" })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(delivered.some((m) => m.to === "signee@hygiene.test")).toBe(true), { timeout: 30_000 });
    const link = /https?:\/\/\S+\/activate\/[A-Za-z0-9_-]+/.exec(delivered.find((m) => m.to === "signee@hygiene.test")!.text)![0];
    const token = tokenOf(link);

    // The reseller (signed out) opens the link, tries a weak password, then activates.
    actAs(null);
    served("GET", `/activate/${token}`);
    served("GET", `/activate/${token}?step=company`);
    await submit(reviewStepAction, stepForm(token, { email: "pat@hygiene.test", accepted: "on" }));
    const weak = await submit(userStepAction, stepForm(token, { fullName: "Pat", password: "pat@hygiene.test" }));
    expect(weak.state).toMatchObject({ ok: false });
    await answerStepsAsNewUser(token, {
      email: "pat@hygiene.test",
      fullName: "Pat Hygiene",
      password: RESELLER_PASSWORD,
      companyName: "Hygiene Resale Ltd",
    });
    served("POST", `/activate/${token}`, 303);
    await expect(activateAction(null, stepForm(token))).rejects.toMatchObject({ url: expect.stringMatching(/^\/reseller/) });
    // A second attempt at the used link, and sign-ins with the new password, right and wrong.
    expect(await activateAction(null, stepForm(token))).toMatchObject({ ok: false, error: expect.stringMatching(/already active/) });
    expect(
      await authenticate(await db(), { email: "pat@hygiene.test", password: RESELLER_PASSWORD, ip: "198.51.100.4", userAgent: "journey" }),
    ).toMatchObject({ status: "ok" });
    expect(
      await authenticate(await db(), {
        email: "pat@hygiene.test",
        password: `${RESELLER_PASSWORD}!`,
        ip: "198.51.100.4",
        userAgent: "journey",
      }),
    ).toMatchObject({ status: "invalid" });
    await vi.waitFor(() => expect(delivered.some((m) => /activated/i.test(m.subject))).toBe(true), { timeout: 30_000 });

    const text = logs.text();
    const events = logs.events();
    // The journey was logged (so the absence below means something)...
    expect(events.map((e) => e.event).filter(Boolean)).toEqual(expect.arrayContaining(["signin.failure", "signin.success"]));
    expect(events.some((e) => e.path === "/activate/[token]" && e.method === "POST")).toBe(true);
    expect(events.some((e) => e.component === "outbox" && Number(e.retried) >= 1)).toBe(true);
    // ...and holds none of the secrets.
    for (const secret of [
      token,
      link,
      encodeURIComponent(link),
      RESELLER_PASSWORD,
      WRONG_PASSWORD,
      TEST_PASSWORD,
      `${RESELLER_PASSWORD}!`,
    ]) {
      expect(text, `the logs contain ${secret}`).not.toContain(secret);
    }
  });
});
