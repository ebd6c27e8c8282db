-- Trigram indexes for the infix (ILIKE '%term%') search of the Contracts list: without them each search
-- scans every account and walks the issuer's contracts row by row. pg_trgm ships with PostgreSQL's contrib
-- and PGlite loads it in db/client.ts. Terms under 3 characters have no trigram and still scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "accounts_name_trgm_idx" ON "accounts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contracts_invited_company_name_trgm_idx" ON "contracts" USING gin ("invited_company_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contracts_signee_email_lower_trgm_idx" ON "contracts" USING gin (lower("signee_email") gin_trgm_ops);
