import { sql, type SQL } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";

/** One source's leads of a period and what became of them (`sourceId` null: companies with no source). */
export interface SourceCohortRow {
  sourceId: number | null;
  leads: number;
  qualified: number;
  firstSales: number;
  firstSaleMinor: number;
}

export interface LeadCohortQuery {
  from: Date;
  to: Date;
  asOf: Date;
  qualifyWithinDays?: number;
  saleWithinDays?: number;
  sourceIds?: number[];
  /** The tier-2 holder of the company's first tier-2 holding. */
  userIds?: number[];
}

/** Events later than `asOf` have not happened yet; with a limit, only those within that many days of the lead moment count. */
const within = (column: SQL, days: number | undefined, asOf: Date): SQL =>
  days === undefined
    ? sql`${column} <= ${asOf.toISOString()}::timestamptz`
    : sql`${column} <= ${asOf.toISOString()}::timestamptz and ${column} < l.lead_at + ${days} * interval '1 day'`;

/**
 * Leads whose lead moment is in [from, to); qualified/firstSales counted within the given days
 * of the lead moment when given (else any time up to `asOf`).
 *
 * The lead moment is the start of the company's first tier-2 holding. Qualified: a deal of the
 * company qualified (moved past the first stage, or won) at or after it — opening a deal is
 * not enough, since a manager opens one to drop a junk lead too. First sale: the company's first order ever, when it came at or after the lead
 * moment (a company that bought before it became a lead has no first sale to credit). Sources
 * without leads in the period have no row. The first order is read through
 * orders(company_id, ordered_at), deals through deals(company_id).
 */
export async function leadCohorts(db: DbOrTx, o: LeadCohortQuery): Promise<SourceCohortRow[]> {
  if (o.sourceIds?.length === 0 || o.userIds?.length === 0) return [];
  const from = o.from.toISOString();
  const to = o.to.toISOString();
  const sourceFilter = o.sourceIds ? sql`and c.source_id in (${sqlList(o.sourceIds)})` : sql``;
  const userFilter = o.userIds ? sql`where f.user_id in (${sqlList(o.userIds)})` : sql``;
  const rows = await selectRows<{ source_id: number | null; leads: number; qualified: number; first_sales: number; first_sale_minor: string | number }>(
    db,
    sql`with first_holdings as (
          select distinct on (h.company_id) h.company_id, h.user_id, h.started_at as lead_at
          from holdings h
          where h.tier = 2 and h.started_at >= ${from}::timestamptz and h.started_at < ${to}::timestamptz
            and not exists (select 1 from holdings e where e.company_id = h.company_id and e.tier = 2 and e.started_at < h.started_at)
          order by h.company_id, h.started_at, h.id
        ),
        leads as (
          select f.company_id, f.lead_at, c.source_id
          from first_holdings f join companies c on c.id = f.company_id ${sourceFilter}
          ${userFilter}
        ),
        qualified as (
          select distinct l.company_id
          from leads l join deals d on d.company_id = l.company_id
          where d.qualified_at >= ${from}::timestamptz and d.qualified_at >= l.lead_at and ${within(sql`d.qualified_at`, o.qualifyWithinDays, o.asOf)}
        ),
        first_sales as (
          select l.company_id, fo.total_minor
          from leads l
          cross join lateral (
            select x.ordered_at, x.total_minor from orders x where x.company_id = l.company_id order by x.ordered_at, x.id limit 1
          ) fo
          where fo.ordered_at >= l.lead_at and ${within(sql`fo.ordered_at`, o.saleWithinDays, o.asOf)}
        )
        select l.source_id,
               count(*)::int as leads,
               count(q.company_id)::int as qualified,
               count(s.company_id)::int as first_sales,
               coalesce(sum(s.total_minor), 0)::bigint as first_sale_minor
        from leads l
        left join qualified q on q.company_id = l.company_id
        left join first_sales s on s.company_id = l.company_id
        group by l.source_id
        order by l.source_id nulls last`,
  );
  return rows.map((r) => ({
    sourceId: r.source_id,
    leads: r.leads,
    qualified: r.qualified,
    firstSales: r.first_sales,
    firstSaleMinor: Number(r.first_sale_minor),
  }));
}
