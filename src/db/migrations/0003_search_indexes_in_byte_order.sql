DROP INDEX "companies_legal_id_prefix_idx";--> statement-breakpoint
DROP INDEX "companies_search_name_idx";--> statement-breakpoint
DROP INDEX "contact_phones_e164_idx";--> statement-breakpoint
CREATE INDEX "companies_legal_id_c_idx" ON "companies" USING btree (("legal_id" collate "C"),"id");--> statement-breakpoint
CREATE INDEX "companies_search_name_c_idx" ON "companies" USING btree (("search_name" collate "C"),"id");--> statement-breakpoint
CREATE INDEX "contact_phones_e164_c_idx" ON "contact_phones" USING btree (("e164" collate "C"),"company_id");