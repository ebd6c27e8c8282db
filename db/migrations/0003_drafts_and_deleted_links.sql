CREATE TABLE "deleted_contract_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "occurred_at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
-- Versions that are or were in use count as published; the rest stay drafts (no history says more).
UPDATE "agreement_versions" v SET "published_at" = v."created_at"
WHERE v."active"
   OR EXISTS (SELECT 1 FROM "contracts" c WHERE c."agreement_version_id" = v."id")
   OR EXISTS (SELECT 1 FROM "contract_versions" cv WHERE cv."agreement_version_id" = v."id");--> statement-breakpoint
-- Part of a contract ID ("21589") is searched anywhere in the ID, behind the issuer filter; the trigram
-- index keeps that from walking every contract of a large issuer.
CREATE INDEX IF NOT EXISTS "contracts_public_id_trgm_idx" ON "contracts" USING gin ("public_id" gin_trgm_ops);
