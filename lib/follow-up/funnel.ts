import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import type { Viewer } from "@/lib/accounts/viewer";
import { now as clockNow } from "@/lib/clock";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";

export const funnelPeriods = { "7": "Last 7 days", "30": "Last 30 days", "90": "Last 90 days", "365": "Last 12 months" } as const;
export type FunnelPeriod = keyof typeof funnelPeriods;
export const funnelSchema = z.object({
  period: z
    .enum(Object.keys(funnelPeriods) as [FunnelPeriod, ...FunnelPeriod[]])
    .default("30")
    .catch("30"),
});

export type FunnelCounts = {
  created: number;
  emailed: number;
  opened: number;
  activated: number;
  rejected: number;
  expired: number;
  /** Median time from creation to activation, in milliseconds; null when none was activated. */
  medianToActivationMs: number | null;
  /** True when the median comes from the rollup's histogram (within 4.5 %), false when it is exact. */
  medianIsApproximate: boolean;
  /** How many whole days of the period were read from the rollup (the rest was counted from the contracts). */
  rolledUpDays: number;
};

export type Funnel = FunnelCounts & { period: FunnelPeriod; from: Date; to: Date };

const DAY_MS = 86_400_000;
/** Histogram buckets per doubling of the duration: bucket b holds [2^(b/16), 2^((b+1)/16)) seconds. */
export const BUCKETS_PER_DOUBLING = 16;

/**
 * The stages of one contract `c`, as of `at`. Opened: a person's browser showed the link (the beacon of
 * lib/follow-up/record-open.ts), or the signee activated or rejected it, which needs the page too (an
 * activation without JavaScript records no open, yet the funnel must never show Activated > Opened).
 * Expired: pending past its link's expiry at `at`, or marked expired. Shared by the funnel's live count and
 * the rollup job, so both count the same way.
 */
export const stageSql = {
  emailed: sql`c.signee_email is not null`,
  opened: sql`(c.activated_at is not null or c.status = 'rejected'
    or exists (select 1 from contract_follow_ups f where f.contract_id = c.id and f.first_opened_at is not null))`,
  activated: sql`c.activated_at is not null`,
  rejected: sql`c.status = 'rejected'`,
  expired: (at: Date) => sql`((c.status = 'pending' and c.link_expires_at <= ${at.toISOString()}::timestamptz) or c.status = 'expired')`,
  /** The histogram bucket of an activated contract's creation → activation time (under a second: bucket 0). */
  bucket: sql`floor(${BUCKETS_PER_DOUBLING} * ln(greatest(extract(epoch from c.activated_at - c.created_at)::float8, 1)) / ln(2))::int`,
};

/** The UTC calendar day of an instant, as YYYY-MM-DD. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

export type Histogram = Record<string, number>;

/** Adds histograms ({bucket: count}). */
export function mergeHistograms(hs: Histogram[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const h of hs) for (const [b, n] of Object.entries(h)) sum.set(Number(b), (sum.get(Number(b)) ?? 0) + Number(n));
  return sum;
}

/**
 * The median (in seconds) of the durations a histogram holds, read as percentile_cont(0.5) reads exact
 * values: the value at rank (n−1)/2, averaging the two middle ranks. Inside its bucket a rank is placed
 * geometrically, so the answer is within one bucket's width (2^(1/16) − 1 ≈ 4.4 %) of the exact median.
 */
export function medianFromHistogram(h: Map<number, number>): number | null {
  const buckets = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let before = 0;
    for (const [b, n] of buckets) {
      if (rank < before + n) return 2 ** ((b + (rank - before + 0.5) / n) / BUCKETS_PER_DOUBLING);
      before += n;
    }
    return 2 ** ((buckets[buckets.length - 1][0] + 1) / BUCKETS_PER_DOUBLING);
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * The funnel of the contracts the caller's account created in the period: created → emailed (a signee
 * email was given) → opened → activated, with rejected and expired (see stageSql).
 */
export async function getFunnel(db: DbOrTx, viewer: Viewer, input: unknown): Promise<Funnel> {
  assertMayManageContracts(viewer);
  const { period } = funnelSchema.parse(input ?? {});
  const to = clockNow();
  const from = new Date(to.getTime() - Number(period) * DAY_MS);
  return { period, from, to, ...(await funnelCounts(db, viewer.accountId, from, to)) };
}

/**
 * The funnel of `accountId`'s contracts created in [from, to), as of `to`, in one statement (one
 * snapshot). Whole UTC days come from the daily rollup (db/schema/funnel.ts) when their row is current: no
 * change recorded since (funnel_day_changes), computed at or before `to`, and no pending link of the day
 * expired between its computation and `to`. Every other part of the period (its partial first day, today,
 * days not rolled up yet or out of date) is counted from the contracts, one index range per day, so the
 * counts always equal an exact count over the contracts. The median is exact when no day came from the
 * rollup, else read from the merged histograms.
 */
export async function funnelCounts(db: DbOrTx, accountId: string, from: Date, to: Date): Promise<FunnelCounts> {
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const fromDay = utcDay(from);
  const toDay = utcDay(to);
  const firstWholeDay = from.getTime() === Date.parse(`${fromDay}T00:00:00Z`) ? fromDay : addDays(fromDay, 1);
  const r = await queryRow(
    db,
    sql`
      with rolled as materialized (
        select d.day, d.created, d.emailed, d.opened, d.activated, d.rejected, d.expired, d.activation_histogram
        from funnel_days d
        where d.issuer_account_id = ${accountId} and d.day >= ${firstWholeDay}::date and d.day < ${toDay}::date
          and d.computed_at <= ${toIso}::timestamptz
          and (d.valid_until is null or d.valid_until > ${toIso}::timestamptz)
          and not exists (select 1 from funnel_day_changes x where x.issuer_account_id = d.issuer_account_id and x.day = d.day)
      ),
      ranges as (
        select greatest(${fromIso}::timestamptz, g.day at time zone 'UTC') as s,
               least(${toIso}::timestamptz, (g.day + interval '1 day') at time zone 'UTC') as e
        from generate_series(${fromDay}::timestamp, ${toDay}::timestamp, interval '1 day') as g(day)
        where not exists (select 1 from rolled where rolled.day = g.day::date)
      ),
      live as materialized (
        select l.* from ranges cross join lateral (
          select c.signee_email is not null as emailed, ${stageSql.opened} as opened,
                 ${stageSql.activated} as activated, ${stageSql.rejected} as rejected, ${stageSql.expired(to)} as expired,
                 case when c.activated_at is not null then extract(epoch from c.activated_at - c.created_at)::float8 end as seconds,
                 case when c.activated_at is not null then ${stageSql.bucket} end as bucket
          from contracts c
          where c.issuer_account_id = ${accountId} and c.created_at >= ranges.s and c.created_at < ranges.e
        ) l
      )
      select r.days as rolled_days,
             r.created + l.created as created, r.emailed + l.emailed as emailed, r.opened + l.opened as opened,
             r.activated + l.activated as activated, r.rejected + l.rejected as rejected, r.expired + l.expired as expired,
             r.histograms, l.median_seconds, h.histogram as live_histogram
      from (select count(*) as days, coalesce(sum(created), 0) as created, coalesce(sum(emailed), 0) as emailed,
                   coalesce(sum(opened), 0) as opened, coalesce(sum(activated), 0) as activated,
                   coalesce(sum(rejected), 0) as rejected, coalesce(sum(expired), 0) as expired,
                   coalesce(jsonb_agg(activation_histogram) filter (where activation_histogram <> '{}'::jsonb), '[]'::jsonb) as histograms
            from rolled) r,
           (select count(*) as created, count(*) filter (where emailed) as emailed, count(*) filter (where opened) as opened,
                   count(*) filter (where activated) as activated, count(*) filter (where rejected) as rejected,
                   count(*) filter (where expired) as expired,
                   percentile_cont(0.5) within group (order by seconds) filter (where activated) as median_seconds
            from live) l,
           (select coalesce(jsonb_object_agg(bucket, n), '{}'::jsonb) as histogram
            from (select bucket, count(*) as n from live where activated group by bucket) b) h`,
    {
      rolledDays: col.int,
      created: col.int,
      emailed: col.int,
      opened: col.int,
      activated: col.int,
      rejected: col.int,
      expired: col.int,
      histograms: col.json<Histogram[]>(),
      medianSeconds: (v: unknown) => (v === null || v === undefined ? null : Number(v)),
      liveHistogram: col.json<Histogram>(),
    },
  );
  const c = r!;
  const approximate = c.histograms.length > 0; // some rolled-up day had activations
  const seconds = approximate ? medianFromHistogram(mergeHistograms([...c.histograms, c.liveHistogram])) : c.medianSeconds;
  return {
    created: c.created,
    emailed: c.emailed,
    opened: c.opened,
    activated: c.activated,
    rejected: c.rejected,
    expired: c.expired,
    medianToActivationMs: seconds === null ? null : Math.round(seconds * 1000),
    medianIsApproximate: approximate && seconds !== null,
    rolledUpDays: c.rolledDays,
  };
}
