import { sql } from "drizzle-orm";
import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

/**
 * The invitation funnel's daily rollup (issue 18): per issuer account and UTC day of creation (a cohort:
 * the contracts created that day, as they stand at `computed_at`), the count of each stage and a
 * histogram of creation → activation durations. Written only by the funnel-rollup job
 * (lib/follow-up/funnel-rollup.ts) for closed days; lib/follow-up/funnel.ts reads a row only while it is
 * current (see funnel_day_changes and `valid_until`) and counts every other day from the contracts.
 */
export const funnelDays = pgTable(
  "funnel_days",
  {
    issuerAccountId: uuid("issuer_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    created: integer("created").notNull(),
    emailed: integer("emailed").notNull(),
    opened: integer("opened").notNull(),
    activated: integer("activated").notNull(),
    rejected: integer("rejected").notNull(),
    expired: integer("expired").notNull(),
    /** {bucket: count} of creation → activation durations; bucket b holds [2^(b/16), 2^((b+1)/16)) seconds. */
    activationHistogram: jsonb("activation_histogram").notNull().default({}),
    /** The `now` the counts are as of ("expired" counts pending links expired by then). */
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
    /** When the first still-valid pending link of the day expires: from then on the row is out of date. */
    validUntil: timestamp("valid_until", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.issuerAccountId, t.day] }),
    // The job finds the rows a link expiry has outdated.
    index("funnel_days_valid_until_idx")
      .on(t.validUntil)
      .where(sql`${t.validUntil} is not null`),
  ],
);

/**
 * Rolled-up days whose contracts (or their opens) changed since the rollup: written by the triggers of
 * migration funnel_rollup_triggers on contracts and contract_follow_ups, deleted when the job recomputes
 * the day. A day with a row here is counted from the contracts. No foreign key: a cascade deleting an
 * account's contracts must not trip over it.
 */
export const funnelDayChanges = pgTable(
  "funnel_day_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    issuerAccountId: uuid("issuer_account_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
  },
  (t) => [index("funnel_day_changes_day_idx").on(t.issuerAccountId, t.day)],
);
