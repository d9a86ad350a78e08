CREATE TABLE "customer_products" (
	"company_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	CONSTRAINT "customer_products_company_id_product_id_pk" PRIMARY KEY("company_id","product_id")
);
--> statement-breakpoint
DROP INDEX "companies_next_touch_idx";--> statement-breakpoint
ALTER TABLE "customer_products" ADD CONSTRAINT "customer_products_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_products" ADD CONSTRAINT "customer_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_products_product_idx" ON "customer_products" USING btree ("product_id","company_id");--> statement-breakpoint
-- Every order line, however it is written (an order, a won deal, an import), records the purchase.
CREATE FUNCTION record_customer_product() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_products (company_id, product_id)
  SELECT o.company_id, NEW.product_id FROM orders o WHERE o.id = NEW.order_id
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER order_lines_record_customer_product AFTER INSERT ON order_lines FOR EACH ROW EXECUTE FUNCTION record_customer_product();--> statement-breakpoint
INSERT INTO customer_products (company_id, product_id)
SELECT DISTINCT o.company_id, ol.product_id FROM order_lines ol JOIN orders o ON o.id = ol.order_id
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Room on each page lets the touch dates (unindexed) change in place (HOT) without touching the indexes.
ALTER TABLE companies SET (fillfactor = 85);
