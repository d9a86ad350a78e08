import { sql, type SQL } from "drizzle-orm";
import { isoOrNull, selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { predictReorder, reorderStatus, type ReorderStatus } from "../../domain/reorder.js";
import { daysBetween } from "../../domain/deals.js";
import type { RfmSegment } from "../../domain/rfm.js";
import type { CompanyScope } from "../../server/access/index.js";
import { crossSellFor } from "./crossSell.js";
import type { AccountsFilter } from "./schemas.js";

export interface InvoiceDto {
  id: number;
  orderId: number;
  companyId: number;
  legalName: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  amountMinor: number;
  currency: string;
  status: "issued" | "paid" | "cancelled";
  overdue: boolean;
  paidOn: string | null;
  cancelReason: string | null;
  issuedBy: number;
}

export interface OrderDto {
  id: number;
  companyId: number;
  legalName: string;
  dealId: number | null;
  orderedAt: string;
  currency: string;
  totalMinor: number;
  createdBy: number | null;
  lines: { productId: number; productName: string; quantity: number; amountMinor: number }[];
  invoice: InvoiceDto | null;
}

/** Which companies an account list may show: the holder's own, or everyone's. */
const heldBy = (scope: CompanyScope, companyColumn: SQL) =>
  scope.kind === "all" ? sql`true` : sql`exists (select 1 from holdings h where h.company_id = ${companyColumn} and h.ended_at is null and h.user_id = ${scope.userId})`;

interface InvoiceRow {
  id: number;
  order_id: number;
  company_id: number;
  legal_name: string;
  number: string;
  issued_on: string;
  due_on: string;
  amount_minor: number;
  currency: string;
  status: InvoiceDto["status"];
  paid_on: string | null;
  cancel_reason: string | null;
  issued_by: number;
}

const toInvoice = (r: InvoiceRow, today: string): InvoiceDto => ({
  id: r.id,
  orderId: r.order_id,
  companyId: r.company_id,
  legalName: r.legal_name,
  number: r.number,
  issuedOn: r.issued_on,
  dueOn: r.due_on,
  amountMinor: Number(r.amount_minor),
  currency: r.currency,
  status: r.status,
  overdue: r.status === "issued" && r.due_on < today,
  paidOn: r.paid_on,
  cancelReason: r.cancel_reason,
  issuedBy: r.issued_by,
});

const INVOICE_COLUMNS = sql`i.id, i.order_id, i.company_id, c.legal_name, i.number, i.issued_on::text as issued_on, i.due_on::text as due_on,
  i.amount_minor::float8 as amount_minor, i.currency, i.status, i.paid_on::text as paid_on, i.cancel_reason, i.issued_by`;

export interface InvoiceFilter {
  scope: CompanyScope;
  today: string;
  status?: "issued" | "paid" | "cancelled" | "overdue";
  companyId?: number;
  invoiceId?: number;
  orderIds?: number[];
  limit: number;
  offset: number;
}

/** Which invoices a list shows: the actor's scope and the filters (the list and its export share them). */
export function invoiceWhere(f: Omit<InvoiceFilter, "limit" | "offset">): SQL {
  const parts: SQL[] = [heldBy(f.scope, sql`i.company_id`)];
  if (f.status === "overdue") parts.push(sql`i.status = 'issued' and i.due_on < ${f.today}::date`);
  else if (f.status) parts.push(sql`i.status = ${f.status}`);
  if (f.companyId !== undefined) parts.push(sql`i.company_id = ${f.companyId}`);
  if (f.invoiceId !== undefined) parts.push(sql`i.id = ${f.invoiceId}`);
  if (f.orderIds) parts.push(f.orderIds.length ? sql`i.order_id in (${sqlList(f.orderIds)}) and i.status <> 'cancelled'` : sql`false`);
  return sql.join(parts, sql` and `);
}

export async function findInvoices(db: DbOrTx, f: InvoiceFilter): Promise<InvoiceDto[]> {
  const rows = await selectRows<InvoiceRow>(
    db,
    sql`select ${INVOICE_COLUMNS} from invoices i join companies c on c.id = i.company_id where ${invoiceWhere(f)}
        order by i.due_on, i.id limit ${f.limit} offset ${f.offset}`,
  );
  return rows.map((r) => toInvoice(r, f.today));
}

export async function countInvoices(db: DbOrTx, f: InvoiceFilter): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from invoices i where ${invoiceWhere(f)}`);
  return row?.n ?? 0;
}

export interface OrderFilter {
  scope: CompanyScope;
  today: string;
  companyId?: number;
  orderId?: number;
  /** false: orders without a live invoice (the back office's queue). */
  invoiced?: boolean;
  limit: number;
  offset: number;
}

function orderWhere(f: OrderFilter): SQL {
  const parts: SQL[] = [heldBy(f.scope, sql`o.company_id`)];
  if (f.companyId !== undefined) parts.push(sql`o.company_id = ${f.companyId}`);
  if (f.orderId !== undefined) parts.push(sql`o.id = ${f.orderId}`);
  if (f.invoiced !== undefined) {
    const billed = sql`exists (select 1 from invoices i where i.order_id = o.id and i.status <> 'cancelled')`;
    parts.push(f.invoiced ? billed : sql`not ${billed}`);
  }
  return sql.join(parts, sql` and `);
}

/** Orders newest first (the back office's queue oldest first), each with its lines and live invoice. */
export async function findOrders(db: DbOrTx, f: OrderFilter): Promise<OrderDto[]> {
  const order = f.invoiced === false ? sql`o.ordered_at, o.id` : sql`o.ordered_at desc, o.id desc`;
  const rows = await selectRows<{ id: number; company_id: number; legal_name: string; deal_id: number | null; ordered_at: Date | string; currency: string; total_minor: number; created_by: number | null }>(
    db,
    sql`select o.id, o.company_id, c.legal_name, o.deal_id, o.ordered_at, o.currency, o.total_minor::float8 as total_minor, o.created_by
        from orders o join companies c on c.id = o.company_id where ${orderWhere(f)} order by ${order} limit ${f.limit} offset ${f.offset}`,
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const lines = await selectRows<{ order_id: number; product_id: number; name: string; quantity: number; amount_minor: number }>(
    db,
    sql`select ol.order_id, ol.product_id, p.name, ol.quantity, ol.amount_minor::float8 as amount_minor
        from order_lines ol join products p on p.id = ol.product_id where ol.order_id in (${sqlList(ids)}) order by ol.id`,
  );
  const invoices = await findInvoices(db, { scope: { kind: "all" }, today: f.today, orderIds: ids, limit: ids.length, offset: 0 });
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    legalName: r.legal_name,
    dealId: r.deal_id,
    orderedAt: isoOrNull(r.ordered_at)!,
    currency: r.currency,
    totalMinor: Number(r.total_minor),
    createdBy: r.created_by,
    lines: lines.filter((l) => l.order_id === r.id).map((l) => ({ productId: l.product_id, productName: l.name, quantity: l.quantity, amountMinor: Number(l.amount_minor) })),
    invoice: invoices.find((i) => i.orderId === r.id) ?? null,
  }));
}

export async function countOrders(db: DbOrTx, f: OrderFilter): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from orders o where ${orderWhere(f)}`);
  return row?.n ?? 0;
}

export interface AccountRowDto {
  companyId: number;
  legalName: string;
  industry: string | null;
  size: string | null;
  region: string | null;
  holder: { userId: number; fullName: string } | null;
  segment: RfmSegment;
  scores: { recency: number; frequency: number; monetary: number } | null;
  lastPurchaseOn: string | null;
  daysSinceLastPurchase: number | null;
  purchases: number;
  monetaryMinor: number;
  expectedOn: string | null;
  intervalDays: number | null;
  confidence: number | null;
  reorderStatus: ReorderStatus;
  nextTouchAt: string | null;
  touchOverdue: boolean;
  overdueInvoices: number;
}

/**
 * The reorder status in SQL, the same rule as `reorderStatus` in domain/reorder (the list filters
 * and sorts by it): overdue after the expected day, due from `daysBefore` days before it.
 */
const reorderStatusSql = (today: string, daysBefore: number) =>
  sql`(case when i.expected_on is null then 'none' when i.expected_on < ${today}::date then 'overdue'
            when i.expected_on - ${daysBefore}::int <= ${today}::date then 'due' else 'scheduled' end)`;

export interface AccountsQueryContext {
  scope: CompanyScope;
  today: string;
  /** Local midnight of today: a next touch before it is overdue. */
  todayStart: Date;
  reminderDays: number;
}

/**
 * The customer list's query parts (the list and its export share them): the tables (`c` company,
 * `h` open holding, `u` holder, `i` insights), the reorder status and segment expressions, and
 * the conditions: `base` (scope and filters) and `where` (base narrowed to the chosen segments).
 */
export function accountsQueryParts(ctx: AccountsQueryContext, f: Omit<AccountsFilter, "sort" | "limit" | "offset">) {
  const status = reorderStatusSql(ctx.today, ctx.reminderDays);
  const base: SQL[] = [sql`c.stage = 'customer'`, heldBy(ctx.scope, sql`c.id`)];
  if (f.holderId !== undefined) base.push(sql`h.user_id = ${f.holderId}`);
  if (f.industry) base.push(sql`c.industry = ${f.industry}`);
  if (f.size) base.push(sql`c.size = ${f.size}`);
  if (f.reorder) base.push(sql`${status} = ${f.reorder}`);
  if (f.touchOverdue) base.push(sql`c.next_touch_at < ${ctx.todayStart.toISOString()}::timestamptz`);
  const segmentSql = sql`coalesce(i.segment, 'no_purchases')`;
  const withSegment = f.segment?.length ? [...base, sql`${segmentSql} in (${sqlList(f.segment)})`] : base;
  const from = sql`companies c left join holdings h on h.company_id = c.id and h.ended_at is null left join users u on u.id = h.user_id
                   left join customer_insights i on i.company_id = c.id`;
  return { from, status, segmentSql, base, where: withSegment };
}

/** Tier 3's customer list: segment, reorder date and status, touch and unpaid invoices, filtered and sorted. */
export async function listAccounts(db: DbOrTx, ctx: AccountsQueryContext, f: AccountsFilter): Promise<{ total: number; segments: Record<string, number>; items: AccountRowDto[] }> {
  const { from, status, segmentSql, base, where: withSegment } = accountsQueryParts(ctx, f);
  const sort = {
    expected: sql`i.expected_on asc nulls last, c.id`,
    monetary: sql`i.monetary_minor desc nulls last, c.id`,
    recency: sql`i.last_purchase_on desc nulls last, c.id`,
    name: sql`c.legal_name, c.id`,
  }[f.sort ?? "expected"];
  const segmentCounts = await selectRows<{ segment: string; n: number }>(
    db,
    sql`select ${segmentSql} as segment, count(*)::int as n from ${from} where ${sql.join(base, sql` and `)} group by 1`,
  );
  const where = sql.join(withSegment, sql` and `);
  const rows = await selectRows<{
    id: number;
    legal_name: string;
    industry: string | null;
    size: string | null;
    region: string | null;
    user_id: number | null;
    full_name: string | null;
    segment: RfmSegment;
    recency_score: number | null;
    frequency_score: number | null;
    monetary_score: number | null;
    last_purchase_on: string | null;
    frequency: number | null;
    monetary_minor: number | null;
    expected_on: string | null;
    interval_days: number | null;
    confidence: number | null;
    reorder_status: ReorderStatus;
    next_touch_at: Date | string | null;
    overdue_invoices: number;
  }>(
    db,
    sql`select c.id, c.legal_name, c.industry, c.size, c.region, h.user_id, u.full_name, ${segmentSql} as segment,
               i.recency_score, i.frequency_score, i.monetary_score, i.last_purchase_on::text as last_purchase_on, i.frequency,
               i.monetary_minor::float8 as monetary_minor, i.expected_on::text as expected_on, i.interval_days, i.confidence,
               ${status} as reorder_status, c.next_touch_at,
               (select count(*)::int from invoices v where v.company_id = c.id and v.status = 'issued' and v.due_on < ${ctx.today}::date) as overdue_invoices
        from ${from} where ${where} order by ${sort} limit ${f.limit ?? 50} offset ${f.offset ?? 0}`,
  );
  const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  return {
    total: count?.n ?? 0,
    segments: Object.fromEntries(segmentCounts.map((s) => [s.segment, s.n])),
    items: rows.map((r) => ({
      companyId: r.id,
      legalName: r.legal_name,
      industry: r.industry,
      size: r.size,
      region: r.region,
      holder: r.user_id === null ? null : { userId: r.user_id, fullName: r.full_name ?? "" },
      segment: r.segment,
      scores: r.recency_score === null ? null : { recency: r.recency_score, frequency: r.frequency_score!, monetary: r.monetary_score! },
      lastPurchaseOn: r.last_purchase_on,
      daysSinceLastPurchase: r.last_purchase_on === null ? null : daysBetween(r.last_purchase_on, ctx.today),
      purchases: r.frequency ?? 0,
      monetaryMinor: Number(r.monetary_minor ?? 0),
      expectedOn: r.expected_on,
      intervalDays: r.interval_days === null ? null : Number(r.interval_days),
      confidence: r.confidence === null ? null : Number(r.confidence),
      reorderStatus: r.reorder_status,
      nextTouchAt: isoOrNull(r.next_touch_at),
      touchOverdue: r.next_touch_at !== null && new Date(r.next_touch_at) < ctx.todayStart,
      overdueInvoices: r.overdue_invoices,
    })),
  };
}

/**
 * The account manager's instruction for one customer, read fresh from its orders: who they are
 * comes from the card; this answers how long since they bought, what, how much and how often,
 * when they will buy next, and what customers like them buy that they do not.
 */
export async function accountBrief(db: DbOrTx, companyId: number, today: string, timeZone: string, reminderDays: number) {
  const lines = await selectRows<{ day: string; product_id: number; name: string; quantity: number; amount_minor: number; currency: string }>(
    db,
    sql`select (o.ordered_at at time zone ${timeZone})::date::text as day, ol.product_id, p.name, ol.quantity, ol.amount_minor::float8 as amount_minor, o.currency
        from orders o join order_lines ol on ol.order_id = o.id join products p on p.id = ol.product_id
        where o.company_id = ${companyId} order by day`,
  );
  const days = [...new Set(lines.map((l) => l.day))].sort();
  const reorder = predictReorder(days.map((day) => ({ day, lines: lines.filter((l) => l.day === day).map((l) => ({ productId: l.product_id, quantity: l.quantity, amountMinor: Number(l.amount_minor) })) })));
  const totals = new Map<string, number>();
  const byProduct = new Map<number, { productId: number; name: string; days: Set<string>; quantity: number; amountMinor: number; lastOn: string }>();
  for (const l of lines) {
    totals.set(l.currency, (totals.get(l.currency) ?? 0) + Number(l.amount_minor));
    const p = byProduct.get(l.product_id) ?? { productId: l.product_id, name: l.name, days: new Set<string>(), quantity: 0, amountMinor: 0, lastOn: l.day };
    p.days.add(l.day);
    p.quantity += l.quantity;
    p.amountMinor += Number(l.amount_minor);
    if (l.day > p.lastOn) p.lastOn = l.day;
    byProduct.set(l.product_id, p);
  }
  const withStatus = <T extends Parameters<typeof reorderStatus>[0] & object>(p: T) => ({ ...p, status: reorderStatus(p, today, reminderDays) });
  const [rfm] = await selectRows<{ segment: RfmSegment; recency_score: number | null; frequency_score: number | null; monetary_score: number | null; computed_on: string }>(
    db,
    sql`select segment, recency_score, frequency_score, monetary_score, computed_on::text as computed_on from customer_insights where company_id = ${companyId}`,
  );
  const cross = await crossSellFor(db, companyId);
  const last = days.at(-1) ?? null;
  return {
    companyId,
    today,
    firstPurchaseOn: days[0] ?? null,
    lastPurchaseOn: last,
    daysSinceLastPurchase: last === null ? null : daysBetween(last, today),
    purchaseDays: days.length,
    totals: [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor })),
    overall: reorder.overall ? withStatus(reorder.overall) : null,
    products: [...byProduct.values()]
      .sort((a, b) => (a.lastOn === b.lastOn ? b.amountMinor - a.amountMinor : a.lastOn < b.lastOn ? 1 : -1))
      .map((p) => {
        const prediction = reorder.products.find((r) => r.productId === p.productId);
        return {
          productId: p.productId,
          name: p.name,
          purchaseDays: p.days.size,
          quantity: p.quantity,
          amountMinor: p.amountMinor,
          lastOn: p.lastOn,
          prediction: prediction
            ? withStatus({ purchases: prediction.purchases, lastDay: prediction.lastDay, intervalDays: prediction.intervalDays, expectedDay: prediction.expectedDay, confidence: prediction.confidence, typicalQuantity: prediction.typicalQuantity })
            : null,
        };
      }),
    rfm: rfm
      ? {
          segment: rfm.segment,
          scores: rfm.recency_score === null ? null : { recency: rfm.recency_score, frequency: rfm.frequency_score!, monetary: rfm.monetary_score! },
          computedOn: rfm.computed_on,
        }
      : null,
    crossSell: cross.suggestions,
    peers: cross.peers,
  };
}

