ALTER TABLE "contracts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(public_id || E'\x1f' || coalesce(invited_company_name, '') || E'\x1f' || coalesce(signee_email, ''))) STORED;--> statement-breakpoint
-- What a search of the Contracts tab tests, beside its newest-first key (lib/contracts/list-contracts.ts): the walk
-- over the issuer's contracts stops at a page of matches without reading table rows (an index-only scan).
-- Partial on a condition only a search states (search_text is never null), so the plain list keeps its narrower
-- contracts_issuer_created_idx. drizzle-kit cannot write INCLUDE.
CREATE INDEX IF NOT EXISTS "contracts_issuer_search_idx" ON "contracts" ("issuer_account_id", "created_at" DESC NULLS LAST, "id" DESC NULLS LAST) INCLUDE ("search_text", "owner_account_id", "agreement_id") WHERE "search_text" IS NOT NULL;--> statement-breakpoint
-- Nothing reads the trigram indexes of 0001 on contracts' own columns any more (the search matches
-- search_text); each cost every insert and update a GIN entry. accounts_name_trgm_idx stays: the search's
-- partner-name lookup uses it.
DROP INDEX IF EXISTS "contracts_public_id_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contracts_invited_company_name_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contracts_signee_email_lower_trgm_idx";
