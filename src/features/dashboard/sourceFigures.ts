import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { leadCohorts, type SourceCohortRow } from "../alerts/leadCohorts.js";
import { ratio, type DashboardScope } from "./scope.js";

export interface SourceFigures {
  /** null: companies with no source. */
  sourceId: number | null;
  name: string | null;
  kind: string | null;
  active: boolean;
  leads: number;
  qualified: number;
  firstSales: number;
  /** Leads a deal was opened for / leads; null without leads. */
  qualifiedShare: number | null;
  /** First sales / leads; null without leads. */
  conversion: number | null;
  /** The source's price of a lead, and what its leads of the period cost (leads × price); null when it has no price. */
  costPerLeadMinor: number | null;
  currency: string | null;
  costMinor: number | null;
  /** What a first sale cost: the leads' cost / first sales; null without a price or without sales. */
  costPerFirstSaleMinor: number | null;
  /** What the first sales brought in, in minor units of the orders' currency. */
  firstSaleMinor: number;
}

const EMPTY: Omit<SourceCohortRow, "sourceId"> = { leads: 0, qualified: 0, firstSales: 0, firstSaleMinor: 0 };

const figures = (c: Omit<SourceCohortRow, "sourceId">) => ({
  leads: c.leads,
  qualified: c.qualified,
  firstSales: c.firstSales,
  qualifiedShare: ratio(c.qualified, c.leads),
  conversion: ratio(c.firstSales, c.leads),
  firstSaleMinor: c.firstSaleMinor,
});

/**
 * Per source, the cohort of leads of the period (companies whose first tier-2 holding started
 * in it) and what became of them so far: qualified, first sales, conversion, and what the leads
 * and each sale cost. Every active source shows, with zeros when it brought nothing; "no source"
 * shows when such leads came. With a team: the leads that a person of the team took first.
 */
export async function sourceFigures(db: DbOrTx, scope: DashboardScope, now = new Date()): Promise<SourceFigures[]> {
  const cohorts = await leadCohorts(db, { from: scope.start, to: scope.end, asOf: now, userIds: scope.userIds });
  const sources = await selectRows<{ id: number; name: string; kind: string; active: boolean; cost_per_lead_minor: number | string | null; currency: string | null }>(
    db,
    sql`select id, name, kind, active, cost_per_lead_minor, currency from lead_sources order by lower(name), id`,
  );
  const bySource = new Map(cohorts.map((c) => [c.sourceId, c]));
  const rows: SourceFigures[] = sources
    .filter((s) => s.active || bySource.has(s.id))
    .map((s) => {
      const c = bySource.get(s.id) ?? EMPTY;
      const price = s.cost_per_lead_minor === null ? null : Number(s.cost_per_lead_minor);
      const cost = price === null ? null : c.leads * price;
      return {
        sourceId: s.id,
        name: s.name,
        kind: s.kind,
        active: s.active,
        ...figures(c),
        costPerLeadMinor: price,
        currency: s.currency,
        costMinor: cost,
        costPerFirstSaleMinor: cost === null || c.firstSales === 0 ? null : Math.round(cost / c.firstSales),
      };
    });
  const unsourced = bySource.get(null);
  if (unsourced)
    rows.push({ sourceId: null, name: null, kind: null, active: true, ...figures(unsourced), costPerLeadMinor: null, currency: null, costMinor: null, costPerFirstSaleMinor: null });
  return rows;
}
