CREATE TABLE "rests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"from_user_id" integer NOT NULL,
	"tier" smallint NOT NULL,
	"stage_before" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until_on" date NOT NULL,
	"next_holder_id" integer,
	"decided_by" integer NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "weekly_report_lines" (
	"report_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"status" text NOT NULL,
	"next_step" text NOT NULL,
	"next_step_on" date,
	"note" text,
	CONSTRAINT "weekly_report_lines_report_id_company_id_pk" PRIMARY KEY("report_id","company_id"),
	CONSTRAINT "weekly_report_lines_status_check" CHECK ("weekly_report_lines"."status" in ('progressing','stalled','hopeless','sold'))
);
--> statement-breakpoint
CREATE TABLE "weekly_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "weekly_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "holdings" ADD COLUMN "dead_listed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "holdings" ADD COLUMN "dead_reason" text;--> statement-breakpoint
ALTER TABLE "holdings" ADD COLUMN "extended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rests" ADD CONSTRAINT "rests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rests" ADD CONSTRAINT "rests_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rests" ADD CONSTRAINT "rests_next_holder_id_users_id_fk" FOREIGN KEY ("next_holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rests" ADD CONSTRAINT "rests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_report_lines" ADD CONSTRAINT "weekly_report_lines_report_id_weekly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."weekly_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_report_lines" ADD CONSTRAINT "weekly_report_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rests_one_open_per_company" ON "rests" USING btree ("company_id") WHERE "rests"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "rests_open_until_idx" ON "rests" USING btree ("until_on") WHERE "rests"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "weekly_report_lines_company_idx" ON "weekly_report_lines" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_reports_user_week_key" ON "weekly_reports" USING btree ("user_id","week_start");--> statement-breakpoint
CREATE INDEX "holdings_dead_list_idx" ON "holdings" USING btree ("dead_listed_at") WHERE "holdings"."ended_at" is null and "holdings"."dead_listed_at" is not null;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_dead_check" CHECK (("holdings"."dead_listed_at" is null) = ("holdings"."dead_reason" is null));--> statement-breakpoint
-- Rotation's invariant at the lowest level: a resting company is neither held nor called.
CREATE FUNCTION refuse_work_on_resting_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM companies WHERE id = NEW.company_id AND stage = 'resting') THEN
    RAISE EXCEPTION 'company % is resting', NEW.company_id USING ERRCODE = 'check_violation', CONSTRAINT = 'company_resting';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER holdings_not_while_resting BEFORE INSERT ON holdings FOR EACH ROW EXECUTE FUNCTION refuse_work_on_resting_company();--> statement-breakpoint
CREATE TRIGGER calls_not_while_resting BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION refuse_work_on_resting_company();
