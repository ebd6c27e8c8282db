import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import type { Permissions } from "./permissions";
import { accounts, users } from "./accounts";
import { agreements, agreementVersions } from "./agreements";

export const contractStatuses = ["pending", "active", "rejected", "terminated", "expired"] as const;
export type ContractStatus = (typeof contractStatuses)[number];
export const contractKinds = ["test", "production"] as const;
export type ContractKind = (typeof contractKinds)[number];

export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicId: text("public_id").notNull().unique(),
    type: text("type", { enum: ["service"] })
      .notNull()
      .default("service"),
    status: text("status", { enum: contractStatuses }).notNull().default("pending"),
    kind: text("kind", { enum: contractKinds }).notNull(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    /** The agreement version the contract is on: the active one at creation, then the one signed. */
    agreementVersionId: uuid("agreement_version_id")
      .notNull()
      .references(() => agreementVersions.id),
    issuerAccountId: uuid("issuer_account_id")
      .notNull()
      .references(() => accounts.id),
    ownerAccountId: uuid("owner_account_id").references(() => accounts.id),
    signeeUserId: uuid("signee_user_id").references(() => users.id),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    permissions: jsonb("permissions").$type<Permissions>().notNull(),
    noteToSignee: varchar("note_to_signee", { length: 200 }).notNull(),
    internalNote: varchar("internal_note", { length: 100 }),
    signeeEmail: text("signee_email"),
    /** The language of the signee's emails (invitation, reminders, notices), chosen by the issuer (issue 24). */
    signeeLocale: text("signee_locale").notNull().default("en"),
    /** Company name given when the distributor invited the partner (Directory); pre-fills activation. */
    invitedCompanyName: text("invited_company_name"),
    /** Chosen by the wizard when it opens: a second Create with the same key returns the first contract. */
    creationKey: text("creation_key"),
    /** sha256(token), hex. The plain token is never stored. */
    tokenHash: text("token_hash").unique(),
    /** AES-256-GCM ciphertext of the token, so the issuer can see the link again. */
    tokenCiphertext: text("token_ciphertext"),
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    rejectedAt: timestamp("rejected_at", { withTimezone: true }),
    rejectionReason: varchar("rejection_reason", { length: 500 }),
    terminatedAt: timestamp("terminated_at", { withTimezone: true }),
    terminationReason: varchar("termination_reason", { length: 100 }),
    /** Optional end of the contract (end of the chosen day, UTC): the scheduler then sets it `expired`. */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    expiredAt: timestamp("expired_at", { withTimezone: true }),
    /** A Production contract made by promoting a Test one (issue 21): the Test contract it replaced. */
    promotedFromContractId: uuid("promoted_from_contract_id"),
    /**
     * What the Contracts list's search matches by substring (ID, invited company, signee email), lower-cased
     * and kept by the database: one LIKE per row instead of three case-insensitive ones, and readable from
     * contracts_issuer_search_idx alone (migration 0015). Fields are joined by U+001F, which a search drops.
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(public_id || E'\\x1f' || coalesce(invited_company_name, '') || E'\\x1f' || coalesce(signee_email, ''))`,
    ),
  },
  (t) => [
    check("contracts_status_check", sql`${t.status} in ('pending', 'active', 'rejected', 'terminated', 'expired')`),
    check("contracts_kind_check", sql`${t.kind} in ('test', 'production')`),
    check(
      "contracts_active_has_owner",
      sql`${t.status} <> 'active' or (${t.ownerAccountId} is not null and ${t.signeeUserId} is not null)`,
    ),
    // Keyset pagination of the Contracts tab, newest first, optionally filtered. A search walks the same order in
    // contracts_issuer_search_idx (migration 0015: the same key, INCLUDE what the search tests).
    index("contracts_issuer_created_idx").on(t.issuerAccountId, t.createdAt.desc(), t.id.desc()),
    // The Contracts tab sorted by Updated (either way).
    index("contracts_issuer_updated_idx").on(t.issuerAccountId, t.updatedAt.desc(), t.id.desc()),
    index("contracts_issuer_status_created_idx").on(t.issuerAccountId, t.status, t.createdAt.desc(), t.id.desc()),
    index("contracts_issuer_kind_created_idx").on(t.issuerAccountId, t.kind, t.createdAt.desc(), t.id.desc()),
    index("contracts_issuer_agreement_idx").on(t.issuerAccountId, t.agreementId, t.createdAt.desc()),
    uniqueIndex("contracts_creation_key_idx").on(t.issuerAccountId, t.creationKey),
    index("contracts_owner_idx").on(t.ownerAccountId, t.status),
    // The end-date job's scan: active contracts by end date.
    index("contracts_active_ends_idx")
      .on(t.endsAt)
      .where(sql`${t.status} = 'active' and ${t.endsAt} is not null`),
    // One successor per promoted Test contract (a second promotion cannot be accepted twice).
    uniqueIndex("contracts_promoted_from_idx").on(t.promotedFromContractId),
    index("contracts_agreement_version_idx").on(t.agreementVersionId),
    index("contracts_signee_email_idx").on(t.issuerAccountId, sql`lower(${t.signeeEmail})`),
    // The list search's covering index, contracts_issuer_search_idx, lives in the hand-written migration
    // 0015_search_text.sql (drizzle-kit cannot write INCLUDE); the trigram indexes of 0001_search_trigram.sql on
    // contracts were dropped there too, once the search stopped using them.
  ],
);

/**
 * The link hashes of deleted contracts, so their links say "deleted" (PRODUCT.md: a page per link
 * state) instead of "not valid". The contract row is gone; only sha256(token) stays, never the token.
 */
export const deletedContractLinks = pgTable("deleted_contract_links", {
  tokenHash: text("token_hash").primaryKey(),
  deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Each agreement version signed on a contract, with the evidence of the signature. */
export const contractVersions = pgTable(
  "contract_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    agreementVersionId: uuid("agreement_version_id")
      .notNull()
      .references(() => agreementVersions.id),
    signedByUserId: uuid("signed_by_user_id")
      .notNull()
      .references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    sha256: text("sha256").notNull(),
    /** Which of the version's texts was shown and signed: "default" or a language (agreement_version_texts). */
    textLocale: text("text_locale").notNull().default("default"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /**
     * The certificate of acceptance's short code (16 hex digits, shown as 4 groups): printed on the PDF,
     * it opens /verify?c=… . Random, so it tells nothing and cannot be guessed from another certificate.
     */
    certificateCode: text("certificate_code")
      .notNull()
      .unique()
      .default(sql`upper(substr(md5(gen_random_uuid()::text), 1, 16))`),
  },
  (t) => [uniqueIndex("contract_versions_contract_version_idx").on(t.contractId, t.agreementVersionId)],
);
