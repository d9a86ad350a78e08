import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { dayFromNumber } from "../../domain/deals.js";
import { predictReorder, type CustomerReorder, type Purchase, type PurchaseLine } from "../../domain/reorder.js";
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
  /** `days` as days since 1970-01-01, ascending. */
  dayNumbers: number[];
}

interface ProductDays {
  company_id: number;
  product_id: number;
  /** Local calendar days of the lines, as days since 1970-01-01; a day may repeat (two orders that day). */
  days: number[];
  quantities: number[];
}

const CHUNK = 5_000;

/**
 * Every customer's orders, one row per order (a customer without orders: one row with no day):
 * the local calendar day as days since 1970-01-01, and the total. Flat rows cost the database a
 * join and a scan; grouping 2,000,000 orders by customer and day in SQL cost it seconds.
 */
function ordersSql(timeZone: string, companyId?: number) {
  return sql`select c.id as company_id, (o.ordered_at at time zone ${timeZone})::date - date '1970-01-01' as day, o.total_minor::float8 as amount
             from companies c left join orders o on o.company_id = c.id
             where c.stage = 'customer' ${companyId === undefined ? sql`` : sql`and c.id = ${companyId}`}`;
}

/**
 * The lines of each customer and product bought in at least 3 lines (a product needs 3 purchase
 * days for a prediction; `predictReorder` counts the days and sums a day's quantities).
 */
function productDaysSql(timeZone: string, companyId?: number) {
  return sql`select o.company_id, ol.product_id, array_agg((o.ordered_at at time zone ${timeZone})::date - date '1970-01-01') as days,
                    array_agg(ol.quantity) as quantities
             from orders o join order_lines ol on ol.order_id = o.id join companies c on c.id = o.company_id
             where c.stage = 'customer' and ol.quantity > 0 ${companyId === undefined ? sql`` : sql`and o.company_id = ${companyId}`}
             group by 1, 2
             having count(*) >= 3`;
}

/**
 * Purchase days (sorted) and each day's total per customer, by customer id. Totals are integers
 * (minor units), so summing them here gives what `sum(…)::float8` gave in SQL.
 */
function dayTotalsOf(orders: { company_id: number; day: number | null; amount: number | null }[]): DayTotals[] {
  const byCustomer = new Map<number, { days: number[]; amounts: number[] }>();
  for (const o of orders) {
    let c = byCustomer.get(o.company_id);
    if (!c) byCustomer.set(o.company_id, (c = { days: [], amounts: [] }));
    if (o.day !== null) {
      c.days.push(o.day);
      c.amounts.push(Number(o.amount));
    }
  }
  const totals: DayTotals[] = [];
  for (const [companyId, c] of [...byCustomer].sort(([a], [b]) => a - b)) {
    // Orders come mostly in the order they were placed: sort only when they did not.
    let sorted = true;
    for (let i = 1; i < c.days.length && sorted; i++) sorted = c.days[i - 1]! <= c.days[i]!;
    const order = sorted ? null : c.days.map((_, i) => i).sort((a, b) => c.days[a]! - c.days[b]!);
    const t: DayTotals = { company_id: companyId, days: [], amounts: [], dayNumbers: [] };
    for (let k = 0; k < c.days.length; k++) {
      const i = order ? order[k]! : k;
      const day = c.days[i]!;
      if (day === t.dayNumbers[t.dayNumbers.length - 1]) t.amounts[t.amounts.length - 1]! += c.amounts[i]!;
      else {
        t.dayNumbers.push(day);
        t.days.push(dayFromNumber(day));
        t.amounts.push(c.amounts[i]!);
      }
    }
    totals.push(t);
  }
  return totals;
}

/** Where `day` is in the ascending `days`, or -1. */
function indexOfDay(days: number[], day: number): number {
  let [lo, hi] = [0, days.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] === day) return mid;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Builds each customer's purchases for `predictReorder`: one per purchase day, with the lines of
 * its regular products (a line's day is always one of the customer's purchase days; should it not
 * be, it comes as a purchase of its own — the prediction reads the same days and quantities).
 */
function purchasesOf(totals: DayTotals, products: ProductDays[] | undefined): Purchase[] {
  const purchases: { day: string; lines: PurchaseLine[] }[] = totals.days.map((day) => ({ day, lines: [] }));
  for (const p of products ?? []) {
    p.days.forEach((day, i) => {
      const line = { productId: p.product_id, quantity: Number(p.quantities[i]), amountMinor: 0 };
      const at = indexOfDay(totals.dayNumbers, day);
      if (at >= 0) purchases[at]!.lines.push(line);
      else purchases.push({ day: dayFromNumber(day), lines: [line] });
    });
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

/** One statement: the rows of one chunk, as JSON. */
function upsertSql(chunk: string, keepSegment: boolean) {
  return sql`
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
        }`;
}

/**
 * Sends a statement now and returns its promise, marked as handled: the caller awaits it later,
 * after synchronous work (a failure meanwhile must not count as an unhandled rejection). Drizzle's
 * query runs when first awaited, so it is awaited here, once.
 */
function started<T>(query: PromiseLike<T>): Promise<T> {
  const running = (async () => await query)();
  running.catch(() => undefined);
  return running;
}

/** Lets the statements just started reach the database before a stretch of synchronous work. */
const sent = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the rows chunk by chunk, building the next chunk while the database writes the last
 * one (the chunks go in order, one statement at a time).
 */
async function upsertInsights(db: DbOrTx, count: number, rowAt: (i: number) => InsightRow, keepSegment: boolean): Promise<void> {
  let writing: Promise<unknown> | undefined;
  for (let i = 0; i < count; i += CHUNK) {
    const rows: InsightRow[] = [];
    for (let j = i; j < Math.min(count, i + CHUNK); j++) rows.push(rowAt(j));
    const chunk = JSON.stringify(rows);
    await writing;
    writing = started(db.execute(upsertSql(chunk, keepSegment)));
    if (i + CHUNK < count) await sent();
  }
  await writing;
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
  const orders = await selectRows<{ company_id: number; day: number | null; amount: number | null }>(db, ordersSql(tz));
  // The database reads the product lines while RFM is scored here.
  const productsRead = started(selectRows<ProductDays>(db, productDaysSql(tz)));
  await sent();
  const totals = dayTotalsOf(orders);
  orders.length = 0; // two million rows: let them go before the product lines arrive
  const rfm = scoreRfm(
    totals.map((t) => ({ customerId: t.company_id, purchases: t.days.map((day, i) => ({ day, amountMinor: Number(t.amounts[i]) })) })),
    today,
  );
  const productsByCustomer = new Map<number, ProductDays[]>();
  for (const row of await productsRead) {
    const list = productsByCustomer.get(row.company_id);
    if (list) list.push(row);
    else productsByCustomer.set(row.company_id, [row]);
  }
  const segments: Partial<Record<RfmSegment, number>> = {};
  await upsertInsights(
    db,
    totals.length,
    (i) => {
      const t = totals[i]!;
      const row = insightRow(rfm[i]!, predictReorder(purchasesOf(t, productsByCustomer.get(t.company_id))), t.days.at(-1) ?? null, today);
      segments[row.segment] = (segments[row.segment] ?? 0) + 1;
      return row;
    },
    false,
  );
  // A company that is no longer a customer (archived, resting) leaves tier 3's lists.
  await db.execute(sql`delete from customer_insights ci using companies c where c.id = ci.company_id and c.stage <> 'customer'`);
  return { customers: totals.length, segments };
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
  const [totals] = dayTotalsOf(await selectRows(db, ordersSql(tz, companyId)));
  if (!totals) return;
  const products = await selectRows<ProductDays>(db, productDaysSql(tz, companyId));
  const [alone] = scoreRfm([{ customerId: companyId, purchases: totals.days.map((day, i) => ({ day, amountMinor: Number(totals.amounts[i]) })) }], today);
  const row = insightRow(alone!, predictReorder(purchasesOf(totals, products)), totals.days.at(-1) ?? null, today);
  // Scored alone a customer sits mid-range: keep only what that tells for sure.
  const segment: RfmSegment = row.frequency === 0 ? "no_purchases" : row.frequency === 1 && row.recency_days !== null && row.recency_days <= 30 ? "new" : "no_purchases";
  await upsertInsights(db, 1, () => ({ ...row, recency_score: null, frequency_score: null, monetary_score: null, segment }), true);
}
