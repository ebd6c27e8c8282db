import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { contracts } from "./contracts";
import type { Permissions } from "./permissions";

/**
 * The end-date notices sent (30, 7 and 1 days before a contract's end). The key makes each notice
 * once per contract and end date, even with several scheduler instances; an extension gets new ones.
 */
export const contractEndNotices = pgTable(
  "contract_end_notices",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    days: integer("days").notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.days, t.endsAt] }),
    check("contract_end_notices_days_check", sql`${t.days} in (1, 7, 30)`),
  ],
);

export const proposalKinds = ["permissions", "promotion"] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalStatuses = ["pending", "accepted", "withdrawn", "expired"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A change of an active contract that needs the reseller's consent: wider permissions, or promotion of
 * a Test contract to Production. At most one pending proposal of each kind per contract.
 */
export const contractProposals = pgTable(
  "contract_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: proposalKinds }).notNull(),
    status: text("status", { enum: proposalStatuses }).notNull().default("pending"),
    /** Permissions kind: the contract's permissions when proposed (acceptance compares-and-sets on them) and the proposed ones. */
    fromPermissions: jsonb("from_permissions").$type<Permissions>(),
    permissions: jsonb("permissions").$type<Permissions>(),
    proposedByUserId: uuid("proposed_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Acceptance evidence, like signing a version: who, when (decidedAt), from where. */
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Promotion kind: the Production contract made on acceptance. */
    successorContractId: uuid("successor_contract_id").references(() => contracts.id),
  },
  (t) => [
    check("contract_proposals_kind_check", sql`${t.kind} in ('permissions', 'promotion')`),
    check("contract_proposals_status_check", sql`${t.status} in ('pending', 'accepted', 'withdrawn', 'expired')`),
    uniqueIndex("contract_proposals_one_pending_idx")
      .on(t.contractId, t.kind)
      .where(sql`${t.status} = 'pending'`),
    index("contract_proposals_contract_idx").on(t.contractId, t.createdAt),
    index("contract_proposals_due_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
