import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Permissions } from "./permissions";

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicId: text("public_id").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ["distributor", "reseller"] }).notNull(),
    /** What the role itself grants; delegated permissions come from active contracts. */
    permissions: jsonb("permissions").$type<Permissions>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("accounts_role_check", sql`${t.role} in ('distributor', 'reseller')`), index("accounts_name_idx").on(t.name)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicId: text("public_id").notNull().unique(),
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Bumped on password change or "sign out everywhere"; tokens carrying an older value are dead. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** The last successful sign-in (Settings → Users); written by lib/security/events.ts recordSignIn. */
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** The user's interface language (lib/i18n/locales.ts); null follows the browser's Accept-Language. */
    locale: text("locale"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The user's role in this account (lib/accounts/roles.ts); the account's first users are its owners. */
    role: text("role", { enum: ["owner", "admin", "member", "readonly"] })
      .notNull()
      .default("owner"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_user_account_idx").on(t.userId, t.accountId),
    index("memberships_account_idx").on(t.accountId),
    check("memberships_role_check", sql`${t.role} in ('owner', 'admin', 'member', 'readonly')`),
  ],
);
