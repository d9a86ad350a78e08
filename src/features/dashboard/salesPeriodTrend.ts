import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { monthOfDay, nextMonth, type Month } from "../../domain/months.js";
import { salesPeriodOf, type SaleCase } from "../../domain/rotation.js";
import { dayOf, startOfDay, type Day } from "../../domain/workingTime.js";
import { SALE_CASE_SQL } from "../rotation/salesPeriods.js";
import { personInScope, round1, type DashboardScope } from "./scope.js";

/** The trend shows at least this many months, however short the period. */
export const MIN_TREND_MONTHS = 6;

export interface SalesPeriodMonth {
  /** YYYY-MM in the team's time zone. */
  month: string;
  cases: number;
  meanDays: number | null;
  medianDays: number | null;
}

/** The months from the one `from` falls in to the one `to` falls in, both included. */
function monthsBetween(from: Day, to: Day): Month[] {
  const months: Month[] = [];
  for (let month = monthOfDay(from); month <= monthOfDay(to); month = nextMonth(month)) months.push(month);
  return months;
}

/** The first day of the month `back` months before the month of `day`. */
function monthsBack(day: Day, back: number): Day {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/**
 * The sales period month by month: over the sales cases rotation computes the period from
 * (a tier-2 holding that ended in a sale), by the month of the sale, the mean and median days
 * from the start of tier-2 work to the sale. The period reaches back at least six months so a
 * trend shows; with a team, the cases of its managers.
 */
export async function salesPeriodTrend(db: DbOrTx, scope: DashboardScope): Promise<SalesPeriodMonth[]> {
  const firstDay = [scope.from, monthsBack(scope.to, MIN_TREND_MONTHS - 1)].sort()[0]!;
  const start = startOfDay(firstDay, scope.wh).toISOString();
  const rows = await selectRows<{ started_at: Date | string; ended_at: Date | string }>(
    db,
    sql`select h.started_at, h.ended_at from holdings h
        where ${SALE_CASE_SQL} and h.ended_at >= ${start}::timestamptz and h.ended_at < ${scope.end.toISOString()}::timestamptz
          and ${personInScope(sql`h.user_id`, scope)}`,
  );
  const byMonth = new Map<string, SaleCase[]>();
  for (const r of rows) {
    const soldOn = dayOf(new Date(r.ended_at), scope.wh);
    const list = byMonth.get(monthOfDay(soldOn)) ?? [];
    list.push({ startedOn: dayOf(new Date(r.started_at), scope.wh), soldOn, industry: null, size: null });
    byMonth.set(monthOfDay(soldOn), list);
  }
  return monthsBetween(firstDay, scope.to).map((month) => {
    // Only the facts of the period rule are wanted here, not a period to apply.
    const period = salesPeriodOf(byMonth.get(month) ?? [], { minCases: 1, fallbackDays: 1, overrideDays: null });
    return { month, cases: period.cases, meanDays: round1(period.mean), medianDays: round1(period.median) };
  });
}
