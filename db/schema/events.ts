import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
    // The hash chain (tamper-evident history, docs/notes/evidence.md). Never written by the app: the
    // trigger events_chain (hand-written part of the migration) sets them on every insert, whoever inserts.
    /** The event's place in its subject's chain: 1, 2, 3… */
    chainSeq: integer("chain_seq"),
    /** The hash of the subject's previous event (null for the first). */
    prevHash: text("prev_hash"),
    /** sha256 (hex) of the event's canonical serialization, prev_hash included (lib/audit/event-chain.ts). */
    hash: text("hash"),
  },
  (t) => [
    index("events_subject_idx").on(t.subjectId, t.occurredAt),
    index("events_account_idx").on(t.accountId, t.occurredAt),
    // One event per place in a chain: two writers can never fork it.
    uniqueIndex("events_chain_idx").on(t.subjectId, t.chainSeq),
  ],
);
