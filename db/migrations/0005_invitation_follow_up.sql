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
CREATE INDEX "follow_up_sends_contract_idx" ON "follow_up_sends" USING btree ("contract_id");--> statement-breakpoint
-- hand-written:
-- Pending contracts created before this migration join the follow-up schedule, anchored at their creation.
INSERT INTO "contract_follow_ups" ("contract_id", "armed_at", "next_check_at")
SELECT "id", "created_at", now() FROM "contracts" WHERE "status" = 'pending'
ON CONFLICT DO NOTHING;
