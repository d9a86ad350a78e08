import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import type { ReorderStatus } from "../../domain/reorder.js";
import type { RfmSegment } from "../../domain/rfm.js";
import type { Language } from "../../server/errors.js";
import { accountsQueryParts, type AccountsQueryContext } from "../accounts/queries.js";
import type { AccountsFilter } from "../accounts/schemas.js";
import { keysetPages, listSheet, type ExportSheet, type ListColumn } from "./sheet.js";
import { exportWords, wordFor } from "./words.js";

interface AccountLine {
  id: number;
  legal_name: string;
  legal_id: string | null;
  industry: string | null;
  size: string | null;
  region: string | null;
  holder_name: string | null;
  segment: RfmSegment;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  last_purchase_on: string | null;
  purchases: number | null;
  monetary_minor: number | null;
  expected_on: string | null;
  interval_days: number | null;
  confidence: number | null;
  reorder_status: ReorderStatus;
  next_touch: string | null;
  overdue_invoices: number;
}

/** The customer list's filters without its sorting and paging: the file is in id order. */
export type AccountExportFilters = Omit<AccountsFilter, "sort" | "limit" | "offset">;

function readAccounts(db: Db, ctx: AccountsQueryContext, filters: AccountExportFilters, timeZone: string, afterId: number, limit: number): Promise<AccountLine[]> {
  const { from, status, segmentSql, where } = accountsQueryParts(ctx, filters);
  return selectRows<AccountLine>(
    db,
    sql`select c.id, c.legal_name, c.legal_id, c.industry, c.size, c.region, u.full_name as holder_name, ${segmentSql} as segment,
               i.recency_score, i.frequency_score, i.monetary_score, i.last_purchase_on::text as last_purchase_on, i.frequency as purchases,
               i.monetary_minor::float8 as monetary_minor, i.expected_on::text as expected_on, i.interval_days::float8 as interval_days,
               i.confidence::float8 as confidence, ${status} as reorder_status,
               to_char(c.next_touch_at at time zone ${timeZone}, 'YYYY-MM-DD HH24:MI') as next_touch,
               (select count(*)::int from invoices v where v.company_id = c.id and v.status = 'issued' and v.due_on < ${ctx.today}::date) as overdue_invoices
        from ${from} where ${sql.join([...where, sql`c.id > ${afterId}`], sql` and `)}
        order by c.id limit ${limit}`,
  );
}

type Header =
  | "id" | "legalName" | "legalId" | "industry" | "size" | "region" | "holder" | "segment" | "recency" | "frequency" | "monetary"
  | "lastPurchase" | "purchases" | "amount" | "expected" | "interval" | "confidence" | "reorder" | "nextTouch" | "overdueInvoices";

const HEADERS: Record<Language, { sheet: string; headers: Record<Header, string> }> = {
  ru: {
    sheet: "Клиенты",
    headers: {
      id: "ID", legalName: "Юридическое название", legalId: "ИНН / ЕГРПОУ", industry: "Отрасль", size: "Размер", region: "Регион", holder: "Ответственный",
      segment: "Сегмент", recency: "R (давность)", frequency: "F (частота)", monetary: "M (сумма)", lastPurchase: "Последняя покупка", purchases: "Покупок",
      amount: "Сумма за 12 мес.", expected: "Следующая покупка", interval: "Интервал (дней)", confidence: "Уверенность прогноза", reorder: "Повторная покупка",
      nextTouch: "Следующее касание", overdueInvoices: "Просроченных счетов",
    },
  },
  uk: {
    sheet: "Клієнти",
    headers: {
      id: "ID", legalName: "Юридична назва", legalId: "ЄДРПОУ / ІПН", industry: "Галузь", size: "Розмір", region: "Регіон", holder: "Відповідальний",
      segment: "Сегмент", recency: "R (давність)", frequency: "F (частота)", monetary: "M (сума)", lastPurchase: "Остання покупка", purchases: "Покупок",
      amount: "Сума за 12 міс.", expected: "Наступна покупка", interval: "Інтервал (днів)", confidence: "Упевненість прогнозу", reorder: "Повторна покупка",
      nextTouch: "Наступний дотик", overdueInvoices: "Прострочених рахунків",
    },
  },
  en: {
    sheet: "Customers",
    headers: {
      id: "ID", legalName: "Legal name", legalId: "Tax id", industry: "Industry", size: "Size", region: "Region", holder: "Account manager",
      segment: "Segment", recency: "R (recency)", frequency: "F (frequency)", monetary: "M (monetary)", lastPurchase: "Last purchase", purchases: "Purchases",
      amount: "12-month amount", expected: "Next purchase", interval: "Interval (days)", confidence: "Forecast confidence", reorder: "Reorder",
      nextTouch: "Next touch", overdueInvoices: "Overdue invoices",
    },
  },
};

const rounded = (value: number | null, digits: number) => (value === null ? null : Number(Number(value).toFixed(digits)));

/** Tier 3's customer list (the same filters and scope as GET /api/accounts) as one sheet, read in keyset pages. */
export function accountSheet(db: Db, ctx: AccountsQueryContext, filters: AccountExportFilters, timeZone: string, language: Language): ExportSheet {
  const words = exportWords(language);
  const columns: ListColumn<AccountLine, Header>[] = [
    { key: "id", kind: "integer", width: 9, value: (a) => a.id },
    { key: "legalName", kind: "text", width: 40, value: (a) => a.legal_name },
    { key: "legalId", kind: "text", width: 14, value: (a) => a.legal_id },
    { key: "industry", kind: "text", width: 20, value: (a) => a.industry },
    { key: "size", kind: "text", width: 10, value: (a) => wordFor(words.sizes, a.size) },
    { key: "region", kind: "text", width: 18, value: (a) => a.region },
    { key: "holder", kind: "text", width: 24, value: (a) => a.holder_name },
    { key: "segment", kind: "text", width: 18, value: (a) => wordFor(words.segments, a.segment) },
    { key: "recency", kind: "integer", width: 8, value: (a) => a.recency_score },
    { key: "frequency", kind: "integer", width: 8, value: (a) => a.frequency_score },
    { key: "monetary", kind: "integer", width: 8, value: (a) => a.monetary_score },
    { key: "lastPurchase", kind: "date", width: 13, value: (a) => a.last_purchase_on },
    { key: "purchases", kind: "integer", width: 9, value: (a) => a.purchases ?? 0 },
    // A sum over whatever currencies the customer paid in, as on screen: a figure to compare customers by.
    { key: "amount", kind: "money", width: 16, value: (a) => Math.round(a.monetary_minor ?? 0) },
    { key: "expected", kind: "date", width: 13, value: (a) => a.expected_on },
    { key: "interval", kind: "decimal", width: 10, value: (a) => rounded(a.interval_days, 1) },
    { key: "confidence", kind: "decimal", width: 10, value: (a) => rounded(a.confidence, 2) },
    { key: "reorder", kind: "text", width: 18, value: (a) => wordFor(words.reorder, a.reorder_status) },
    { key: "nextTouch", kind: "datetime", width: 17, value: (a) => a.next_touch },
    { key: "overdueInvoices", kind: "integer", width: 10, value: (a) => a.overdue_invoices },
  ];
  const { sheet, headers } = HEADERS[language];
  return listSheet(sheet, columns, headers, keysetPages((afterId, limit) => readAccounts(db, ctx, filters, timeZone, afterId, limit)));
}
