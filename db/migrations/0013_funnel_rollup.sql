CREATE TABLE "funnel_day_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issuer_account_id" uuid NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_days" (
	"issuer_account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created" integer NOT NULL,
	"emailed" integer NOT NULL,
	"opened" integer NOT NULL,
	"activated" integer NOT NULL,
	"rejected" integer NOT NULL,
	"expired" integer NOT NULL,
	"activation_histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	CONSTRAINT "funnel_days_issuer_account_id_day_pk" PRIMARY KEY("issuer_account_id","day")
);
--> statement-breakpoint
ALTER TABLE "funnel_days" ADD CONSTRAINT "funnel_days_issuer_account_id_accounts_id_fk" FOREIGN KEY ("issuer_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funnel_day_changes_day_idx" ON "funnel_day_changes" USING btree ("issuer_account_id","day");--> statement-breakpoint
CREATE INDEX "funnel_days_valid_until_idx" ON "funnel_days" USING btree ("valid_until") WHERE "funnel_days"."valid_until" is not null;