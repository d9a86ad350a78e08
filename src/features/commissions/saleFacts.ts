import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import type { SaleFact } from "../../domain/commission.js";
import { dayOf, type WorkingHours } from "../../domain/workingTime.js";
import { FIRST_ORDER_SQL } from "../accounts/orderFacts.js";

export interface MonthSales {
  sales: SaleFact[];
  /** Legal names of the companies the sales were made to. */
  companyNames: Map<number, string>;
}

interface OrderRow {
  order_id: number;
  company_id: number;
  legal_name: string;
  ordered_at: Date | string;
  total_minor: number | string;
  currency: string;
  is_first: boolean;
  deal_manager_id: number | null;
  tier2_holder_id: number | null;
  tier3_holder_id: number | null;
  caller_id: number | null;
  handed_over_at: Date | string | null;
}

/**
 * The month's orders with the people they earn for (see domain/commission for the rules):
 * - the first order of a company earns its tier-2 manager a first sale (the won deal's manager;
 *   with no deal, the latest tier-2 holder then: still holding it, or the one who handed it on
 *   to tier 3) and the caller who handed the lead over a converted lead — when the sale came
 *   after the hand-over. The hand-over is the caller's interested call (`calls.handed_over`) or,
 *   for a company a caller held, the tier-1 holding that ended handed over, whichever is the
 *   latest at or before the company's first tier-2 holding (its lead moment). Both are needed:
 *   a call from a call list hands over a company nobody held in tier 1, and a manual hand-over
 *   from a caller's holding logs no call.
 * - every later order earns the company's tier-3 holder at that moment a repeat sale.
 * The month is [from, to): local midnights in the team's time zone.
 */
export async function monthSales(db: DbOrTx, from: Date, to: Date, wh: WorkingHours): Promise<MonthSales> {
  const rows = await selectRows<OrderRow>(
    db,
    sql`select o.id as order_id, o.company_id, c.legal_name, o.ordered_at, o.total_minor, o.currency,
               ${FIRST_ORDER_SQL} as is_first,
               d.manager_id as deal_manager_id, t2.user_id as tier2_holder_id, t3.user_id as tier3_holder_id,
               hand.user_id as caller_id, hand.at as handed_over_at
        from orders o
        join companies c on c.id = o.company_id
        left join deals d on d.id = o.deal_id
        left join lateral (
          select h.user_id from holdings h
          where h.company_id = o.company_id and h.tier = 2 and h.started_at <= o.ordered_at
            and (h.ended_at is null or h.ended_at >= o.ordered_at or h.end_reason in ('handed_over', 'sold'))
          order by h.started_at desc, h.id desc limit 1) t2 on true
        left join lateral (
          select h.user_id from holdings h
          where h.company_id = o.company_id and h.tier = 3 and h.started_at <= o.ordered_at and (h.ended_at is null or h.ended_at > o.ordered_at)
          order by h.started_at desc, h.id desc limit 1) t3 on true
        left join lateral (select min(h.started_at) as at from holdings h where h.company_id = o.company_id and h.tier = 2) lead on true
        left join lateral (
          select x.user_id, x.at from (
            select k.caller_id as user_id, k.occurred_at as at, 1 as preference from calls k
            where k.company_id = o.company_id and k.handed_over and k.occurred_at <= lead.at
            union all
            select h.user_id, h.ended_at, 2 from holdings h
            where h.company_id = o.company_id and h.tier = 1 and h.end_reason = 'handed_over' and h.ended_at <= lead.at
          ) x order by x.at desc, x.preference limit 1) hand on true
        where o.ordered_at >= ${from.toISOString()}::timestamptz and o.ordered_at < ${to.toISOString()}::timestamptz
        order by o.ordered_at, o.id`,
  );

  const sales: SaleFact[] = [];
  const companyNames = new Map<number, string>();
  for (const r of rows) {
    companyNames.set(r.company_id, r.legal_name);
    const orderedAt = new Date(r.ordered_at);
    const order = { companyId: r.company_id, orderId: r.order_id, day: dayOf(orderedAt, wh), orderTotalMinor: Number(r.total_minor), orderCurrency: r.currency };
    if (!r.is_first) {
      if (r.tier3_holder_id !== null) sales.push({ kind: "repeat_sale", userId: r.tier3_holder_id, ...order });
      continue;
    }
    const manager = r.deal_manager_id ?? r.tier2_holder_id;
    if (manager !== null) sales.push({ kind: "first_sale", userId: manager, ...order });
    if (r.caller_id !== null && r.handed_over_at !== null && new Date(r.handed_over_at).getTime() < orderedAt.getTime()) {
      sales.push({ kind: "converted_lead", userId: r.caller_id, ...order });
    }
  }
  return { sales, companyNames };
}
