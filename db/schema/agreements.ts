import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { accounts, users } from "./accounts";

export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicId: text("public_id").notNull().unique(),
    type: text("type", { enum: ["service", "program"] }).notNull(),
    name: varchar("name", { length: 100 }).notNull(),
    description: text("description").notNull(),
    ownerAccountId: uuid("owner_account_id")
      .notNull()
      .references(() => accounts.id),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("agreements_type_check", sql`${t.type} in ('service', 'program')`),
    index("agreements_owner_updated_idx").on(t.ownerAccountId, t.updatedAt, t.id),
  ],
);

/** How a version's text is kept: markdown, or an https link to the document. */
export const contentKinds = ["markdown", "link"] as const;
export type ContentKind = (typeof contentKinds)[number];

export const agreementVersions = pgTable(
  "agreement_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** The agreement document: markdown text, or an https link to it. */
    content: text("content").notNull(),
    contentKind: text("content_kind", { enum: contentKinds }).notNull().default("markdown"),
    sha256: text("sha256").notNull(),
    active: boolean("active").notNull().default(false),
    /** When the version first became active; null while it is a draft that was never published. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    authorUserId: uuid("author_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agreement_versions_number_idx").on(t.agreementId, t.number),
    // The database, not the code, guarantees a single active version.
    uniqueIndex("agreement_versions_one_active_idx")
      .on(t.agreementId)
      .where(sql`${t.active}`),
  ],
);

/**
 * A version's text in another language (issue 24, optional): the version's own content stays the default
 * text; a signee whose language has a text here reads and signs that one (contract_versions.text_locale).
 * Immutable like the version; its own sha256.
 */
export const agreementVersionTexts = pgTable(
  "agreement_version_texts",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => agreementVersions.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    content: text("content").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.locale] })],
);
