import { sql, type SQL } from "drizzle-orm";

/**
 * Who made the sale of an order `o`: the manager of the deal it closed (a first sale), else
 * whoever held the company when it was ordered (the account manager of a repeat order).
 */
export const ORDER_SELLER_SQL: SQL = sql`coalesce(
  (select d.manager_id from deals d where d.id = o.deal_id),
  (select sh.user_id from holdings sh where sh.company_id = o.company_id and sh.started_at <= o.ordered_at
   order by sh.started_at desc, sh.id desc limit 1))`;

/** The order `o` is its company's first (ties on the same instant go to the lower id). */
export const FIRST_ORDER_SQL: SQL = sql`not exists (
  select 1 from orders p where p.company_id = o.company_id and (p.ordered_at < o.ordered_at or (p.ordered_at = o.ordered_at and p.id < o.id)))`;

/** The company of order `o` was a lead (a tier-2 holding started) at or before the order. */
export const AFTER_LEAD_SQL: SQL = sql`exists (select 1 from holdings lh where lh.company_id = o.company_id and lh.tier = 2 and lh.started_at <= o.ordered_at)`;
