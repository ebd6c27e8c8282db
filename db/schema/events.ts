import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit trail. No foreign keys on purpose: the record outlives what it describes
 * (a deleted contract keeps its history).
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: text("type").notNull(),
    // clock_timestamp(), not now(): several events (and mails) of one transaction keep the order they happened in.
    occurredAt: timestamp("occurred_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    userId: uuid("user_id"),
    accountId: uuid("account_id"),
    subjectType: text("subject_type"),
    subjectId: uuid("subject_id"),
    subjectPublicId: text("subject_public_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("events_subject_idx").on(t.subjectId, t.occurredAt), index("events_account_idx").on(t.accountId, t.occurredAt)],
);
