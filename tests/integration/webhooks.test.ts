import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { rowsOf } from "@/db/query";
import { createContract } from "@/lib/contracts/create-contract";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { isAppError } from "@/lib/errors";
import { DISABLE_AFTER_MS, deliverDueWebhooks, RETRY_FOR_MS } from "@/lib/webhooks/deliver";
import { createWebhookEndpoint, listWebhookEndpoints, redeliverWebhook, sendTestEvent } from "@/lib/webhooks/endpoints";
import { verifySignature } from "@/lib/webhooks/secret";
import { activateFor, db, makeAccount, makeAgreement, makeContract, makeMember } from "../support/factories";

// Issue 19: webhooks through a real HTTP receiver on loopback (SCP_WEBHOOKS_ALLOW_LOOPBACK=1, tests only).

type Received = { headers: http.IncomingHttpHeaders; body: string };
let received: Received[] = [];
let answers: number[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK = "1";
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end(res.statusCode === 200 ? "thanks" : "receiver is down");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  delete process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK;
  await new Promise((r) => server.close(r));
});
beforeEach(async () => {
  received = [];
  answers = [];
  // Each test counts its own deliveries: what an earlier test left queued is set aside.
  await (await db()).execute(sql`update webhook_deliveries set status = 'failed' where status in ('pending', 'sending')`);
});

async function distributorWithEndpoint(eventTypes: string[] = ["contract.created", "contract.terminated", "contract.activated"]) {
  const who = await makeAccount();
  const agreement = (await makeAgreement(who)).agreement.publicId;
  const { id, secret } = await createWebhookEndpoint(await db(), who.viewer, { url, eventTypes });
  return { who, agreement, endpointId: id, secret };
}
const deliveriesOf = async (endpointId: string) =>
  (await db()).select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

describe("webhooks", () => {
  it("queues the event in the business transaction and delivers it signed; the signature verifies", async () => {
    const { who, agreement, endpointId, secret } = await distributorWithEndpoint();
    const contract = await makeContract(who, agreement);
    expect(await deliveriesOf(endpointId)).toEqual([expect.objectContaining({ status: "pending", eventType: "contract.created" })]);
    const at = new Date();
    expect(await deliverDueWebhooks(await db(), at)).toBe(1);
    expect(received).toHaveLength(1);
    const [hit] = received;
    const event = JSON.parse(hit.body);
    expect(event).toMatchObject({ type: "contract.created", data: { contract: contract.publicId, agreement } });
    expect(hit.headers["scp-event-id"]).toBe(event.id);
    expect(verifySignature(secret, hit.body, String(hit.headers["scp-signature"]), Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature(secret, hit.body + " ", String(hit.headers["scp-signature"]), Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifySignature("whsec_other", hit.body, String(hit.headers["scp-signature"]), Math.floor(Date.now() / 1000))).toBe(false);
    // A replay: the same signature an hour later is refused by the receiver's tolerance.
    expect(verifySignature(secret, hit.body, String(hit.headers["scp-signature"]), Math.floor(Date.now() / 1000) + 3600)).toBe(false);
    expect(await deliveriesOf(endpointId)).toEqual([expect.objectContaining({ status: "delivered", attempts: 1, lastStatusCode: 200 })]);
    // Only subscribed types: a link emailed is not sent to this endpoint.
    expect(await deliverDueWebhooks(await db(), at)).toBe(0);
  });

  it("retries a 500 with back-off; every attempt and a redelivery carry the same event ID and body", async () => {
    const { who, agreement, endpointId } = await distributorWithEndpoint();
    await makeContract(who, agreement);
    answers = [500];
    const t0 = new Date();
    await deliverDueWebhooks(await db(), t0);
    const [failed] = await deliveriesOf(endpointId);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastResponse: "receiver is down" });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(await deliverDueWebhooks(await db(), t0)).toBe(0); // not due yet
    await deliverDueWebhooks(await db(), new Date(t0.getTime() + 61_000));
    expect(received).toHaveLength(2);
    expect(received[1].body).toBe(received[0].body);
    expect(received[1].headers["scp-event-id"]).toBe(received[0].headers["scp-event-id"]);
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
    // Redeliver: a new delivery of the same event.
    await redeliverWebhook(await db(), who.viewer, { deliveryId: failed.id });
    await deliverDueWebhooks(await db(), new Date(t0.getTime() + 120_000));
    expect(received).toHaveLength(3);
    expect(received[2].headers["scp-event-id"]).toBe(received[0].headers["scp-event-id"]);
    expect(received[2].body).toBe(received[0].body);
    const log = (await listWebhookEndpoints(await db(), who.viewer))[0].deliveries;
    expect(log).toHaveLength(2);
  });

  it("gives up after a day of failures, and disables an endpoint failing for days with an email to its staff", async () => {
    const { who, agreement, endpointId } = await distributorWithEndpoint();
    const admin = await makeMember(who, "admin");
    await makeContract(who, agreement);
    const t0 = new Date();
    answers = [500, 500, 500];
    await deliverDueWebhooks(await db(), t0);
    await deliverDueWebhooks(await db(), new Date(t0.getTime() + RETRY_FOR_MS - 60_000));
    const [d] = await deliveriesOf(endpointId);
    expect(d).toMatchObject({ status: "failed", attempts: 2 });
    // Days later another event fails: the endpoint has been failing since t0, so it is disabled.
    await makeContract(who, agreement);
    const later = new Date(t0.getTime() + DISABLE_AFTER_MS + 60_000);
    await (
      await db()
    ).execute(sql`update webhook_deliveries set next_attempt_at = ${later.toISOString()}::timestamptz where status = 'pending'`);
    await deliverDueWebhooks(await db(), later);
    const [endpoint] = await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    expect(endpoint.disabledAt).toEqual(later);
    const mail = await (await db()).select().from(outbox).where(eq(outbox.kind, "webhook_disabled"));
    expect(mail.map((m) => m.to).sort()).toEqual([who.user.email, admin.user.email].sort());
    // A disabled endpoint gets nothing more.
    await makeContract(who, agreement);
    expect(await deliverDueWebhooks(await db(), new Date(later.getTime() + 60_000))).toBe(0);
    await expect(sendTestEvent(await db(), who.viewer, { endpointId })).rejects.toSatisfy((e) => isAppError(e, "conflict"));
  });

  it("a rolled-back change sends nothing", async () => {
    const { who, agreement, endpointId } = await distributorWithEndpoint();
    const database = await db();
    await expect(
      database.transaction(async (tx) => {
        await createContract(
          database,
          who.viewer,
          { agreementId: agreement, kind: "test", noteToSignee: "Hi", linkExpiresOn: defaultExpiryDate() },
          tx,
        );
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await deliveriesOf(endpointId)).toEqual([]);
    expect(await deliverDueWebhooks(database, new Date())).toBe(0);
    expect(received).toEqual([]);
  });

  it("sends to the issuer's endpoints only, for the event types chosen", async () => {
    const { who, agreement, endpointId } = await distributorWithEndpoint(["contract.terminated"]);
    const other = await distributorWithEndpoint(["contract.created", "contract.terminated"]);
    const c = await activateFor(await makeContract(who, agreement), await makeAccount({ role: "reseller" }));
    await terminateContract(await db(), who.viewer, { publicId: c.publicId, reason: "Ended" });
    expect((await deliveriesOf(endpointId)).map((d) => d.eventType)).toEqual(["contract.terminated"]);
    expect(await deliveriesOf(other.endpointId)).toEqual([]);
  });

  it("Send test event delivers a webhook.test event", async () => {
    const { who, endpointId, secret } = await distributorWithEndpoint();
    const { eventId } = await sendTestEvent(await db(), who.viewer, { endpointId });
    await deliverDueWebhooks(await db(), new Date());
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0].body)).toMatchObject({ id: eventId, type: "webhook.test" });
    expect(verifySignature(secret, received[0].body, String(received[0].headers["scp-signature"]), Math.floor(Date.now() / 1000))).toBe(
      true,
    );
  });
});

describe("webhook addresses (SSRF)", () => {
  it("refuses internal addresses, non-https URLs and credentials at save", async () => {
    const who = await makeAccount();
    const save = async (u: string) => createWebhookEndpoint(await db(), who.viewer, { url: u, eventTypes: ["contract.created"] });
    for (const u of [
      "https://10.0.0.5/hook",
      "https://192.168.1.1/hook",
      "https://172.16.0.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::ffff:10.0.0.1]/hook",
      "https://[fe80::1]/hook",
      "https://0.0.0.0/hook",
    ]) {
      await expect(save(u), u).rejects.toMatchObject({ code: "invalid", fieldErrors: { url: expect.stringMatching(/internal address/) } });
    }
    // A public address is accepted (an IP literal: no DNS needed here).
    await expect(save("https://93.184.216.34/hook")).resolves.toMatchObject({ secret: expect.stringMatching(/^whsec_/) });
    await (await db()).delete(webhookEndpoints).where(eq(webhookEndpoints.accountId, who.account.id));
    await expect(save("ftp://example.com/x")).rejects.toMatchObject({ fieldErrors: { url: "The URL must start with https://." } });
    await expect(save("https://user:pw@example.com/x")).rejects.toMatchObject({ fieldErrors: { url: expect.stringMatching(/user name/) } });
    process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK = "0";
    try {
      await expect(save(url)).rejects.toMatchObject({ fieldErrors: { url: "The URL must start with https://." } });
      await expect(save("https://127.0.0.1/hook")).rejects.toMatchObject({
        fieldErrors: { url: expect.stringMatching(/internal address/) },
      });
      await expect(save("https://[::ffff:127.0.0.1]/hook")).rejects.toMatchObject({
        fieldErrors: { url: expect.stringMatching(/internal address/) },
      });
      await expect(save("https://localhost/hook")).rejects.toMatchObject({
        fieldErrors: { url: expect.stringMatching(/internal address/) },
      });
    } finally {
      process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
    const rows = rowsOf(await (await db()).execute(sql`select 1 from webhook_endpoints where account_id = ${who.account.id}`));
    expect(rows).toEqual([]);
  });

  it("checks the address again at delivery and never connects to an internal one", async () => {
    const { who, agreement, endpointId } = await distributorWithEndpoint();
    await makeContract(who, agreement);
    process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK = "0"; // as in production: the saved loopback URL is now internal
    try {
      await deliverDueWebhooks(await db(), new Date());
    } finally {
      process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
    expect(received).toEqual([]);
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: "pending", lastStatusCode: null });
    expect((await deliveriesOf(endpointId))[0].lastResponse).toMatch(/^Not delivered: /);
  });
});
