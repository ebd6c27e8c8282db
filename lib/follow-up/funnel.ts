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

export type Funnel = {
  period: FunnelPeriod;
  from: Date;
  to: Date;
  created: number;
  emailed: number;
  opened: number;
  activated: number;
  rejected: number;
  expired: number;
  /** Median time from creation to activation, in milliseconds; null when none was activated. */
  medianToActivationMs: number | null;
};

/**
 * The funnel of the contracts the caller's account created in the period: created → emailed (a signee
 * email was given) → opened (a person's browser showed the link) → activated, with rejected and expired
 * (pending past its link's expiry). One statement: the counts read the issuer's contracts in the period
 * from contracts_issuer_funnel_idx alone (an index-only scan, no table rows); the opens come from the
 * partial index of opened follow-ups.
 */
export async function getFunnel(db: DbOrTx, viewer: Viewer, input: unknown): Promise<Funnel> {
  assertMayManageContracts(viewer);
  const { period } = funnelSchema.parse(input ?? {});
  const to = clockNow();
  const from = new Date(to.getTime() - Number(period) * 86_400_000);
  const range = sql`c.issuer_account_id = ${viewer.accountId} and c.created_at >= ${from.toISOString()}::timestamptz
    and c.created_at < ${to.toISOString()}::timestamptz`;
  const counts = await queryRow(
    db,
    sql`
      select count(*) as created,
             count(*) filter (where c.signee_email is not null) as emailed,
             count(*) filter (where c.activated_at is not null) as activated,
             count(*) filter (where c.status = 'rejected') as rejected,
             count(*) filter (where (c.status = 'pending' and c.link_expires_at <= ${to.toISOString()}::timestamptz) or c.status = 'expired') as expired,
             percentile_cont(0.5) within group (order by extract(epoch from c.activated_at - c.created_at))
               filter (where c.activated_at is not null) as median_seconds,
             (select count(*) from contract_follow_ups f join contracts c on c.id = f.contract_id
               where f.first_opened_at is not null and ${range}) as opened
      from contracts c where ${range}`,
    {
      created: col.int,
      emailed: col.int,
      activated: col.int,
      rejected: col.int,
      expired: col.int,
      medianSeconds: (v: unknown) => (v === null || v === undefined ? null : Number(v)),
      opened: col.int,
    },
  );
  const c = counts!;
  return {
    period,
    from,
    to,
    created: c.created,
    emailed: c.emailed,
    opened: c.opened,
    activated: c.activated,
    rejected: c.rejected,
    expired: c.expired,
    medianToActivationMs: c.medianSeconds === null ? null : Math.round(c.medianSeconds * 1000),
  };
}
