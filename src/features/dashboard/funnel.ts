import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { AFTER_LEAD_SQL, FIRST_ORDER_SQL, ORDER_SELLER_SQL } from "../accounts/orderFacts.js";
import { personInScope, type DashboardScope } from "./scope.js";

/** The conveyor's steps, in order: each counts distinct companies that took it in the period. */
export const FUNNEL_STEPS = ["dialled", "contacted", "interested", "lead", "firstSale", "repeat"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export type Funnel = Record<FunnelStep, number>;

/**
 * The funnel of a period: companies a caller dialled, reached (a connected call), and found
 * interested (a call that handed the company over); companies that became leads (their first
 * tier-2 holding started), made their first purchase (the first order, at or after becoming a
 * lead), and bought again (an order after the first). With a team, each step counts only when
 * a person of the team took it: the caller, the tier-2 holder, the seller of the order.
 */
export async function funnel(db: DbOrTx, scope: DashboardScope): Promise<Funnel> {
  const start = scope.start.toISOString();
  const end = scope.end.toISOString();
  const inPeriod = (column: ReturnType<typeof sql>) => sql`${column} >= ${start}::timestamptz and ${column} < ${end}::timestamptz`;
  const [row] = await selectRows<{ dialled: number; contacted: number; interested: number; lead: number; first_sale: number; repeat: number }>(
    db,
    sql`with period_calls as (
          select k.company_id, k.connected, k.handed_over from calls k
          where ${inPeriod(sql`k.occurred_at`)} and ${personInScope(sql`k.caller_id`, scope)}
        ),
        period_orders as (
          select o.company_id, ${FIRST_ORDER_SQL} as first, ${AFTER_LEAD_SQL} as after_lead
          from orders o
          where ${inPeriod(sql`o.ordered_at`)} and ${personInScope(ORDER_SELLER_SQL, scope)}
        )
        select (select count(distinct company_id) from period_calls)::int as dialled,
               (select count(distinct company_id) from period_calls where connected)::int as contacted,
               (select count(distinct company_id) from period_calls where handed_over)::int as interested,
               (select count(*) from holdings h
                where h.tier = 2 and ${inPeriod(sql`h.started_at`)} and ${personInScope(sql`h.user_id`, scope)}
                  and not exists (select 1 from holdings e where e.company_id = h.company_id and e.tier = 2
                                  and (e.started_at < h.started_at or (e.started_at = h.started_at and e.id < h.id))))::int as lead,
               (select count(*) from period_orders where first and after_lead)::int as first_sale,
               (select count(distinct company_id) from period_orders where not first)::int as repeat`,
  );
  return { dialled: row!.dialled, contacted: row!.contacted, interested: row!.interested, lead: row!.lead, firstSale: row!.first_sale, repeat: row!.repeat };
}
