// Issue 18: the funnel's daily rollup (lib/follow-up/funnel-rollup.ts) never changes a number. Random
// contracts over several weeks, the job run at several instants of the injectable clock, and after every
// change the funnel (rollup for whole closed days + a live count for the rest) equals an exact count
// written here independently. On PostgreSQL the races are real (a pool and overlapping transactions).
process.env.DATABASE_POOL_SIZE = "10";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { col, queryRow } from "@/db/query";
import { setClockOffset } from "@/lib/clock";
import { funnelCounts, getFunnel, type FunnelCounts } from "@/lib/follow-up/funnel";
import { rollUpFunnelDay, runFunnelRollup } from "@/lib/follow-up/funnel-rollup";
import { registeredJobs } from "@/lib/scheduler/jobs";
import { recordOpen } from "@/lib/follow-up/record-open";
import { db, makeAccount, makeAgreement, makeContract, tokenOf } from "../support/factories";
import { onPostgres } from "../support/setup-db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Made = Awaited<ReturnType<typeof makeContract>>;

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let other: Awaited<ReturnType<typeof makeAccount>>;
const mine: Made[] = [];
const theirs: Made[] = [];
/** The instant the data was made around: contracts were created up to 40 days before it. */
const T0 = Date.now();

/** A small seeded generator, so a failure replays. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The funnel's definition, counted over the contracts directly (no rollup, no shared SQL). */
async function exact(accountId: string, from: Date, to: Date) {
  const row = await queryRow(
    await db(),
    sql`select count(*) as created,
          count(*) filter (where c.signee_email is not null) as emailed,
          count(*) filter (where c.activated_at is not null or c.status = 'rejected' or f.first_opened_at is not null) as opened,
          count(*) filter (where c.activated_at is not null) as activated,
          count(*) filter (where c.status = 'rejected') as rejected,
          count(*) filter (where c.status = 'expired' or (c.status = 'pending' and c.link_expires_at <= ${to.toISOString()}::timestamptz)) as expired,
          percentile_cont(0.5) within group (order by extract(epoch from c.activated_at - c.created_at)) filter (where c.activated_at is not null) as median
        from contracts c left join contract_follow_ups f on f.contract_id = c.id
        where c.issuer_account_id = ${accountId} and c.created_at >= ${from.toISOString()}::timestamptz and c.created_at < ${to.toISOString()}::timestamptz`,
    {
      created: col.int,
      emailed: col.int,
      opened: col.int,
      activated: col.int,
      rejected: col.int,
      expired: col.int,
      median: (v: unknown) => (v === null ? null : Math.round(Number(v) * 1000)),
    },
  );
  return row!;
}

/** The funnel equals the exact count: every count exactly; the median exactly, or within 4.5 % when it came from the histogram. */
async function expectExact(f: FunnelCounts, accountId: string, from: Date, to: Date) {
  const e = await exact(accountId, from, to);
  const { median, ...counts } = e;
  expect({
    created: f.created,
    emailed: f.emailed,
    opened: f.opened,
    activated: f.activated,
    rejected: f.rejected,
    expired: f.expired,
  }).toEqual(counts);
  if (median === null || !f.medianIsApproximate) expect(f.medianToActivationMs).toBe(median);
  else expect(Math.abs(f.medianToActivationMs! - median) / median).toBeLessThan(0.045);
  return e;
}

const periodsAt = (at: number) => [7, 30, 90].map((days) => ({ from: new Date(at - days * DAY), to: new Date(at) }));

async function rolledRows(accountId: string) {
  const r = await queryRow(await db(), sql`select count(*) as n from funnel_days where issuer_account_id = ${accountId}`, { n: col.int });
  return r!.n;
}

beforeAll(async () => {
  issuer = await makeAccount();
  other = await makeAccount();
  const reseller = await makeAccount({ role: "reseller" });
  const ag = (await makeAgreement(issuer)).agreement.publicId;
  const agOther = (await makeAgreement(other)).agreement.publicId;
  const rnd = prng(18);
  for (let i = 0; i < 48; i++) mine.push(await makeContract(issuer, ag, rnd() < 0.7 ? { signeeEmail: `s${i}@example.test` } : {}));
  for (let i = 0; i < 12; i++) theirs.push(await makeContract(other, agOther, { signeeEmail: `o${i}@example.test` }));
  const d = await db();
  // Each contract moved back into the last 40 days, then given a random fate.
  for (const c of [...mine, ...theirs]) {
    const created = new Date(T0 - Math.floor(rnd() * 40 * DAY));
    const expires = new Date(created.getTime() + Math.floor((2 + rnd() * 40) * DAY));
    const fate = rnd();
    const activated = new Date(created.getTime() + Math.floor(rnd() * 5 * DAY));
    await d.execute(sql`
      update contracts set created_at = ${created.toISOString()}::timestamptz, link_expires_at = ${expires.toISOString()}::timestamptz,
        status = ${fate < 0.3 ? "active" : fate < 0.4 ? "terminated" : fate < 0.5 ? "rejected" : fate < 0.6 ? "expired" : "pending"},
        activated_at = ${fate < 0.4 ? activated.toISOString() : null}::timestamptz,
        rejected_at = ${fate >= 0.4 && fate < 0.5 ? activated.toISOString() : null}::timestamptz,
        owner_account_id = ${fate < 0.3 ? reseller.account.id : null}, signee_user_id = ${fate < 0.3 ? reseller.user.id : null}
      where id = ${c.id}`);
    // Some opened (the beacon); some activated without any open (no JavaScript).
    if (rnd() < 0.4)
      await d.execute(
        sql`update contract_follow_ups set first_opened_at = ${created.toISOString()}::timestamptz, open_count = 1 where contract_id = ${c.id}`,
      );
  }
});

afterAll(() => setClockOffset(0));

describe(`the funnel's daily rollup (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("is a job of the scheduler that the server loop runs", () => {
    expect(registeredJobs().map((j) => j.name)).toContain("funnel-rollup");
  });

  it("before any rollup, after it, and as the clock moves on: always the exact count", async () => {
    const d = await db();
    for (const { from, to } of periodsAt(T0))
      await expectExact(await funnelCounts(d, issuer.account.id, from, to), issuer.account.id, from, to);
    expect(await runFunnelRollup(d, new Date(T0))).toBeGreaterThan(0);
    // About 40 closed days of the account (and the other account's own rows).
    expect(await rolledRows(issuer.account.id)).toBeGreaterThanOrEqual(39);
    for (const { from, to } of periodsAt(T0)) {
      const f = await funnelCounts(d, issuer.account.id, from, to);
      expect(f.rolledUpDays).toBeGreaterThan(0);
      await expectExact(f, issuer.account.id, from, to);
    }
    // Days later, on the app's clock: links of pending contracts expire in between; before and after the job.
    for (const later of [1, 3, 9]) {
      setClockOffset(later * DAY + 5 * HOUR);
      const f = await getFunnel(d, issuer.viewer, { period: "30" });
      await expectExact(f, issuer.account.id, f.from, f.to);
      await runFunnelRollup(d, f.to);
      const g = await getFunnel(d, issuer.viewer, { period: "30" });
      expect(g.rolledUpDays).toBeGreaterThan(0);
      await expectExact(g, issuer.account.id, g.from, g.to);
      for (const { from, to } of periodsAt(g.to.getTime()))
        await expectExact(await funnelCounts(d, issuer.account.id, from, to), issuer.account.id, from, to);
    }
    setClockOffset(0);
    // The clock back at T0: rows computed "in the future" are not trusted, the count stays exact.
    for (const { from, to } of periodsAt(T0))
      await expectExact(await funnelCounts(d, issuer.account.id, from, to), issuer.account.id, from, to);
  });

  it("a day rolled up twice, or by two instances at once, counts once", async () => {
    const d = await db();
    const now = new Date(T0 + 10 * DAY);
    await Promise.all([runFunnelRollup(d, now), runFunnelRollup(d, now)]);
    const day = new Date(T0 - 5 * DAY).toISOString().slice(0, 10);
    await Promise.all([rollUpFunnelDay(d, issuer.account.id, day, now), rollUpFunnelDay(d, issuer.account.id, day, now)]);
    expect(await rollUpFunnelDay(d, issuer.account.id, day, now)).toBe(true);
    const per = await queryRow(
      d,
      sql`select count(*) as n from funnel_days where issuer_account_id = ${issuer.account.id} and day = ${day}::date`,
      { n: col.int },
    );
    expect(per!.n).toBe(1);
    const from = new Date(now.getTime() - 90 * DAY);
    const f = await funnelCounts(d, issuer.account.id, from, now);
    expect(f.rolledUpDays).toBeGreaterThan(30);
    const e = await expectExact(f, issuer.account.id, from, now);
    expect(f.created).toBe(mine.length);
    expect(e.created).toBe(mine.length);
  });

  it("a contract that changes after its day was rolled up is counted as it is now", async () => {
    const d = await db();
    const now = new Date(T0);
    await runFunnelRollup(d, now);
    const from = new Date(T0 - 90 * DAY);
    // A pending contract from a rolled-up day: opened, then activated 3 days after its creation, by the app's code paths.
    const pending = await queryRow(
      d,
      sql`select c.id, c.created_at from contracts c where c.issuer_account_id = ${issuer.account.id} and c.status = 'pending'
            and c.link_expires_at > ${now.toISOString()}::timestamptz and c.created_at < ${new Date(T0 - 2 * DAY).toISOString()}::timestamptz
          order by c.created_at limit 1`,
      { id: col.text, createdAt: col.date },
    );
    const c = mine.find((m) => m.id === pending!.id)!;
    await d.execute(sql`update contract_follow_ups set first_opened_at = null where contract_id = ${c.id}`);
    await runFunnelRollup(d, now);
    const reset = await funnelCounts(d, issuer.account.id, from, now);
    await expectExact(reset, issuer.account.id, from, now);
    expect(await recordOpen(d, { token: tokenOf(c.activationLink) }, { ip: "198.51.100.7", userAgent: "x" })).toBe("recorded");
    const opened = await funnelCounts(d, issuer.account.id, from, now);
    expect(opened.opened).toBe(reset.opened + 1);
    await expectExact(opened, issuer.account.id, from, now);
    const activatedAt = new Date(pending!.createdAt.getTime() + 3 * DAY);
    await d.execute(
      sql`update contracts set status = 'terminated', activated_at = ${activatedAt.toISOString()}::timestamptz where id = ${c.id}`,
    );
    const changed = await funnelCounts(d, issuer.account.id, from, now);
    expect(changed.activated).toBe(reset.activated + 1);
    expect(changed.rolledUpDays).toBe(reset.rolledUpDays - 1); // that day is counted live until the job comes back
    await expectExact(changed, issuer.account.id, from, now);
    await runFunnelRollup(d, now);
    const again = await funnelCounts(d, issuer.account.id, from, now);
    expect(again.rolledUpDays).toBe(reset.rolledUpDays);
    expect(again.activated).toBe(reset.activated + 1);
    await expectExact(again, issuer.account.id, from, now);
    // Extend expiry on an expired pending link of a rolled-up day: it stops counting as expired.
    const lapsed = await queryRow(
      d,
      sql`select c.id from contracts c where c.issuer_account_id = ${issuer.account.id} and c.status = 'pending'
            and c.link_expires_at <= ${now.toISOString()}::timestamptz and c.created_at < ${new Date(T0 - 2 * DAY).toISOString()}::timestamptz limit 1`,
      { id: col.text },
    );
    expect(lapsed).not.toBeUndefined();
    await d.execute(
      sql`update contracts set link_expires_at = ${new Date(T0 + 30 * DAY).toISOString()}::timestamptz where id = ${lapsed!.id}`,
    );
    const extended = await funnelCounts(d, issuer.account.id, from, now);
    expect(extended.expired).toBe(again.expired - 1);
    await expectExact(extended, issuer.account.id, from, now);
    // A contract inserted into a rolled-up day (an import, a backfill) is counted too.
    const moved = theirs[0];
    await d.execute(
      sql`update contracts set issuer_account_id = ${issuer.account.id}, created_at = ${new Date(T0 - 6 * DAY).toISOString()}::timestamptz where id = ${moved.id}`,
    );
    await expectExact(await funnelCounts(d, issuer.account.id, from, now), issuer.account.id, from, now);
    await runFunnelRollup(d, now);
    await expectExact(await funnelCounts(d, issuer.account.id, from, now), issuer.account.id, from, now);
  });

  it("a writer of a day still uncommitted while the job runs: the job leaves the day, nothing is lost", async () => {
    const d = await db();
    const now = new Date(T0);
    await runFunnelRollup(d, now);
    const from = new Date(T0 - 90 * DAY);
    const target = await queryRow(
      d,
      sql`select c.id, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD') as day from contracts c
          where c.issuer_account_id = ${issuer.account.id} and c.activated_at is null and c.status = 'pending'
            and c.created_at < ${new Date(T0 - 2 * DAY).toISOString()}::timestamptz limit 1`,
      { id: col.text, day: col.text },
    );
    const activatedAt = new Date(T0 - HOUR).toISOString();
    if (onPostgres) {
      // The writer holds its transaction open while the job tries the day on another connection.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let updated!: () => void;
      const didUpdate = new Promise<void>((r) => (updated = r));
      const writer = d.transaction(async (t) => {
        await t.execute(
          sql`update contracts set status = 'terminated', activated_at = ${activatedAt}::timestamptz where id = ${target!.id}`,
        );
        updated();
        await held;
      });
      await didUpdate;
      await d.execute(
        sql`update funnel_days set valid_until = ${now.toISOString()}::timestamptz where issuer_account_id = ${issuer.account.id} and day = ${target!.day}::date`,
      );
      expect(await rollUpFunnelDay(d, issuer.account.id, target!.day, now)).toBe(false);
      release();
      await writer;
    } else {
      // PGlite has one connection, so transactions never overlap: the writer simply commits first.
      await d.execute(sql`update contracts set status = 'terminated', activated_at = ${activatedAt}::timestamptz where id = ${target!.id}`);
    }
    await expectExact(await funnelCounts(d, issuer.account.id, from, now), issuer.account.id, from, now);
    await runFunnelRollup(d, now);
    const f = await funnelCounts(d, issuer.account.id, from, now);
    await expectExact(f, issuer.account.id, from, now);
    const left = await queryRow(d, sql`select count(*) as n from funnel_day_changes where issuer_account_id = ${issuer.account.id}`, {
      n: col.int,
    });
    expect(left!.n).toBe(0);
  });

  it("another account's contracts never count, whatever the rollup holds", async () => {
    const d = await db();
    const now = new Date(T0 + 2 * DAY);
    await runFunnelRollup(d, now);
    const from = new Date(now.getTime() - 90 * DAY);
    const mineNow = await funnelCounts(d, issuer.account.id, from, now);
    const theirsNow = await funnelCounts(d, other.account.id, from, now);
    await expectExact(mineNow, issuer.account.id, from, now);
    await expectExact(theirsNow, other.account.id, from, now);
    expect(mineNow.created + theirsNow.created).toBe(mine.length + theirs.length);
    expect(theirsNow.created).toBe(theirs.length - 1); // one was moved to the issuer above
    // A change in the other account's contracts does not touch the issuer's rows.
    await d.execute(sql`update contracts set status = 'rejected' where issuer_account_id = ${other.account.id}`);
    const after = await funnelCounts(d, issuer.account.id, from, now);
    expect(after).toEqual(mineNow);
    await expectExact(await funnelCounts(d, other.account.id, from, now), other.account.id, from, now);
  });

  it("an activation without any recorded open still counts as opened", async () => {
    const d = await db();
    const now = new Date(T0);
    const f = await funnelCounts(d, issuer.account.id, new Date(T0 - 90 * DAY), now);
    expect(f.opened).toBeGreaterThanOrEqual(f.activated + f.rejected);
    const silent = await queryRow(
      d,
      sql`select count(*) as n from contracts c join contract_follow_ups f on f.contract_id = c.id
          where c.issuer_account_id = ${issuer.account.id} and c.activated_at is not null and f.first_opened_at is null`,
      { n: col.int },
    );
    expect(silent!.n).toBeGreaterThan(0); // the data has such activations, and they are in Opened
  });
});
