CREATE TABLE "alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"source_id" integer,
	"metric" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "alerts_kind_check" CHECK ("alerts"."kind" in ('source_conversion_drop','source_spam')),
	CONSTRAINT "alerts_resolved_check" CHECK (("alerts"."resolved_at" is null) = ("alerts"."resolution" is null))
);
--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commission_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tier" smallint NOT NULL,
	"effective_from" date NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"rate_bp" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_rules_tier_check" CHECK ("commission_rules"."tier" between 1 and 3),
	CONSTRAINT "commission_rules_month_check" CHECK (extract(day from "commission_rules"."effective_from") = 1),
	CONSTRAINT "commission_rules_basis_check" CHECK (("commission_rules"."tier" = 1 and "commission_rules"."amount_minor" >= 0 and "commission_rules"."currency" is not null and "commission_rules"."rate_bp" is null) or ("commission_rules"."tier" in (2, 3) and "commission_rules"."rate_bp" between 0 and 10000 and "commission_rules"."amount_minor" is null and "commission_rules"."currency" is null))
);
--> statement-breakpoint
CREATE TABLE "export_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "export_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"what" text NOT NULL,
	"format" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_log_format_check" CHECK ("export_log"."format" in ('csv','xlsx'))
);
--> statement-breakpoint
CREATE TABLE "lead_intakes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_intakes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"company_id" integer,
	"error_code" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "lead_intakes_outcome_check" CHECK ("lead_intakes"."outcome" in ('accepted','duplicate','invalid','rate_limited'))
);
--> statement-breakpoint
CREATE TABLE "lead_sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"cost_per_lead_minor" bigint,
	"currency" text,
	"owner_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"intake_token_hash" text,
	"intake_hourly_limit" integer DEFAULT 120 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_sources_kind_check" CHECK ("lead_sources"."kind" in ('partner','ads','web_form','exhibition','inbound_call','cold_base','referral','other')),
	CONSTRAINT "lead_sources_cost_check" CHECK (("lead_sources"."cost_per_lead_minor" is null) = ("lead_sources"."currency" is null) and coalesce("lead_sources"."cost_per_lead_minor", 0) >= 0),
	CONSTRAINT "lead_sources_limit_check" CHECK ("lead_sources"."intake_hourly_limit" between 1 and 100000)
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "source_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_source_id_lead_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."lead_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_log" ADD CONSTRAINT "export_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_intakes" ADD CONSTRAINT "lead_intakes_source_id_lead_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."lead_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_intakes" ADD CONSTRAINT "lead_intakes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sources" ADD CONSTRAINT "lead_sources_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_live_key" ON "alerts" USING btree ("kind","source_id","metric") WHERE "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_raised_idx" ON "alerts" USING btree ("raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_rules_tier_from_key" ON "commission_rules" USING btree ("tier","effective_from");--> statement-breakpoint
CREATE INDEX "export_log_created_idx" ON "export_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "lead_intakes_source_time_idx" ON "lead_intakes" USING btree ("source_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_sources_name_key" ON "lead_sources" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "lead_sources_intake_token_key" ON "lead_sources" USING btree ("intake_token_hash") WHERE "lead_sources"."intake_token_hash" is not null;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_source_id_lead_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."lead_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_source_idx" ON "companies" USING btree ("source_id");--> statement-breakpoint
-- The free-text sources become lead sources; the kind is guessed from the name and can be changed.
INSERT INTO "lead_sources" ("name", "kind")
SELECT DISTINCT ON (lower(btrim("source"))) btrim("source"),
  CASE
    WHEN lower("source") LIKE '%cold%' OR lower("source") LIKE '%холодн%' THEN 'cold_base'
    WHEN lower("source") LIKE '%inbound%' OR lower("source") LIKE '%входящ%' OR lower("source") LIKE '%вхідн%' THEN 'inbound_call'
    WHEN lower("source") LIKE '%exhibit%' OR lower("source") LIKE '%выстав%' OR lower("source") LIKE '%вистав%' THEN 'exhibition'
    WHEN lower("source") LIKE '%partner%' OR lower("source") LIKE '%партн%' THEN 'partner'
    WHEN lower("source") LIKE '%referr%' OR lower("source") LIKE '%рекоменд%' THEN 'referral'
    WHEN lower("source") LIKE '%web%' OR lower("source") LIKE '%site%' OR lower("source") LIKE '%form%' OR lower("source") LIKE '%сайт%' THEN 'web_form'
    WHEN lower("source") LIKE '%ads%' OR lower("source") LIKE '%advert%' OR lower("source") LIKE '%реклам%' THEN 'ads'
    ELSE 'other'
  END
FROM "companies" WHERE "source" IS NOT NULL AND btrim("source") <> ''
ORDER BY lower(btrim("source")), btrim("source");
--> statement-breakpoint
UPDATE "companies" c SET "source_id" = s."id" FROM "lead_sources" s WHERE c."source" IS NOT NULL AND lower(btrim(c."source")) = lower(s."name");
--> statement-breakpoint
-- Call lists selected by source names now select by source ids.
UPDATE "call_lists" SET "criteria" = ("criteria" - 'sources') || jsonb_build_object('sourceIds', coalesce((
  SELECT jsonb_agg(s."id" ORDER BY s."id") FROM "lead_sources" s
  WHERE lower(s."name") IN (SELECT lower(btrim(x)) FROM jsonb_array_elements_text("criteria"->'sources') x)
), '[]'::jsonb))
WHERE "criteria" ? 'sources';
