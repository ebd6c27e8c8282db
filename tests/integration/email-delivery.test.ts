import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contracts, outbox } from "@/db/schema";
import { deliverOutbox, MAX_ATTEMPTS } from "@/lib/email/deliver-outbox";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { enqueueInvitation } from "@/lib/email/messages";
import { smtpTransport, type MailTransport } from "@/lib/email/transport";
import { hashToken } from "@/lib/security/tokens";
import { db, makeAccount, makeAgreement, makeContract, tokenOf } from "../support/factories";
import { startSmtpServer } from "../support/smtp-server";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: MailTransport;
let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url, "Service Contracts <no-reply@portal.test>");
  issuer = await makeAccount({ name: "Northwind <script>alert(1)</script> & Co" });
  agreementId = (await makeAgreement(issuer, { name: 'Reseller "Gold" <b>terms</b>' })).agreement.publicId;
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.received.length = 0;
});

async function rowsTo(to: string) {
  return (await db()).select().from(outbox).where(eq(outbox.to, to));
}
/** Pretend the back-off has passed instead of waiting for it. */
async function makeDue(to: string) {
  await (
    await db()
  )
    .update(outbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(outbox.to, to));
}
async function secondsUntilNextAttempt(to: string): Promise<number> {
  const [{ wait }] = await (
    await db()
  )
    .select({ wait: sql<number>`extract(epoch from ${outbox.nextAttemptAt} - now())::float` })
    .from(outbox)
    .where(eq(outbox.to, to));
  return wait;
}
const mail = (to: string, subject = "Hello") => ({ kind: "invitation" as const, to, subject, html: "<p>Hi</p>", text: "Hi" });

describe("outbox delivery over SMTP", () => {
  it("delivers the invitation with both parts, the distributor's name, the agreement, the note, the expiry and a working link", async () => {
    const created = await makeContract(issuer, agreementId, {
      signeeEmail: "signee-1@example.test",
      noteToSignee: "See you on the platform.",
      kind: "test",
    });
    const report = await deliverOutbox(await db(), transport);
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const [m] = smtp.received.filter((r) => r.envelopeTo.includes("signee-1@example.test"));
    expect(m.envelopeTo).toEqual(["signee-1@example.test"]);
    expect(m.headers.from).toContain("no-reply@portal.test");
    // The issuing account is always named with its public ID (docs/security-requirements.md 36): a name can be imitated, the ID cannot.
    expect(m.subject).toBe(
      `[TEST] Northwind <script>alert(1)</script> & Co (${issuer.account.publicId}) invites you to sign a service contract`,
    );
    expect(m.text).toContain(`Northwind <script>alert(1)</script> & Co, account ${issuer.account.publicId}, has invited you`);
    for (const part of [m.text, m.html]) {
      expect(part).toContain(created.activationLink);
      expect(part).toContain("See you on the platform.");
      expect(part).toMatch(/expires on [A-Z][a-z]+ \d{1,2}, \d{4}/);
      expect(part).toMatch(/TEST contract/);
    }
    expect(m.text).toContain('Reseller "Gold" <b>terms</b>');
    expect(m.text).toContain("Northwind <script>alert(1)</script> & Co");
    // User-supplied names are escaped in the HTML part: no live tags.
    expect(m.html).toContain("Northwind &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(m.html).toContain("Reseller &quot;Gold&quot; &lt;b&gt;terms&lt;/b&gt;");
    expect(m.html).not.toMatch(/<script|<b>terms/);
    // The link carries the very token whose hash the contract stores.
    const [c] = await (await db()).select().from(contracts).where(eq(contracts.id, created.id));
    expect(hashToken(tokenOf(created.activationLink))).toBe(c.tokenHash);
    expect(m.html).toContain(`href="${created.activationLink}"`);
    const [row] = await rowsTo("signee-1@example.test");
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("cleans CR/LF out of subjects, so no header can be injected", async () => {
    await enqueueEmail(await db(), mail("crlf@example.test", "Welcome\r\nBcc: thief@evil.test\nX-Evil: 1"));
    await deliverOutbox(await db(), transport);
    const [m] = smtp.received.filter((r) => r.envelopeTo.includes("crlf@example.test"));
    expect(m.subject).toBe("Welcome Bcc: thief@evil.test X-Evil: 1");
    expect(m.headers.bcc).toBeUndefined();
    expect(m.headers["x-evil"]).toBeUndefined();
    expect(m.envelopeTo).toEqual(["crlf@example.test"]);
  });

  it("strips bidi overrides, isolates, marks and control characters from subjects, so a name cannot reorder what the reader sees", async () => {
    const spoof = await makeAccount({ name: "Acme\u202Egnp.exe\u202C Trading\u2066 Ltd\u2069\u200E\u200F\u0007\u001b[31m" });
    const agreement = (await makeAgreement(spoof)).agreement.publicId;
    await makeContract(spoof, agreement, { signeeEmail: "bidi@example.test" });
    await enqueueEmail(await db(), mail("bidi-raw@example.test", "Hi\u202Dthere\u202A \u2067x\u2068\u0000\u0085y\u009b\u061c\ufeff"));
    await deliverOutbox(await db(), transport);
    const [invite] = smtp.received.filter((r) => r.envelopeTo.includes("bidi@example.test"));
    expect(invite.subject).toBe(`Acmegnp.exe Trading Ltd[31m (${spoof.account.publicId}) invites you to sign a service contract`);
    const [raw] = smtp.received.filter((r) => r.envelopeTo.includes("bidi-raw@example.test"));
    expect(raw.subject).toBe("Hithere x y");
    for (const m of [invite, raw])
      expect(m.subject).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  });

  it("retries after the server refuses once: back to pending with back-off and the reason, then sent when due", async () => {
    await enqueueEmail(await db(), mail("retry@example.test"));
    smtp.refuse(1, "Greylisted, try again later");
    const first = await deliverOutbox(await db(), transport);
    expect(first.retried).toBe(1);
    let [row] = await rowsTo("retry@example.test");
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/Greylisted/);
    const wait = await secondsUntilNextAttempt("retry@example.test");
    expect(wait).toBeGreaterThan(25);
    expect(wait).toBeLessThanOrEqual(31);

    await deliverOutbox(await db(), transport); // not due yet: nothing happens
    expect(smtp.received).toHaveLength(0);
    await makeDue("retry@example.test");
    await deliverOutbox(await db(), transport);
    [row] = await rowsTo("retry@example.test");
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.received.filter((r) => r.envelopeTo.includes("retry@example.test"))).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with the reason, and never tries again`, async () => {
    await enqueueEmail(await db(), mail("bounce@example.test"));
    smtp.refuseAddress("bounce@example.test", "No such user here");
    const waits: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await makeDue("bounce@example.test");
      await deliverOutbox(await db(), transport);
      waits.push(Math.round((await secondsUntilNextAttempt("bounce@example.test")) / 10) * 10);
    }
    const [row] = await rowsTo("bounce@example.test");
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.lastError).toMatch(new RegExp(`Gave up after ${MAX_ATTEMPTS} attempts: .*No such user here`));
    expect(waits.slice(0, 3)).toEqual([30, 60, 120]); // exponential back-off between attempts
    await makeDue("bounce@example.test");
    await deliverOutbox(await db(), transport);
    expect((await rowsTo("bounce@example.test"))[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(smtp.received).toHaveLength(0);
  });

  it("recovers a row left in 'sending' by a sender that died, once its claim has expired", async () => {
    await enqueueEmail(await db(), mail("crashed@example.test"));
    await (
      await db()
    )
      .update(outbox)
      .set({ status: "sending", attempts: 1, nextAttemptAt: sql`now() + interval '5 minutes'` })
      .where(eq(outbox.to, "crashed@example.test"));
    await deliverOutbox(await db(), transport);
    expect(smtp.received).toHaveLength(0); // still claimed by the (dead) sender
    await makeDue("crashed@example.test");
    await deliverOutbox(await db(), transport);
    expect((await rowsTo("crashed@example.test"))[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it("never sends a message twice when two senders run at once", async () => {
    const to = Array.from({ length: 12 }, (_, i) => `concurrent-${i}@example.test`);
    for (const t of to) await enqueueEmail(await db(), mail(t));
    // On PostgreSQL the two runs overlap and SKIP LOCKED splits the rows; PGlite serializes them.
    const reports = await Promise.all([
      deliverOutbox(await db(), transport, { batch: 5 }),
      deliverOutbox(await db(), transport, { batch: 5 }),
    ]);
    while ((await deliverOutbox(await db(), transport, { batch: 5 })).sent > 0);
    expect(reports[0].sent + reports[1].sent).toBe(10);
    const got = smtp.received.flatMap((r) => r.envelopeTo).sort();
    expect(got).toEqual([...to].sort());
    const rows = await (await db()).select().from(outbox).where(inArray(outbox.to, to));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("writes no outbox row and sends nothing for a change whose transaction rolled back", async () => {
    const created = await makeContract(issuer, agreementId);
    await expect(
      (await db()).transaction(async (tx) => {
        await enqueueInvitation(tx, {
          contractId: created.id,
          contractPublicId: created.publicId,
          to: "rolled-back@example.test",
          token: tokenOf(created.activationLink),
        });
        await enqueueEmail(tx, mail("rolled-back-2@example.test"));
        throw new Error("the business change failed");
      }),
    ).rejects.toThrow("the business change failed");
    expect(await rowsTo("rolled-back@example.test")).toHaveLength(0);
    expect(await rowsTo("rolled-back-2@example.test")).toHaveLength(0);
    expect(await (await db()).select().from(outbox).where(eq(outbox.contractId, created.id))).toHaveLength(0);
    await deliverOutbox(await db(), transport);
    expect(smtp.received).toHaveLength(0);
  });
});
