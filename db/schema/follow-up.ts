import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { contracts } from "./contracts";

/** Each distributor account's reminder policy (issue 18); an account without a row uses the defaults. */
export const reminderPolicies = pgTable(
  "reminder_policies",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    firstAfterDays: integer("first_after_days").notNull().default(3),
    everyDays: integer("every_days").notNull().default(4),
    maxReminders: integer("max_reminders").notNull().default(3),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("reminder_policies_first_check", sql`${t.firstAfterDays} between 1 and 90`),
    check("reminder_policies_every_check", sql`${t.everyDays} between 1 and 90`),
    check("reminder_policies_max_check", sql`${t.maxReminders} between 1 and 10`),
  ],
);

/**
 * The follow-up state of one contract's invitation: its reminder schedule (anchored when the link was last
 * emailed or regenerated; `round` counts those re-arms) and when the scheduler must look at it next, plus
 * the opens of its activation page. One row per contract, written by createContract; the job and the
 * opened beacon only update it.
 */
export const contractFollowUps = pgTable(
  "contract_follow_ups",
  {
    contractId: uuid("contract_id")
      .primaryKey()
      .references(() => contracts.id, { onDelete: "cascade" }),
    remindersEnabled: boolean("reminders_enabled").notNull().default(true),
    armedAt: timestamp("armed_at", { withTimezone: true }).notNull(),
    round: integer("round").notNull().default(0),
    /** When the scheduler looks at this contract next (a reminder or an expiry notice may be due); null = nothing left. */
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }),
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }),
    lastOpenedAt: timestamp("last_opened_at", { withTimezone: true }),
    openCount: integer("open_count").notNull().default(0),
    lastOpenIp: text("last_open_ip"),
    lastOpenUserAgent: text("last_open_user_agent"),
  },
  (t) => [
    index("contract_follow_ups_next_check_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} is not null`),
    // The funnel's "opened" count walks only the opened links.
    index("contract_follow_ups_opened_idx")
      .on(t.contractId)
      .where(sql`${t.firstOpenedAt} is not null`),
  ],
);

/**
 * One row per follow-up message slot ever queued: reminder n of a link's round, the expiry notices of one
 * expiry date. Its primary key makes a second scheduler (or a re-run after a crash) insert nothing.
 */
export const followUpSends = pgTable(
  "follow_up_sends",
  {
    key: text("key").primaryKey(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("follow_up_sends_contract_idx").on(t.contractId)],
);
