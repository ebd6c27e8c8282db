import { eq, sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ReminderSettingsPage from "@/app/(portal)/settings/reminders/page";
import { POST as openedRoute } from "@/app/activate/opened/route";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import { contractFollowUps, contracts } from "@/db/schema";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { extendExpiry } from "@/lib/contracts/extend-expiry";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { isAppError } from "@/lib/errors";
import { getFollowUp } from "@/lib/follow-up/get-follow-up";
import { getReminderPolicy, updateReminderPolicy } from "@/lib/follow-up/policy";
import { OPENS_PER_LINK_PER_HOUR, recordOpen } from "@/lib/follow-up/record-open";
import { settingsSections } from "@/lib/settings/sections";
import { actAs, db, makeAccount, makeAgreement, makeContract, makeMember, tokenOf } from "../support/factories";
import { fingerprint } from "../support/actions";
import { NotFoundSignal, request, resetRequest } from "../support/next";

const DAY = 86_400_000;
let issuer: Awaited<ReturnType<typeof makeAccount>>;
let other: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount();
  other = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const dayIn = (days: number) => defaultExpiryDate(new Date(Date.now() + (days - 30) * DAY));
const expiryOf = async (id: string) =>
  (await (await db()).select({ at: contracts.linkExpiresAt }).from(contracts).where(eq(contracts.id, id)))[0].at;
const historyWords = async (publicId: string) =>
  (await listContractHistory(await db(), issuer.viewer, publicId, "issuer")).map(describeHistoryEntry);

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string; fieldErrors?: Record<string, string> }> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("Extend expiry", () => {
  it("moves the link's expiry to the new day, keeps the link, and History tells the old and the new date", async () => {
    const c = await makeContract(issuer, agreementId, { linkExpiresOn: dayIn(10) });
    const before = await expiryOf(c.id);
    const result = await extendExpiry(await db(), issuer.viewer, {
      publicId: c.publicId,
      linkExpiresOn: dayIn(40),
      currentExpiresAt: before.toISOString(),
    });
    expect(result.linkExpiresAt.toISOString().slice(0, 10)).toBe(dayIn(40));
    expect((await expiryOf(c.id)).toISOString().slice(0, 10)).toBe(dayIn(40));
    expect((await resolveActivationLink(await db(), tokenOf(c.activationLink))).state).toBe("pending");
    const fmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
    expect(await historyWords(c.publicId)).toContain(
      `Link expiry extended from ${fmt.format(before)} to ${fmt.format(result.linkExpiresAt)}`,
    );
  });

  it("brings an expired link back to life", async () => {
    const c = await makeContract(issuer, agreementId);
    await (
      await db()
    )
      .update(contracts)
      .set({ linkExpiresAt: new Date(Date.now() - DAY) })
      .where(eq(contracts.id, c.id));
    expect((await resolveActivationLink(await db(), tokenOf(c.activationLink))).state).toBe("expired");
    await extendExpiry(await db(), issuer.viewer, {
      publicId: c.publicId,
      linkExpiresOn: dayIn(5),
      currentExpiresAt: (await expiryOf(c.id)).toISOString(),
    });
    expect((await resolveActivationLink(await db(), tokenOf(c.activationLink))).state).toBe("pending");
  });

  it("refuses a stale expiry (someone extended meanwhile), an earlier day, more than a year ahead, and another tenant's contract, writing nothing", async () => {
    const c = await makeContract(issuer, agreementId, { linkExpiresOn: dayIn(20) });
    const current = (await expiryOf(c.id)).toISOString();
    const cases: [unknown, string][] = [
      [{ publicId: c.publicId, linkExpiresOn: dayIn(40), currentExpiresAt: new Date(Date.parse(current) - DAY).toISOString() }, "stale"],
      [{ publicId: c.publicId, linkExpiresOn: dayIn(10), currentExpiresAt: current }, "invalid"],
      [{ publicId: c.publicId, linkExpiresOn: dayIn(400), currentExpiresAt: current }, "invalid"],
      [{ publicId: c.publicId, linkExpiresOn: "2027-02-30", currentExpiresAt: current }, "invalid"],
      [{ publicId: c.publicId, linkExpiresOn: dayIn(40), currentExpiresAt: "yesterday" }, "invalid"],
      [{ publicId: `${c.publicId}\u0000`, linkExpiresOn: dayIn(40), currentExpiresAt: current }, "invalid"],
      [{ publicId: "x".repeat(5000), linkExpiresOn: dayIn(40), currentExpiresAt: current }, "invalid"],
      [null, "invalid"],
    ];
    for (const [input, code] of cases) {
      const before = await fingerprint();
      const r = await refusal(async () => extendExpiry(await db(), issuer.viewer, input));
      expect(r.code, JSON.stringify(input)).toBe(code);
      expect(await fingerprint()).toBe(before);
    }
    const before = await fingerprint();
    const foreign = await refusal(async () =>
      extendExpiry(await db(), other.viewer, { publicId: c.publicId, linkExpiresOn: dayIn(40), currentExpiresAt: current }),
    );
    expect(foreign.code).toBe("not_found");
    expect(await fingerprint()).toBe(before);
  });
});

describe("Opened", () => {
  it("opening the link (GET) records nothing; the page's beacon records the first and last open, the count, IP and user agent", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "opener@example.test" });
    const token = tokenOf(c.activationLink);
    const before = await fingerprint();
    await resolveActivationLink(await db(), token); // what GET and HEAD of the page do
    expect(await fingerprint()).toBe(before);
    expect((await getFollowUp(await db(), issuer.viewer, c.publicId))?.firstOpenedAt).toBeNull();

    expect(await recordOpen(await db(), { token }, { ip: "198.51.100.4", userAgent: "Mozilla/5.0 Test" })).toBe("recorded");
    expect(await recordOpen(await db(), { token }, { ip: "198.51.100.5", userAgent: "Mozilla/5.0 Phone" })).toBe("recorded");
    const info = (await getFollowUp(await db(), issuer.viewer, c.publicId))!;
    expect(info).toMatchObject({ openCount: 2, lastOpenIp: "198.51.100.5", lastOpenUserAgent: "Mozilla/5.0 Phone" });
    expect(info.firstOpenedAt!.getTime()).toBeLessThanOrEqual(info.lastOpenedAt!.getTime());
    // One event, for the first open.
    const words = await historyWords(c.publicId);
    expect(words.filter((w) => w.startsWith("Activation link opened"))).toEqual([
      "Activation link opened for the first time from 198.51.100.4 (Mozilla/5.0 Test)",
    ]);
    // Another tenant sees nothing of it.
    expect(await getFollowUp(await db(), other.viewer, c.publicId)).toBeNull();
  });

  it("ignores malformed, unknown and closed links, and stops counting past the hourly limit, answering the same", async () => {
    const client = { ip: "198.51.100.9", userAgent: "x" };
    const before = await fingerprint();
    for (const input of [null, {}, { token: 42 }, { token: "short" }, { token: "A".repeat(43) }, { token: "\u0000".repeat(43) }]) {
      expect(await recordOpen(await db(), input, client)).toBe("ignored");
    }
    expect(await fingerprint()).toBe(before);
    const c = await makeContract(issuer, agreementId);
    const token = tokenOf(c.activationLink);
    for (let i = 0; i < OPENS_PER_LINK_PER_HOUR + 3; i++)
      await recordOpen(await db(), { token }, { ip: `198.51.100.${i % 50}`, userAgent: "x" });
    expect((await getFollowUp(await db(), issuer.viewer, c.publicId))?.openCount).toBe(OPENS_PER_LINK_PER_HOUR);
  });

  it("the route answers 204 whatever the link, refuses another site's Origin, and has no GET", async () => {
    const c = await makeContract(issuer, agreementId);
    const token = tokenOf(c.activationLink);
    const post = (body: string) => new Request("http://localhost:3000/activate/opened", { method: "POST", body });
    resetRequest();
    request.headers.set("origin", "https://evil.example");
    expect((await openedRoute(post(JSON.stringify({ token })))).status).toBe(403);
    expect((await getFollowUp(await db(), issuer.viewer, c.publicId))?.openCount).toBe(0);
    request.headers.set("origin", "http://localhost:3000");
    expect((await openedRoute(post("not json"))).status).toBe(204);
    expect((await openedRoute(post(JSON.stringify({ token })))).status).toBe(204);
    expect((await getFollowUp(await db(), issuer.viewer, c.publicId))?.openCount).toBe(1);
    resetRequest();
    expect(Object.keys(await import("@/app/activate/opened/route"))).toEqual(["POST"]);
  });
});

describe("Settings → Reminders", () => {
  it("starts with the defaults (on, 3 / 4 / 3) and saves a new policy", async () => {
    const a = await makeAccount();
    expect(await getReminderPolicy(await db(), a.account.id)).toEqual({ enabled: true, firstAfterDays: 3, everyDays: 4, maxReminders: 3 });
    await updateReminderPolicy(await db(), a.viewer, { enabled: false, firstAfterDays: "5", everyDays: 2, maxReminders: 1 });
    expect(await getReminderPolicy(await db(), a.account.id)).toEqual({ enabled: false, firstAfterDays: 5, everyDays: 2, maxReminders: 1 });
  });

  it("refuses hostile values next to their field, writing nothing", async () => {
    const bad = [
      { enabled: true, firstAfterDays: 0, everyDays: 4, maxReminders: 3 },
      { enabled: true, firstAfterDays: 3, everyDays: 1e9, maxReminders: 3 },
      { enabled: true, firstAfterDays: 3, everyDays: 4, maxReminders: 11 },
      { enabled: true, firstAfterDays: 2.5, everyDays: 4, maxReminders: 3 },
      { enabled: "yes", firstAfterDays: 3, everyDays: 4, maxReminders: 3 },
      { enabled: true, firstAfterDays: "3\u0000", everyDays: 4, maxReminders: 3 },
      { enabled: true, firstAfterDays: "'; drop table contracts; --", everyDays: 4, maxReminders: 3 },
      { enabled: true, firstAfterDays: -3, everyDays: 4, maxReminders: 3 },
      "nonsense",
    ];
    for (const input of bad) {
      const before = await fingerprint();
      const r = await refusal(async () => updateReminderPolicy(await db(), issuer.viewer, input));
      expect(r.code, JSON.stringify(input)).toBe("invalid");
      expect(await fingerprint()).toBe(before);
    }
  });

  it("is a section for Owners and Admins of an account that invites; Members and Read-only members get a 404 page", async () => {
    const admin = await makeMember(issuer, "admin");
    const member = await makeMember(issuer, "member");
    const readonly = await makeMember(issuer, "readonly");
    const reseller = await makeAccount({ role: "reseller" });
    expect(settingsSections(admin.viewer).map((s) => s.label)).toContain("Reminders");
    for (const who of [member, readonly, reseller]) expect(settingsSections(who.viewer).map((s) => s.label)).not.toContain("Reminders");
    actAs(admin);
    const html = renderToStaticMarkup(await ReminderSettingsPage());
    expect(html).toContain("First reminder after (days)");
    expect(html).toContain("Then every (days)");
    for (const who of [member, readonly, reseller]) {
      actAs(who);
      await expect(ReminderSettingsPage()).rejects.toBeInstanceOf(NotFoundSignal);
    }
    actAs(null);
  });
});

describe("the follow-up row", () => {
  it("is written at creation with the contract's Send reminders choice", async () => {
    const off = await makeContract(issuer, agreementId, { sendReminders: false });
    const on = await makeContract(issuer, agreementId);
    const rows = await (
      await db()
    )
      .select({ id: contractFollowUps.contractId, on: contractFollowUps.remindersEnabled })
      .from(contractFollowUps)
      .where(sql`${contractFollowUps.contractId} in (${off.id}, ${on.id})`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.on]))).toEqual({ [off.id]: false, [on.id]: true });
  });
});
