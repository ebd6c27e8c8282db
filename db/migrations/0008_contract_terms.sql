CREATE TABLE "contract_end_notices" (
	"contract_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_end_notices_contract_id_days_ends_at_pk" PRIMARY KEY("contract_id","days","ends_at"),
	CONSTRAINT "contract_end_notices_days_check" CHECK ("contract_end_notices"."days" in (1, 7, 30))
);
--> statement-breakpoint
CREATE TABLE "contract_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"from_permissions" jsonb,
	"permissions" jsonb,
	"proposed_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"ip" text,
	"user_agent" text,
	"successor_contract_id" uuid,
	CONSTRAINT "contract_proposals_kind_check" CHECK ("contract_proposals"."kind" in ('permissions', 'promotion')),
	CONSTRAINT "contract_proposals_status_check" CHECK ("contract_proposals"."status" in ('pending', 'accepted', 'withdrawn', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "contracts" DROP CONSTRAINT "contracts_status_check";--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "promoted_from_contract_id" uuid;--> statement-breakpoint
ALTER TABLE "contract_end_notices" ADD CONSTRAINT "contract_end_notices_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_proposals" ADD CONSTRAINT "contract_proposals_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_proposals" ADD CONSTRAINT "contract_proposals_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_proposals" ADD CONSTRAINT "contract_proposals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_proposals" ADD CONSTRAINT "contract_proposals_successor_contract_id_contracts_id_fk" FOREIGN KEY ("successor_contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_proposals_one_pending_idx" ON "contract_proposals" USING btree ("contract_id","kind") WHERE "contract_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "contract_proposals_contract_idx" ON "contract_proposals" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_proposals_due_idx" ON "contract_proposals" USING btree ("expires_at") WHERE "contract_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "contracts_active_ends_idx" ON "contracts" USING btree ("ends_at") WHERE "contracts"."status" = 'active' and "contracts"."ends_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_promoted_from_idx" ON "contracts" USING btree ("promoted_from_contract_id");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_status_check" CHECK ("contracts"."status" in ('pending', 'active', 'rejected', 'terminated', 'expired'));