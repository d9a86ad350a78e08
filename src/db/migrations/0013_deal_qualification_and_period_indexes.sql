ALTER TABLE "deals" ADD COLUMN "qualified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "contacts_emails_idx" ON "contacts" USING gin ("emails");--> statement-breakpoint
CREATE INDEX "deals_company_idx" ON "deals" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "holdings_tier2_started_idx" ON "holdings" USING btree ("started_at") WHERE "holdings"."tier" = 2;--> statement-breakpoint
CREATE INDEX "orders_ordered_at_idx" ON "orders" USING btree ("ordered_at");--> statement-breakpoint
-- Deals from before: qualified when the timeline shows the first move past the team's first stage
-- (or a deal opened past it), else when won, else an open deal that already stands past it.
WITH first_stage AS (
  SELECT coalesce((SELECT s."value"->'dealStages'->>0 FROM "settings" s WHERE s."key" = 'team'), 'first_contact') AS stage
)
UPDATE "deals" d SET "qualified_at" = coalesce(
  (SELECT min(a."occurred_at") FROM "activities" a, first_stage f
   WHERE a."company_id" = d."company_id" AND a."data"->>'dealId' = d."id"::text
     AND ((a."kind" = 'deal_stage_changed' AND a."data"->>'to' <> f.stage) OR (a."kind" = 'deal_opened' AND a."data"->>'stage' <> f.stage))),
  CASE WHEN d."stage" = 'won' THEN d."closed_at" END,
  CASE WHEN d."stage" NOT IN ('won', 'lost') AND d."stage" <> (SELECT stage FROM first_stage) THEN d."opened_at" END
);
--> statement-breakpoint
-- The app stores emails lower-cased; make sure older rows are too, so the email index finds them.
UPDATE "contacts" SET "emails" = array(SELECT DISTINCT lower(e) FROM unnest("emails") e) WHERE "emails"::text <> lower("emails"::text);
