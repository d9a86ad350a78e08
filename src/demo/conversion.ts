import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/connect.js";
import { products } from "../db/schema.js";

/**
 * Tier 2's side of the demo, derived from the holdings and timelines already written: queue
 * days and first contacts of the leads, a deal per lead (a few postponed for a budget cycle),
 * the won deal, first order and promises behind every customer, and the account managers'
 * acceptance — some promises kept, some broken, so the head's screen has something to say.
 */
const CATALOGUE = [
  "Коробка гофрированная 40×30×20",
  "Коробка гофрированная 60×40×40",
  "Стрейч-плёнка 500 мм",
  "Скотч упаковочный 48 мм",
  "Воздушно-пузырчатая плёнка",
  "Поддон деревянный EUR",
  "Этикетка термо 58×40",
  "Пакет курьерский с клеевым клапаном",
];

export async function writeConversion(tx: DbOrTx, timeZone: string): Promise<{ deals: number; orders: number; promises: number }> {
  await tx.insert(products).values(CATALOGUE.map((name, i) => ({ name, sku: `PK-${100 + i}` })));
  const rows = (q: ReturnType<typeof sql>) => tx.execute(q).then((r) => (r as unknown as { rows: unknown[] }).rows.length);

  // Leads: the queue day is the day they arrived; the first contact is the manager's first call, meeting or email.
  await tx.execute(sql`
    update holdings h set
      queue_day = (h.started_at at time zone ${timeZone})::date,
      first_contact_due_at = h.started_at + interval '1 hour',
      first_contact_at = (select min(a.occurred_at) from activities a
                          where a.company_id = h.company_id and a.actor_id = h.user_id and a.kind in ('call', 'meeting', 'email')
                            and a.occurred_at >= h.started_at and (h.ended_at is null or a.occurred_at <= h.ended_at))
    where h.tier = 2`);

  // Every lead held now has an open deal; its stage follows how much the manager has done.
  const openDeals = await rows(sql`
    insert into deals (company_id, manager_id, stage, opened_at, qualified_at, postponed_until, postpone_category, postpone_note)
    select h.company_id, h.user_id,
           case when n >= 6 then 'negotiation' when n >= 4 then 'proposal_sent' when n >= 2 then 'need_identified' else 'first_contact' end,
           h.started_at,
           case when n >= 2 then least(h.started_at + interval '2 days', now()) end,
           case when h.company_id % 9 = 0 then current_date + 20 end,
           case when h.company_id % 9 = 0 then 'budget_cycle' end,
           case when h.company_id % 9 = 0 then 'Бюджет на упаковку утверждают в начале квартала' end
    from holdings h
    cross join lateral (select count(*) as n from activities a where a.company_id = h.company_id and a.actor_id = h.user_id and a.occurred_at >= h.started_at) w
    where h.tier = 2 and h.ended_at is null
    returning id`);
  await tx.execute(sql`
    insert into proposals (deal_id, company_id, amount_minor, currency, sent_on, document_url, created_by, created_at)
    select d.id, d.company_id, (50 + d.company_id % 40) * 1000000, 'UAH', (d.opened_at + interval '3 days')::date,
           'https://docs.example/kp-' || d.id || '.pdf', d.manager_id, d.opened_at + interval '3 days'
    from deals d where d.stage in ('proposal_sent', 'negotiation')`);

  // Customers: the tier-2 holding that ended in the hand-over to tier 3 was a won deal with a first order.
  const won = await rows(sql`
    insert into deals (company_id, manager_id, stage, opened_at, qualified_at, closed_at, amount_minor, currency)
    select h.company_id, h.user_id, 'won', h.started_at, least(h.started_at + interval '2 days', h.ended_at), h.ended_at, (30 + h.company_id % 70) * 1000000, 'UAH'
    from holdings h
    where h.tier = 2 and h.end_reason = 'handed_over'
      and exists (select 1 from holdings n where n.company_id = h.company_id and n.tier = 3 and n.started_at >= h.ended_at)
    returning id`);
  // Leads dropped with no real need: the deal was opened to close it as lost at the first stage.
  const lost = await rows(sql`
    insert into deals (company_id, manager_id, stage, opened_at, closed_at, lost_reason)
    select h.company_id, h.user_id, 'lost', h.started_at + interval '10 minutes', h.ended_at, h.end_note
    from holdings h where h.tier = 2 and h.end_reason = 'lost'
    returning id`);
  const orders = await rows(sql`
    insert into orders (company_id, deal_id, ordered_at, currency, total_minor, created_by)
    select d.company_id, d.id, d.closed_at, 'UAH', d.amount_minor, d.manager_id from deals d where d.stage = 'won'
    returning id`);
  await tx.execute(sql`
    insert into order_lines (order_id, product_id, quantity, amount_minor)
    select o.id, p.id, 100 + (o.id * 37 + p.id * 11) % 900, o.total_minor / 2
    from orders o join lateral (select id from products order by (id * 7 + o.id) % 8 limit 2) p on true`);
  const promises = await rows(sql`
    insert into promises (company_id, deal_id, made_by, kind, text, due_on, status, resolved_by, resolved_at, resolution_note, created_at)
    select d.company_id, d.id, d.manager_id, k.kind, k.text, (d.closed_at + k.due)::date,
           case when d.closed_at + k.due > now() then 'open' when (d.id + k.n) % 4 = 0 then 'broken' else 'kept' end,
           case when d.closed_at + k.due > now() then null else t.user_id end,
           case when d.closed_at + k.due > now() then null else d.closed_at + k.due end,
           case when d.closed_at + k.due <= now() and (d.id + k.n) % 4 = 0 then 'Не выполнено в срок' end,
           d.closed_at
    from deals d
    join holdings t on t.company_id = d.company_id and t.tier = 3 and t.ended_at is null
    cross join (values (1, 'delivery_date', 'Первая поставка за 5 рабочих дней', interval '7 days'),
                       (2, 'discount', 'Скидка 5% на второй заказ', interval '30 days')) k(n, kind, text, due)
    where d.stage = 'won' and (k.n = 1 or d.id % 2 = 0)
    returning id`);
  await tx.execute(sql`update holdings set accepted_at = started_at + interval '2 hours' where tier = 3 and started_at < now() - interval '1 day'`);
  return { deals: openDeals + won + lost, orders, promises };
}
