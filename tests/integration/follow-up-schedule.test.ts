import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import { contractFollowUps, contracts, outbox } from "@/db/schema";
import { setClockOffset } from "@/lib/clock";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { emailLink } from "@/lib/contracts/email-link";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { deliverOutbox } from "@/lib/email/deliver-outbox";
import type { MailTransport, OutgoingMessage } from "@/lib/email/transport";
import { updateReminderPolicy } from "@/lib/follow-up/policy";
import { runFollowUps } from "@/lib/follow-up/run-follow-ups";
import { registeredJobs } from "@/lib/scheduler/jobs";
import { activateFor, db, makeAccount, makeAgreement, makeContract, tokenOf } from "../support/factories";

const DAY = 86_400_000;
const FOLLOW_UP_KINDS = ["reminder", "link_expiry_notice", "link_expiry_staff_notice", "link_expired_notice"];

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

afterEach(() => setClockOffset(0));

/** A day `days` from today, as the wizard's date field gives it. */
const dayIn = (days: number) => defaultExpiryDate(new Date(Date.now() + (days - 30) * DAY));

async function followUpMail(contractId: string) {
  return (await db())
    .select({ kind: outbox.kind, to: outbox.to, status: outbox.status, lastError: outbox.lastError, text: outbox.text })
    .from(outbox)
    .where(and(eq(outbox.contractId, contractId), inArray(outbox.kind, FOLLOW_UP_KINDS)));
}

async function armedAt(contractId: string): Promise<number> {
  const [row] = await (await db()).select().from(contractFollowUps).where(eq(contractFollowUps.contractId, contractId));
  return row.armedAt.getTime();
}

/** Runs the job once a day (one minute past each whole day since the schedule started) and notes what each day queued. */
async function walk(contractId: string, fromDay: number, toDay: number, start?: number): Promise<Record<number, string[]>> {
  const t0 = start ?? (await armedAt(contractId));
  const byDay: Record<number, string[]> = {};
  let seen = (await followUpMail(contractId)).length;
  for (let d = fromDay; d <= toDay; d++) {
    await runFollowUps(await db(), new Date(t0 + d * DAY + 60_000));
    const mail = await followUpMail(contractId);
    if (mail.length > seen) byDay[d] = mail.slice(seen).map((m) => m.kind);
    seen = mail.length;
  }
  return byDay;
}

describe("the follow-up schedule, driven by the clock", () => {
  it("is registered with the scheduler", () => {
    expect(registeredJobs().map((j) => j.name)).toContain("invitation-follow-ups");
  });

  it("reminds on days 3, 7 and 11 (defaults 3 / 4 / 3), warns 3 days before expiry, tells the staff at expiry, and nothing twice", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "signee@example.test", linkExpiresOn: dayIn(20) });
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.id, c.id));
    const t0 = await armedAt(c.id);
    const soonDay = Math.ceil((row.linkExpiresAt.getTime() - 3 * DAY - t0 - 60_000) / DAY);
    const expiredDay = Math.ceil((row.linkExpiresAt.getTime() - t0 - 60_000) / DAY);

    const byDay = await walk(c.id, 0, 40);
    expect(byDay).toEqual({
      3: ["reminder"],
      7: ["reminder"],
      11: ["reminder"],
      [soonDay]: ["link_expiry_notice", "link_expiry_staff_notice"],
      [expiredDay]: ["link_expired_notice"],
    });
    // Running the same days again (a second instance, a re-run) queues nothing more.
    expect(await walk(c.id, 0, 40, t0)).toEqual({});

    const mail = await followUpMail(c.id);
    expect(mail.filter((m) => m.kind === "reminder").map((m) => m.to)).toEqual([
      "signee@example.test",
      "signee@example.test",
      "signee@example.test",
    ]);
    expect(mail.find((m) => m.kind === "link_expiry_staff_notice")).toMatchObject({ to: issuer.user.email });
    expect(mail.find((m) => m.kind === "link_expiry_staff_notice")?.text).toContain(`/partners/contracts/${c.publicId}`);
    expect(mail.find((m) => m.kind === "link_expired_notice")).toMatchObject({ to: issuer.user.email });
  });

  it("sends a reminder with the live activation link, and History says it was delivered", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "live@example.test" });
    await walk(c.id, 0, 3);
    const sent: OutgoingMessage[] = [];
    const transport: MailTransport = { kind: "mailbox", send: async (m) => void sent.push(m) };
    await deliverOutbox(await db(), transport);
    const reminder = sent.find((m) => m.to === "live@example.test" && m.subject.includes("Reminder 1"));
    expect(reminder).toBeDefined();
    const link = /https?:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/.exec(reminder!.text)?.[0];
    expect(link).toBeDefined();
    expect((await resolveActivationLink(await db(), tokenOf(link!))).state).toBe("pending");
    expect(reminder!.subject).toContain(issuer.account.publicId);
    const words = (await listContractHistory(await db(), issuer.viewer, c.publicId, "issuer")).map(describeHistoryEntry);
    expect(words).toContain("Reminder email delivered to live@example.test");
  });

  it("sends nothing once the contract is activated", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "quick@example.test" });
    expect(await walk(c.id, 0, 3)).toEqual({ 3: ["reminder"] });
    await activateFor(c, await makeAccount({ role: "reseller" }));
    expect(await walk(c.id, 4, 45)).toEqual({});
  });

  it("never reminds after the link expired; a reminder due after the warning window is not sent", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "late@example.test", linkExpiresOn: dayIn(10) });
    const byDay = await walk(c.id, 0, 60);
    const kinds = Object.values(byDay).flat();
    expect(kinds.filter((k) => k === "reminder")).toHaveLength(2); // days 3 and 7; day 11 is past the expiry
    expect(byDay[3]).toEqual(["reminder"]);
    expect(byDay[7]).toEqual(["reminder"]);
    const lastDay = Math.max(...Object.keys(byDay).map(Number));
    expect(byDay[lastDay]).toEqual(["link_expired_notice"]);
  });

  it("sends no reminder without a signee email or with Send reminders off, but still tells the staff about expiry", async () => {
    const noEmail = await makeContract(issuer, agreementId, { linkExpiresOn: dayIn(8) });
    const off = await makeContract(issuer, agreementId, { signeeEmail: "off@example.test", sendReminders: false, linkExpiresOn: dayIn(8) });
    await walk(noEmail.id, 0, 20);
    for (const c of [noEmail, off]) {
      const kinds = (await followUpMail(c.id)).map((m) => m.kind);
      expect(kinds).not.toContain("reminder");
      expect(kinds).toContain("link_expiry_staff_notice");
      expect(kinds).toContain("link_expired_notice");
    }
    // The signee of the contract with reminders off still hears that the invitation expires soon.
    expect((await followUpMail(off.id)).filter((m) => m.kind === "link_expiry_notice").map((m) => m.to)).toEqual(["off@example.test"]);
  });

  it("follows the account's policy: another schedule, or none at all", async () => {
    const other = await makeAccount();
    const ag = (await makeAgreement(other)).agreement.publicId;
    await updateReminderPolicy(await db(), other.viewer, { enabled: true, firstAfterDays: 1, everyDays: 2, maxReminders: 2 });
    const c = await makeContract(other, ag, { signeeEmail: "policy@example.test" });
    expect(await walk(c.id, 0, 10)).toEqual({ 1: ["reminder"], 3: ["reminder"] });

    await updateReminderPolicy(await db(), other.viewer, { enabled: false, firstAfterDays: 1, everyDays: 2, maxReminders: 2 });
    const quiet = await makeContract(other, ag, { signeeEmail: "quiet@example.test" });
    expect(await walk(quiet.id, 0, 10)).toEqual({});
  });

  it("starts over when the link is emailed again, and regenerating cancels the unsent reminders of the old link", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "again@example.test" });
    const t0 = await armedAt(c.id);
    expect(await walk(c.id, 0, 5, t0)).toEqual({ 3: ["reminder"] });

    setClockOffset(5 * DAY); // Email link on day 5
    await emailLink(await db(), issuer.viewer, { publicId: c.publicId, signeeEmail: "again@example.test" });
    expect(await walk(c.id, 0, 5)).toEqual({ 3: ["reminder"] }); // day 5 + 3
    expect((await followUpMail(c.id)).filter((m) => m.kind === "reminder")).toHaveLength(2);

    // That reminder has not gone out yet: Regenerate withdraws it (it carries the old link).
    await regenerateLink(await db(), issuer.viewer, { publicId: c.publicId, linkExpiresOn: dayIn(30) });
    const reminders = (await followUpMail(c.id)).filter((m) => m.kind === "reminder");
    expect(reminders.map((m) => [m.status, m.lastError])).toEqual([
      ["failed", "Cancelled: the link was regenerated"],
      ["failed", "Cancelled: the link was regenerated"],
    ]);
    const words = (await listContractHistory(await db(), issuer.viewer, c.publicId, "issuer")).map(describeHistoryEntry);
    expect(words).toContain("Reminder email to again@example.test was not sent: the link was regenerated");
  });

  it("queues each slot once even when the job runs again after its state was lost (a crash), or in two instances at once", async () => {
    const many = [];
    for (let i = 0; i < 12; i++) many.push(await makeContract(issuer, agreementId, { signeeEmail: `race${i}@example.test` }));
    const t0 = Math.max(...(await Promise.all(many.map((c) => armedAt(c.id)))));
    const at = new Date(t0 + 3 * DAY + 60_000);
    // Two "instances" at once (real concurrency on PostgreSQL: separate connections, SKIP LOCKED).
    const runs = await Promise.all([runFollowUps(await db(), at, 5), runFollowUps(await db(), at, 5), runFollowUps(await db(), at, 5)]);
    const ids = many.map((c) => c.id);
    const count = async () =>
      (
        await (
          await db()
        )
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(inArray(outbox.contractId, ids), eq(outbox.kind, "reminder")))
      ).length;
    expect(await count()).toBe(12);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(12);
    // As if a run had queued the mail but its next-check update was lost: every contract is due again.
    await (
      await db()
    ).execute(sql`update contract_follow_ups set next_check_at = ${new Date(t0).toISOString()}::timestamptz
      where contract_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    await Promise.all([runFollowUps(await db(), at), runFollowUps(await db(), at)]);
    expect(await count()).toBe(12);
  });
});
