CREATE TABLE "agreement_version_texts" (
	"version_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"content" text NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_version_texts_version_id_locale_pk" PRIMARY KEY("version_id","locale")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD COLUMN "text_locale" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "signee_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_version_texts" ADD CONSTRAINT "agreement_version_texts_version_id_agreement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_versions"("id") ON DELETE cascade ON UPDATE no action;