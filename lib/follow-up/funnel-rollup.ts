import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { col, queryRow, queryRows } from "@/db/query";
import { stageSql, utcDay } from "./funnel";

/** Days one run recomputes at most (a first run over years of contracts catches up over a few runs). */
const DAYS_PER_RUN = 400;

/** The lock key of one (account, day), built in SQL exactly as funnel_day_touch builds it (migration 0014). */
const lockKey = (accountId: string, day: string) =>
  sql`hashtextextended('funnel-day:' || ${accountId}::uuid::text || ':' || ${day}::date::text, 0)`;

/**
 * Recomputes one closed day of one account's funnel rollup from its contracts, as of `now`, and forgets
 * the day's recorded changes. The exclusive advisory try-lock waits for no one: while a writer of that day
 * is uncommitted (it holds the shared lock, see migration 0014) or another instance is on the same day, it
 * does nothing and leaves a change row, so a later run comes back. Recomputing is idempotent (an upsert of
 * the same counts), so two instances never count a day twice. Returns whether the day was written.
 */
export async function rollUpFunnelDay(db: Db, accountId: string, day: string, now: Date): Promise<boolean> {
  return db.transaction(async (t) => {
    const lock = await queryRow(t, sql`select pg_try_advisory_xact_lock(${lockKey(accountId, day)}) as locked`, { locked: col.bool });
    if (!lock?.locked) {
      await t.execute(sql`insert into funnel_day_changes (issuer_account_id, day) values (${accountId}, ${day}::date)`);
      return false;
    }
    const nowIso = now.toISOString();
    await t.execute(sql`
      insert into funnel_days (issuer_account_id, day, created, emailed, opened, activated, rejected, expired,
                               activation_histogram, computed_at, valid_until)
      select ${accountId}, ${day}::date, count(*),
             count(*) filter (where ${stageSql.emailed}), count(*) filter (where ${stageSql.opened}),
             count(*) filter (where ${stageSql.activated}), count(*) filter (where ${stageSql.rejected}),
             count(*) filter (where ${stageSql.expired(now)}),
             coalesce((select jsonb_object_agg(h.bucket, h.n) from (
               select ${stageSql.bucket} as bucket, count(*) as n from contracts c
               where c.issuer_account_id = ${accountId} and c.activated_at is not null
                 and c.created_at >= ${day}::timestamp at time zone 'UTC'
                 and c.created_at < (${day}::timestamp + interval '1 day') at time zone 'UTC'
               group by 1) h), '{}'::jsonb),
             ${nowIso}::timestamptz,
             min(c.link_expires_at) filter (where c.status = 'pending' and c.link_expires_at > ${nowIso}::timestamptz)
      from contracts c
      where c.issuer_account_id = ${accountId}
        and c.created_at >= ${day}::timestamp at time zone 'UTC'
        and c.created_at < (${day}::timestamp + interval '1 day') at time zone 'UTC'
      on conflict (issuer_account_id, day) do update set
        created = excluded.created, emailed = excluded.emailed, opened = excluded.opened,
        activated = excluded.activated, rejected = excluded.rejected, expired = excluded.expired,
        activation_histogram = excluded.activation_histogram, computed_at = excluded.computed_at,
        valid_until = excluded.valid_until`);
    await t.execute(sql`delete from funnel_day_changes where issuer_account_id = ${accountId} and day = ${day}::date`);
    return true;
  });
}

/**
 * The closed days (before `now`'s UTC day) the rollup lacks or holds out of date: days with recorded
 * changes, days a link expiry has outdated (or computed at a later instant), then, per issuer account, the days from its first contract
 * (or after its last rolled-up day) to yesterday. The issuers are found by a skip scan of
 * contracts_issuer_created_idx (one probe per issuer, not per contract).
 */
export async function funnelDaysToRollUp(db: Db, now: Date, limit = DAYS_PER_RUN): Promise<{ accountId: string; day: string }[]> {
  const today = utcDay(now);
  return queryRows(
    db,
    sql`
      with recursive issuers(id) as (
        (select issuer_account_id from contracts order by issuer_account_id limit 1)
        union all
        select (select c.issuer_account_id from contracts c where c.issuer_account_id > i.id order by c.issuer_account_id limit 1)
        from issuers i where i.id is not null
      ),
      spans as (
        select i.id, (m.first at time zone 'UTC')::date as first_day, k.lo, k.hi
        from issuers i
        cross join lateral (select min(c.created_at) as first from contracts c where c.issuer_account_id = i.id) m
        cross join lateral (select min(d.day) as lo, max(d.day) as hi from funnel_days d where d.issuer_account_id = i.id) k
        where i.id is not null
      ),
      missing as (
        select s.id as account_id, g.day::date as day
        from spans s
        cross join lateral generate_series(s.first_day::timestamp, (least(coalesce(s.lo, ${today}::date), ${today}::date) - 1)::timestamp, interval '1 day') as g(day)
        union all
        select s.id, g.day::date
        from spans s
        cross join lateral generate_series((s.hi + 1)::timestamp, (${today}::date - 1)::timestamp, interval '1 day') as g(day)
        where s.hi is not null
      ),
      todo as (
        select x.issuer_account_id as account_id, x.day, 0 as rank from funnel_day_changes x where x.day < ${today}::date
        union
        select d.issuer_account_id, d.day, 0 from funnel_days d where d.valid_until <= ${now.toISOString()}::timestamptz and d.day < ${today}::date
        union
        -- Computed at a later instant than now (the clock was moved back: tests, the development clock).
        select d.issuer_account_id, d.day, 0 from funnel_days d where d.computed_at > ${now.toISOString()}::timestamptz and d.day < ${today}::date
        union
        select m.account_id, m.day, 1 from missing m
      )
      select account_id, to_char(day, 'YYYY-MM-DD') as day from todo
      group by account_id, day order by min(rank), day, account_id limit ${limit}`,
    { accountId: col.text, day: col.text },
  );
}

/** The funnel-rollup job (registered in ./job.ts): brings the closed days up to date. */
export async function runFunnelRollup(db: Db, now: Date): Promise<number> {
  let done = 0;
  for (const { accountId, day } of await funnelDaysToRollUp(db, now)) {
    if (await rollUpFunnelDay(db, accountId, day, now)) done++;
  }
  return done;
}
