-- The Contracts search matches a contract's own fields through search_text and contracts_issuer_search_idx
-- (migration 0015), so no query reads these three trigram indexes any more; each one cost every contract
-- insert and update a GIN entry. accounts_name_trgm_idx stays: the search's partner-name lookup uses it.
DROP INDEX IF EXISTS "contracts_public_id_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contracts_invited_company_name_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contracts_signee_email_lower_trgm_idx";
