import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import MailboxMessagePage from "@/app/dev/mailbox/[id]/page";
import MailboxPage from "@/app/dev/mailbox/page";
import { outbox } from "@/db/schema";
import { deliverOutbox } from "@/lib/email/deliver-outbox";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { kickOutbox, startOutboxSender, stopOutboxSender } from "@/lib/email/outbox-sender";
import { renderEmail } from "@/lib/email/render";
import { log } from "@/lib/log";
import { mailboxTransport, transportFromEnv } from "@/lib/email/transport";
import { actAs, db, makeAccount } from "../support/factories";
import { NotFoundSignal, RedirectSignal } from "../support/next";

let staff: Awaited<ReturnType<typeof makeAccount>>;
let messageId: string;

beforeAll(async () => {
  staff = await makeAccount();
  const body = renderEmail({
    heading: "Hi <img src=x onerror=alert(1)>",
    paragraphs: ["Acme <script>alert(2)</script>"],
    button: { label: "Review and activate", href: "http://localhost:3000/activate/abc" },
  });
  await enqueueEmail(await db(), { kind: "invitation", to: "first@example.test", subject: "First", ...body });
  await enqueueEmail(await db(), { kind: "invitation", to: "second@example.test", subject: "Second <b>bold</b>", ...body });
  await deliverOutbox(await db(), mailboxTransport);
  [{ id: messageId }] = await (await db()).select({ id: outbox.id }).from(outbox).where(eq(outbox.to, "first@example.test"));
});
afterEach(() => {
  vi.unstubAllEnvs();
  stopOutboxSender();
});

const renderList = async () => renderToStaticMarkup(await MailboxPage());
const renderMessage = async (id: string) => renderToStaticMarkup(await MailboxMessagePage({ params: Promise.resolve({ id }) }));

describe("development mailbox", () => {
  it("marks mail delivered without it leaving the machine, and lists it newest first for a signed-in user", async () => {
    const rows = await (await db()).select().from(outbox);
    expect(rows.every((r) => r.status === "sent" && r.sentAt)).toBe(true);
    actAs(staff);
    const html = await renderList();
    expect(html.indexOf("second@example.test")).toBeGreaterThan(-1);
    expect(html.indexOf("second@example.test")).toBeLessThan(html.indexOf("first@example.test"));
    expect(html).toContain("Second &lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("Delivered");
  });

  it("shows a message: the text part with a clickable link, the HTML part only inside a sandboxed frame", async () => {
    actAs(staff);
    const html = await renderMessage(messageId);
    expect(html).toContain('<a href="http://localhost:3000/activate/abc"');
    expect(html).toMatch(/<iframe[^>]*sandbox=""/);
    expect(html).toMatch(/<iframe[^>]*srcDoc="[^"]*&amp;lt;img src=x onerror=alert\(1\)&amp;gt;/i); // escaped once by the email, once as an attribute
    expect(html).not.toMatch(/<script|<img/);
  });

  it("sends anonymous visitors to sign in, and answers 404 for an unknown or malformed id", async () => {
    actAs(null);
    await expect(renderList()).rejects.toBeInstanceOf(RedirectSignal);
    await expect(renderList()).rejects.toMatchObject({ url: "/sign-in?callbackUrl=%2Fdev%2Fmailbox" });
    actAs(staff);
    await expect(renderMessage("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundSignal);
    await expect(renderMessage("'; drop table outbox; --")).rejects.toBeInstanceOf(NotFoundSignal);
  });

  it("does not exist in production, even for a signed-in user, unless the e2e switch is set", async () => {
    vi.stubEnv("NODE_ENV", "production");
    actAs(staff);
    await expect(renderList()).rejects.toBeInstanceOf(NotFoundSignal);
    await expect(renderMessage(messageId)).rejects.toBeInstanceOf(NotFoundSignal);
    actAs(null);
    await expect(renderList()).rejects.toBeInstanceOf(NotFoundSignal);
    vi.stubEnv("SCP_DEV_MAILBOX", "1");
    actAs(staff);
    expect(await renderList()).toContain("first@example.test");
  });
});

describe("choosing a transport and running the sender", () => {
  it("uses SMTP when SMTP_URL is set, the mailbox in development, and nothing in production without SMTP_URL", async () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
    expect(transportFromEnv()?.kind).toBe("smtp");
    vi.stubEnv("SMTP_URL", "");
    expect(transportFromEnv()?.kind).toBe("mailbox");
    vi.stubEnv("NODE_ENV", "production");
    expect(transportFromEnv()).toBeNull();
    const warn = vi.spyOn(log, "warn");
    startOutboxSender(null);
    expect(warn).toHaveBeenCalledWith("SMTP_URL is not set: emails are kept in the outbox and not delivered", { component: "outbox" });
    warn.mockRestore();
    await enqueueEmail(await db(), { kind: "invitation", to: "kept@example.test", subject: "Kept", html: "<p>x</p>", text: "x" });
    kickOutbox(); // no sender running: a no-op, never a throw
    expect((await (await db()).select().from(outbox).where(eq(outbox.to, "kept@example.test")))[0].status).toBe("pending");
  });

  it("delivers right away when kicked after a commit, without waiting for the interval", async () => {
    vi.stubEnv("SCP_OUTBOX_INTERVAL_MS", "600000");
    startOutboxSender(mailboxTransport);
    await enqueueEmail(await db(), { kind: "invitation", to: "kicked@example.test", subject: "Kicked", html: "<p>x</p>", text: "x" });
    kickOutbox();
    kickOutbox(); // a second kick during the run queues one more run, never an overlapping one
    await vi.waitFor(
      async () => {
        const [row] = await (await db()).select().from(outbox).where(eq(outbox.to, "kicked@example.test"));
        expect(row.status).toBe("sent");
      },
      { timeout: 5000 },
    );
  });
});
