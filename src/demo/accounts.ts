import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../db/connect.js";
import { recomputeInsights } from "../features/accounts/insights.js";
import { runRotationSweep } from "../features/rotation/rotationSweep.js";
import { scheduleTouches } from "../features/touches/touchSchedule.js";

/**
 * Tier 3's side of the demo: after its first order each customer buys again on a rhythm of its
 * own (every one to four weeks, a few days early or late), mostly its "own" product and now and then
 * a second one; every fifth customer stopped buying three weeks ago, so reminders, "overdue to
 * buy" and the at-risk segments have something to show. The back office has billed the orders
 * older than three days and most of those older than three weeks are paid; a few are overdue.
 * Then the nightly sweeps run once, so segments, touch dates and the head's list of dead clients
 * are there at first sign-in.
 */
export async function writeAccounts(tx: DbOrTx, timeZone: string, now: Date): Promise<{ repeatOrders: number; invoices: number; customers: number }> {
  // Office work happens on working days: a date that falls on a weekend moves to the Monday.
  const workday = (at: SQL) => sql`(${at} + (case extract(isodow from (${at}) at time zone ${timeZone}) when 6 then 2 when 7 then 1 else 0 end) * interval '1 day')`;
  const [office] = await selectRows<{ id: number }>(tx, sql`select id from users where role = 'back_office' and active order by id limit 1`);
  const repeat = await selectRows<{ id: number }>(
    tx,
    sql`insert into orders (company_id, ordered_at, currency, total_minor, created_by)
        select h.company_id, ${workday(sql`f.first_at + (k * r.every + (h.company_id * k) % 5 - 2) * interval '1 day'`)}, 'UAH', 0, h.user_id
        from holdings h
        join lateral (select min(ordered_at) as first_at from orders where company_id = h.company_id) f on f.first_at is not null
        cross join lateral (select 7 + (h.company_id * 7) % 22 as every) r
        cross join generate_series(1, 12) k
        where h.tier = 3 and h.ended_at is null
          and f.first_at + (k * r.every + 5) * interval '1 day' < ${now.toISOString()}::timestamptz - case when h.company_id % 5 = 0 then interval '24 days' else interval '0 days' end
        returning id`,
  );
  // Lines: the customer's own product every time, a second one on every third order.
  await tx.execute(sql`
    insert into order_lines (order_id, product_id, quantity, amount_minor)
    select o.id, p.id, q.quantity, q.quantity * (900 + (p.id * 137) % 2000) * 100
    from orders o
    cross join lateral (select id from products order by id offset o.company_id % 8 limit 1) p
    cross join lateral (select 50 + (o.company_id * 13) % 200 + (o.id % 7) * 5 as quantity) q
    where o.deal_id is null
    union all
    select o.id, p.id, 20 + o.id % 40, (20 + o.id % 40) * (500 + (p.id * 71) % 900) * 100
    from orders o
    cross join lateral (select id from products order by id offset (o.company_id + 3) % 8 limit 1) p
    where o.deal_id is null and o.id % 3 = 0`);
  await tx.execute(sql`
    update orders o set total_minor = l.total
    from (select order_id, sum(amount_minor) as total from order_lines group by order_id) l
    where l.order_id = o.id and o.deal_id is null`);
  await tx.execute(sql`
    insert into activities (company_id, actor_id, kind, occurred_at, data)
    select o.company_id, o.created_by, 'order_created', o.ordered_at, jsonb_build_object('orderId', o.id, 'totalMinor', o.total_minor, 'currency', o.currency)
    from orders o where o.deal_id is null`);

  const invoices = office
    ? await selectRows<{ id: number }>(
        tx,
        sql`insert into invoices (order_id, company_id, number, issued_on, due_on, amount_minor, currency, status, paid_on, issued_by, closed_by, created_at)
            select o.id, o.company_id, to_char(o.ordered_at, 'YYYY') || '-' || lpad(o.id::text, 6, '0'),
                   (d.issued at time zone ${timeZone})::date, (d.issued at time zone ${timeZone})::date + 14, o.total_minor, o.currency,
                   case when paid then 'paid' else 'issued' end,
                   case when paid then (${workday(sql`o.ordered_at + (6 + o.id % 10) * interval '1 day'`)} at time zone ${timeZone})::date end,
                   ${office.id}, case when paid then ${office.id}::int end, d.issued
            from orders o
            cross join lateral (select o.ordered_at < ${now.toISOString()}::timestamptz - interval '21 days' and o.id % 11 <> 0 as paid) p
            cross join lateral (select ${workday(sql`o.ordered_at + interval '1 day'`)} as issued) d
            where o.ordered_at < ${now.toISOString()}::timestamptz - interval '3 days'
            returning id`,
      )
    : [];
  await tx.execute(sql`
    insert into activities (company_id, actor_id, kind, occurred_at, data)
    select i.company_id, i.issued_by, 'invoice_issued', i.created_at, jsonb_build_object('invoiceId', i.id, 'orderId', i.order_id, 'number', i.number, 'amountMinor', i.amount_minor, 'currency', i.currency, 'dueOn', i.due_on)
    from invoices i`);

  const insights = await recomputeInsights(tx, timeZone, now);
  await scheduleTouches(tx, timeZone);
  // The head's list of dead clients as the first daily sweep would leave it.
  await runRotationSweep(tx, timeZone, now);
  return { repeatOrders: repeat.length, invoices: invoices.length, customers: insights.customers };
}
