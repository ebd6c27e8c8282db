import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts, events, outbox } from "@/db/schema";
import { createContract } from "@/lib/contracts/create-contract";
import { expireEndedContracts, extendContract, sendEndNotices } from "@/lib/contracts/end-date";
import { createPartner } from "@/lib/directory/create-partner";
import { registeredJobs, runScheduledJobs } from "@/lib/scheduler/jobs";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract, makeMember, tokenOf, viewerFor } from "../support/factories";

// Issue 21, part 1: an optional end date, the `expired` status set by the scheduler from `now`, the
// notices 30, 7 and 1 days before (each once), and Extend. Time is only ever the `now` passed in.

const DAY = 86_400_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);

type Account = Awaited<ReturnType<typeof makeAccount>>;
let issuer: Account;
let agreementId: string;
beforeAll(async () => {
  issuer = await makeAccount();
  await makeMember(issuer, "readonly");
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const rowOf = async (id: string) => (await (await db()).select().from(contracts).where(eq(contracts.id, id)))[0];
const eventsOf = async (id: string) => (await (await db()).select().from(events).where(eq(events.subjectId, id))).map((e) => e.type);
const mailsOf = async (id: string, kind: string) =>
  (
    await (
      await db()
    )
      .select()
      .from(outbox)
      .where(and(eq(outbox.contractId, id), eq(outbox.kind, kind)))
  )
    .map((m) => m.to)
    .sort();

/** An active contract ending at the end of `endsOn`, owned by a reseller with two users, granting Program. */
async function activeEnding(endsOn: string) {
  const c = await makeContract(issuer, agreementId, { endsOn, program: true });
  const { reseller } = await makeActiveContract(c);
  const second = await makeMember(reseller, "member");
  const staff = (await viewerFor(issuer.user.id))!;
  return { c, reseller, second, staff };
}

describe("the end date in the wizard and Create Partner", () => {
  it("is optional, stored as the end of the chosen day (UTC), and named in the created event", async () => {
    const none = await makeContract(issuer, agreementId);
    expect((await rowOf(none.id)).endsAt).toBeNull();
    const day = dayIn(90);
    const c = await makeContract(issuer, agreementId, { endsOn: day });
    expect((await rowOf(c.id)).endsAt).toEqual(endOf(day));
    const [created] = await (await db()).select().from(events).where(eq(events.subjectId, c.id));
    expect(created.data).toMatchObject({ endsAt: endOf(day).toISOString() });
    const blank = await makeContract(issuer, agreementId, { endsOn: "  " });
    expect((await rowOf(blank.id)).endsAt).toBeNull();
  });

  it("refuses past days, days more than two years ahead and days that are not on the calendar, next to the field", async () => {
    const cases: [string, RegExp][] = [
      ["2020-01-01", /must be in the future/],
      [dayIn(731 + 1), /at most two years ahead/],
      ["2027-02-30", /does not exist/],
      ["2027-13-01", /does not exist/],
      ["tomorrow", /Choose an end date/],
    ];
    for (const [endsOn, message] of cases) {
      await expect(
        createContract(await db(), issuer.viewer, { agreementId, kind: "test", noteToSignee: "Hi", linkExpiresOn: dayIn(30), endsOn }),
        endsOn,
      ).rejects.toMatchObject({ code: "invalid", fieldErrors: { endsOn: expect.stringMatching(message) } });
    }
    // Two years ahead is allowed.
    await expect(makeContract(issuer, agreementId, { endsOn: dayIn(729) })).resolves.toBeTruthy();
  });

  it("Create Partner passes it on to the contract", async () => {
    const day = dayIn(200);
    const made = await createPartner(await db(), issuer.viewer, {
      type: "reseller",
      companyName: "Ending Partner LLC",
      contactEmail: "ending@example.test",
      agreementMode: "existing",
      agreementId,
      kind: "production",
      noteToSignee: "Hi",
      linkExpiresOn: dayIn(30),
      program: false,
      delegate: false,
      endsOn: day,
    });
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.publicId, made.contractPublicId));
    expect(row.endsAt).toEqual(endOf(day));
  });
});

describe("expiry by the scheduler", () => {
  it("the jobs are registered with the scheduler that the server loop runs", () => {
    expect(registeredJobs().map((j) => j.name)).toEqual(
      expect.arrayContaining(["contract-end-notices", "contract-expiry", "contract-proposal-expiry"]),
    );
  });

  it("does nothing before the end; after it, the contract is expired once, with an event and mail to both sides", async () => {
    const day = dayIn(40);
    const { c, reseller, second } = await activeEnding(day);
    const end = endOf(day);
    await expireEndedContracts(await db(), new Date(end.getTime() - 1));
    expect((await rowOf(c.id)).status).toBe("active");
    // The reseller holds Program through the contract until the very request after it expires.
    expect((await viewerFor(reseller.user.id))!.permissions.agreement.program.create).toBe(true);

    const at = new Date(end.getTime() + 1);
    expect(await runScheduledJobs(await db(), at)).toMatchObject({ "contract-expiry": expect.any(Number) });
    const row = await rowOf(c.id);
    expect(row.status).toBe("expired");
    expect(row.expiredAt).toEqual(at);
    expect((await viewerFor(reseller.user.id))!.permissions.agreement.program.create).toBe(false);
    expect(await eventsOf(c.id)).toContain("contract.expired");
    const mails = await mailsOf(c.id, "contract_expired");
    expect(mails).toEqual(expect.arrayContaining([issuer.user.email, reseller.user.email, second.user.email]));
    // The issuer's Read-only member is staff too.
    expect(mails).toHaveLength(4);

    // Again: nothing more.
    await expireEndedContracts(await db(), new Date(at.getTime() + DAY));
    expect((await eventsOf(c.id)).filter((t) => t === "contract.expired")).toHaveLength(1);
    expect(await mailsOf(c.id, "contract_expired")).toHaveLength(4);
  });

  it("an expired contract's activation link reads as used, never as a pending invitation", async () => {
    const day = dayIn(10);
    const { c } = await activeEnding(day);
    await expireEndedContracts(await db(), new Date(endOf(day).getTime() + 1));
    const { resolveActivationLink } = await import("@/lib/activation/resolve-activation-link");
    expect(await resolveActivationLink(await db(), tokenOf(c.activationLink))).toEqual({ state: "activated" });
  });

  it("leaves contracts without an end date, and pending ones, alone", async () => {
    const open = await makeContract(issuer, agreementId);
    await makeActiveContract(open);
    const pending = await makeContract(issuer, agreementId, { endsOn: dayIn(3) });
    await expireEndedContracts(await db(), new Date(Date.now() + 3 * 365 * DAY));
    expect((await rowOf(open.id)).status).toBe("active");
    expect((await rowOf(pending.id)).status).toBe("pending");
  });

  it("the History wording and the details name the expiry", async () => {
    const { describeHistoryEntry } = await import("@/components/contracts/details/history-words");
    expect(
      describeHistoryEntry({
        source: "event",
        at: new Date(),
        userName: null,
        type: "contract.expired",
        data: { endsAt: "2027-03-01T23:59:59.999Z" },
      }),
    ).toBe("Contract expired: its end date Mar 1, 2027 passed");
    expect(
      describeHistoryEntry({
        source: "mail",
        at: new Date(),
        kind: "contract_end_notice",
        to: "a@b.test",
        status: "sent",
        lastError: null,
      }),
    ).toBe("End date reminder delivered to a@b.test");
  });
});

describe("notices before the end", () => {
  it("30, 7 and 1 days before, each exactly once, to the issuer's staff and the reseller's users", async () => {
    const day = dayIn(60);
    const { c } = await activeEnding(day);
    const end = endOf(day).getTime();
    const d = await db();
    const kinds = async () => (await mailsOf(c.id, "contract_end_notice")).length;
    await sendEndNotices(d, new Date(end - 31 * DAY));
    expect(await kinds()).toBe(0);
    await sendEndNotices(d, new Date(end - 29 * DAY));
    expect(await kinds()).toBe(4);
    await sendEndNotices(d, new Date(end - 20 * DAY));
    await sendEndNotices(d, new Date(end - 8 * DAY));
    expect(await kinds()).toBe(4);
    await sendEndNotices(d, new Date(end - 6 * DAY));
    expect(await kinds()).toBe(8);
    await sendEndNotices(d, new Date(end - 2 * DAY));
    expect(await kinds()).toBe(8);
    await sendEndNotices(d, new Date(end - DAY / 2));
    await sendEndNotices(d, new Date(end - DAY / 4));
    expect(await kinds()).toBe(12);
    const subjects = (
      await d
        .select()
        .from(outbox)
        .where(and(eq(outbox.contractId, c.id), eq(outbox.kind, "contract_end_notice")))
    ).map((m) => m.text);
    expect(subjects.some((t) => t.includes("in 30 days or less"))).toBe(true);
    expect(subjects.some((t) => t.includes("in 7 days or less"))).toBe(true);
    expect(subjects.some((t) => t.includes("in less than a day"))).toBe(true);
  });

  it("two scheduler instances at once still send each notice once", async () => {
    const day = dayIn(50);
    const { c } = await activeEnding(day);
    const at = new Date(endOf(day).getTime() - 3 * DAY);
    const d = await db();
    await Promise.all([sendEndNotices(d, at), sendEndNotices(d, at), runScheduledJobs(d, at)]);
    expect(await mailsOf(c.id, "contract_end_notice")).toHaveLength(4);
  });

  it("a contract made with 5 days left gets only the 7-day and 1-day notices", async () => {
    const day = dayIn(5);
    const { c } = await activeEnding(day);
    const end = endOf(day).getTime();
    await sendEndNotices(await db(), new Date(end - 4 * DAY));
    await sendEndNotices(await db(), new Date(end - DAY / 2));
    expect(await mailsOf(c.id, "contract_end_notice")).toHaveLength(8);
  });
});

describe("Extend", () => {
  it("moves the end date later, with an event and mail to both sides; the new date gets its own notices", async () => {
    const day = dayIn(20);
    const { c } = await activeEnding(day);
    const d = await db();
    await sendEndNotices(d, new Date(endOf(day).getTime() - 10 * DAY));
    expect(await mailsOf(c.id, "contract_end_notice")).toHaveLength(4);
    const later = dayIn(120);
    const done = await extendContract(d, issuer.viewer, { publicId: c.publicId, endsOn: later });
    expect(done.endsAt).toEqual(endOf(later));
    expect((await rowOf(c.id)).endsAt).toEqual(endOf(later));
    expect(await eventsOf(c.id)).toContain("contract.extended");
    expect(await mailsOf(c.id, "contract_extended")).toHaveLength(4);
    // The old end passes: nothing expires.
    await expireEndedContracts(d, new Date(endOf(day).getTime() + DAY));
    expect((await rowOf(c.id)).status).toBe("active");
    await sendEndNotices(d, new Date(endOf(later).getTime() - 10 * DAY));
    expect(await mailsOf(c.id, "contract_end_notice")).toHaveLength(8);
  });

  it("refuses an earlier or equal day, a contract without end date, an expired one, and another tenant's", async () => {
    const day = dayIn(30);
    const { c } = await activeEnding(day);
    const d = await db();
    await expect(extendContract(d, issuer.viewer, { publicId: c.publicId, endsOn: dayIn(10) })).rejects.toMatchObject({
      fieldErrors: { endsOn: "Choose a day later than the current end date." },
    });
    await expect(extendContract(d, issuer.viewer, { publicId: c.publicId, endsOn: "2027-02-30" })).rejects.toMatchObject({
      code: "invalid",
    });
    const other = await makeAccount();
    await expect(extendContract(d, other.viewer, { publicId: c.publicId, endsOn: dayIn(60) })).rejects.toMatchObject({ code: "not_found" });
    const open = await makeContract(issuer, agreementId);
    await makeActiveContract(open);
    await expect(extendContract(d, issuer.viewer, { publicId: open.publicId, endsOn: dayIn(60) })).rejects.toMatchObject({
      message: "This contract has no end date to extend.",
    });
    // Past its end (the job has not run yet): too late, and once expired it says so.
    await expect(
      extendContract(d, issuer.viewer, { publicId: c.publicId, endsOn: dayIn(60) }, new Date(endOf(day).getTime() + 1)),
    ).rejects.toMatchObject({ code: "stale", message: expect.stringMatching(/reached its end date/) });
    await expireEndedContracts(d, new Date(endOf(day).getTime() + 1));
    await expect(extendContract(d, issuer.viewer, { publicId: c.publicId, endsOn: dayIn(60) })).rejects.toMatchObject({
      code: "stale",
      message: expect.stringMatching(/no longer active \(it is expired\)/),
    });
    expect((await rowOf(c.id)).endsAt).toEqual(endOf(day));
  });
});
