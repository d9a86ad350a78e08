import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { predictReorder, type CustomerReorder, type Purchase } from "../../domain/reorder.js";
import { scoreRfm, type CustomerRfm, type RfmSegment } from "../../domain/rfm.js";
import { dayOf } from "../../domain/workingTime.js";
import { readSettings } from "../settings/teamSettings.js";

/**
 * Tier 3's numbers per customer — RFM scores and segment, the next expected purchase overall and
 * per regularly bought product — stored in `customer_insights` so lists can filter and sort by
 * them. RFM ranks every customer against the others, so the nightly sweep recomputes all of them
 * at once; a new order refreshes its customer's purchase facts and predictions at once.
 *
 * Purchases are calendar days in the team's time zone; amounts are summed whatever the currency
 * (a team sells in one currency; a second one would need its own ranking).
 */
interface DayTotals {
  company_id: number;
  days: string[];
  amounts: number[];
}

interface ProductDays {
  company_id: number;
  product_id: number;
  days: string[];
  quantities: number[];
}

const CHUNK = 5_000;

/** Purchase days and their totals per customer (every customer, with or without orders). */
function dayTotalsSql(timeZone: string, companyId?: number) {
  return sql`select c.id as company_id,
                    coalesce(array_agg(d.day::text order by d.day) filter (where d.day is not null), '{}') as days,
                    coalesce(array_agg(d.amount order by d.day) filter (where d.day is not null), '{}') as amounts
             from companies c
             left join (select o.company_id, (o.ordered_at at time zone ${timeZone})::date as day, sum(o.total_minor)::float8 as amount
                        from orders o ${companyId === undefined ? sql`` : sql`where o.company_id = ${companyId}`} group by 1, 2) d on d.company_id = c.id
             where c.stage = 'customer' ${companyId === undefined ? sql`` : sql`and c.id = ${companyId}`}
             group by c.id`;
}

/** Purchase days and quantities per customer and product, for products bought on at least 3 days. */
function productDaysSql(timeZone: string, companyId?: number) {
  return sql`select company_id, product_id, array_agg(day::text order by day) as days, array_agg(quantity order by day) as quantities
             from (select o.company_id, ol.product_id, (o.ordered_at at time zone ${timeZone})::date as day, sum(ol.quantity)::float8 as quantity
                   from orders o join order_lines ol on ol.order_id = o.id join companies c on c.id = o.company_id
                   where c.stage = 'customer' and ol.quantity > 0 ${companyId === undefined ? sql`` : sql`and o.company_id = ${companyId}`}
                   group by 1, 2, 3) x
             group by company_id, product_id
             having count(*) >= 3`;
}

/** Builds each customer's purchases for `predictReorder`: the purchase days, plus the product lines of regular products. */
function purchasesOf(totals: DayTotals, products: ProductDays[] | undefined): Purchase[] {
  const purchases: Purchase[] = totals.days.map((day) => ({ day, lines: [] }));
  for (const p of products ?? []) {
    p.days.forEach((day, i) => purchases.push({ day, lines: [{ productId: p.product_id, quantity: Number(p.quantities[i]), amountMinor: 0 }] }));
  }
  return purchases;
}

interface InsightRow {
  company_id: number;
  computed_on: string;
  last_purchase_on: string | null;
  recency_days: number | null;
  frequency: number;
  monetary_minor: number;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  segment: RfmSegment;
  expected_on: string | null;
  interval_days: number | null;
  confidence: number | null;
  product_predictions: Record<string, unknown>[];
}

function insightRow(rfm: CustomerRfm, reorder: CustomerReorder, lastPurchaseOn: string | null, today: string): InsightRow {
  return {
    company_id: rfm.customerId,
    computed_on: today,
    last_purchase_on: lastPurchaseOn,
    recency_days: rfm.recencyDays,
    frequency: rfm.frequency,
    monetary_minor: rfm.monetaryMinor,
    recency_score: rfm.scores?.recency ?? null,
    frequency_score: rfm.scores?.frequency ?? null,
    monetary_score: rfm.scores?.monetary ?? null,
    segment: rfm.segment,
    expected_on: reorder.overall?.expectedDay ?? null,
    interval_days: reorder.overall?.intervalDays ?? null,
    confidence: reorder.overall?.confidence ?? null,
    product_predictions: reorder.products.map((p) => ({ ...p })),
  };
}

async function upsertInsights(db: DbOrTx, rows: InsightRow[], keepSegment: boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await db.execute(sql`
      insert into customer_insights as ci (company_id, computed_on, last_purchase_on, recency_days, frequency, monetary_minor,
        recency_score, frequency_score, monetary_score, segment, expected_on, interval_days, confidence, product_predictions)
      select * from jsonb_to_recordset(${chunk}::jsonb) as v(company_id int, computed_on date, last_purchase_on date, recency_days int,
        frequency int, monetary_minor bigint, recency_score smallint, frequency_score smallint, monetary_score smallint, segment text,
        expected_on date, interval_days real, confidence real, product_predictions jsonb)
      on conflict (company_id) do update set
        last_purchase_on = excluded.last_purchase_on, recency_days = excluded.recency_days, frequency = excluded.frequency,
        monetary_minor = excluded.monetary_minor, expected_on = excluded.expected_on, interval_days = excluded.interval_days,
        confidence = excluded.confidence, product_predictions = excluded.product_predictions,
        ${
          keepSegment
            ? sql`segment = case when ci.segment = 'no_purchases' then excluded.segment else ci.segment end`
            : sql`computed_on = excluded.computed_on, recency_score = excluded.recency_score, frequency_score = excluded.frequency_score,
                  monetary_score = excluded.monetary_score, segment = excluded.segment`
        }`);
  }
}

export interface InsightsResult {
  customers: number;
  segments: Partial<Record<RfmSegment, number>>;
}

/** The nightly sweep: every customer's RFM scores, segment and reorder predictions, from all orders. */
export async function recomputeInsights(db: DbOrTx, timeZone: string, now = new Date()): Promise<InsightsResult> {
  const settings = await readSettings(db, timeZone);
  const tz = settings.workingHours.timeZone;
  const today = dayOf(now, settings.workingHours);
  const totals = await selectRows<DayTotals>(db, dayTotalsSql(tz));
  const productRows = await selectRows<ProductDays>(db, productDaysSql(tz));
  const productsByCustomer = new Map<number, ProductDays[]>();
  for (const row of productRows) {
    const list = productsByCustomer.get(row.company_id);
    if (list) list.push(row);
    else productsByCustomer.set(row.company_id, [row]);
  }
  const rfm = scoreRfm(
    totals.map((t) => ({ customerId: t.company_id, purchases: t.days.map((day, i) => ({ day, amountMinor: Number(t.amounts[i]) })) })),
    today,
  );
  const rows = totals.map((t, i) => insightRow(rfm[i]!, predictReorder(purchasesOf(t, productsByCustomer.get(t.company_id))), t.days.at(-1) ?? null, today));
  await upsertInsights(db, rows, false);
  // A company that is no longer a customer (archived, resting) leaves tier 3's lists.
  await db.execute(sql`delete from customer_insights ci using companies c where c.id = ci.company_id and c.stage <> 'customer'`);
  const segments: Partial<Record<RfmSegment, number>> = {};
  for (const row of rows) segments[row.segment] = (segments[row.segment] ?? 0) + 1;
  return { customers: rows.length, segments };
}

/**
 * After an order: the customer's purchase facts and reorder predictions at once. Its RFM scores
 * rank it against everyone, so they wait for the nightly sweep — except a customer's first
 * purchase, which makes it "new" (one recent purchase) right away.
 */
export async function refreshCustomerInsight(db: DbOrTx, companyId: number, timeZone: string, now = new Date()): Promise<void> {
  const settings = await readSettings(db, timeZone);
  const tz = settings.workingHours.timeZone;
  const today = dayOf(now, settings.workingHours);
  const [totals] = await selectRows<DayTotals>(db, dayTotalsSql(tz, companyId));
  if (!totals) return;
  const products = await selectRows<ProductDays>(db, productDaysSql(tz, companyId));
  const [alone] = scoreRfm([{ customerId: companyId, purchases: totals.days.map((day, i) => ({ day, amountMinor: Number(totals.amounts[i]) })) }], today);
  const row = insightRow(alone!, predictReorder(purchasesOf(totals, products)), totals.days.at(-1) ?? null, today);
  // Scored alone a customer sits mid-range: keep only what that tells for sure.
  const segment: RfmSegment = row.frequency === 0 ? "no_purchases" : row.frequency === 1 && row.recency_days !== null && row.recency_days <= 30 ? "new" : "no_purchases";
  await upsertInsights(db, [{ ...row, recency_score: null, frequency_score: null, monetary_score: null, segment }], true);
}
