CREATE TABLE "contract_follow_ups" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"armed_at" timestamp with time zone NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone,
	"first_opened_at" timestamp with time zone,
	"last_opened_at" timestamp with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	"last_open_ip" text,
	"last_open_user_agent" text
);
--> statement-breakpoint
CREATE TABLE "follow_up_sends" (
	"key" text PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_policies" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"first_after_days" integer DEFAULT 3 NOT NULL,
	"every_days" integer DEFAULT 4 NOT NULL,
	"max_reminders" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_policies_first_check" CHECK ("reminder_policies"."first_after_days" between 1 and 90),
	CONSTRAINT "reminder_policies_every_check" CHECK ("reminder_policies"."every_days" between 1 and 90),
	CONSTRAINT "reminder_policies_max_check" CHECK ("reminder_policies"."max_reminders" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "contract_follow_ups" ADD CONSTRAINT "contract_follow_ups_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_sends" ADD CONSTRAINT "follow_up_sends_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_policies" ADD CONSTRAINT "reminder_policies_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_follow_ups_next_check_idx" ON "contract_follow_ups" USING btree ("next_check_at") WHERE "contract_follow_ups"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "contract_follow_ups_opened_idx" ON "contract_follow_ups" USING btree ("contract_id") WHERE "contract_follow_ups"."first_opened_at" is not null;--> statement-breakpoint
CREATE INDEX "follow_up_sends_contract_idx" ON "follow_up_sends" USING btree ("contract_id");
--> statement-breakpoint
-- hand-written:
-- The funnel (lib/follow-up/funnel.ts) counts an issuer's contracts of a period from this index alone (an
-- index-only scan): drizzle-kit cannot write INCLUDE.
CREATE INDEX IF NOT EXISTS "contracts_issuer_funnel_idx" ON "contracts" ("issuer_account_id", "created_at") INCLUDE ("status", "activated_at", "link_expires_at", "signee_email");
--> statement-breakpoint
-- Pending contracts created before this migration join the follow-up schedule, anchored at their creation.
INSERT INTO "contract_follow_ups" ("contract_id", "armed_at", "next_check_at")
SELECT "id", "created_at", now() FROM "contracts" WHERE "status" = 'pending'
ON CONFLICT DO NOTHING;
