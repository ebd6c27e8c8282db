import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Mail written in the same transaction as the change that causes it; delivered after commit. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text_body").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /** Links the message to the contract whose History tab shows it (no FK: history outlives rows). */
    contractId: uuid("contract_id"),
    accountId: uuid("account_id"),
    // The exact time it was queued (clock_timestamp), so History orders it among the transaction's events.
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    check("outbox_status_check", sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_contract_idx").on(t.contractId),
  ],
);
