import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, users } from "./accounts";

/**
 * A staff invitation (issue 17): someone's email invited to join an account with a role. The link's token
 * is random and only its sha-256 is kept; Resend replaces it (the old link dies). Single use: Join moves
 * it from pending to accepted with a compare-and-set; Revoke moves it to revoked.
 */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "admin", "member", "readonly"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status", { enum: ["pending", "accepted", "revoked"] })
      .notNull()
      .default("pending"),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("staff_invitations_role_check", sql`${t.role} in ('owner', 'admin', 'member', 'readonly')`),
    check("staff_invitations_status_check", sql`${t.status} in ('pending', 'accepted', 'revoked')`),
    // One pending invitation per email and account: inviting again means Resend.
    uniqueIndex("staff_invitations_pending_email_idx")
      .on(t.accountId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
    index("staff_invitations_account_idx").on(t.accountId, t.createdAt),
  ],
);

/**
 * Security events (sign-ins, failures, password and two-factor changes, role changes, invitations,
 * removals), shown to the account's Owners and Admins. A sign-in is written once per account the user
 * belongs to at that moment (lib/security/events.ts); account_id is null only for what belongs to no
 * account (a failed sign-in for an unknown email), which no account sees.
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    /** Who it is about or who acted (the actor for account changes; the target is in detail). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [
    index("security_events_account_idx").on(t.accountId, t.createdAt.desc(), t.id.desc()),
    index("security_events_user_idx").on(t.userId),
  ],
);
