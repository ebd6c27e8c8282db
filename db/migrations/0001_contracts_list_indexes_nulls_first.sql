DROP INDEX "contracts_issuer_created_idx";--> statement-breakpoint
DROP INDEX "contracts_issuer_status_created_idx";--> statement-breakpoint
DROP INDEX "contracts_issuer_kind_created_idx";--> statement-breakpoint
DROP INDEX "contracts_issuer_agreement_idx";--> statement-breakpoint
CREATE INDEX "contracts_issuer_created_idx" ON "contracts" USING btree ("issuer_account_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contracts_issuer_status_created_idx" ON "contracts" USING btree ("issuer_account_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contracts_issuer_kind_created_idx" ON "contracts" USING btree ("issuer_account_id","kind","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contracts_issuer_agreement_idx" ON "contracts" USING btree ("issuer_account_id","agreement_id","created_at" DESC NULLS FIRST);