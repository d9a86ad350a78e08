import { sql, type SQL } from "drizzle-orm";
import { isoOrNull, selectRows, type DbOrTx } from "../../db/connect.js";
import { DEFAULT_CADENCE_DAYS, touchStatus, type TouchStatus } from "../../domain/cadence.js";
import { addDays } from "../../domain/reorder.js";
import { dayOf, startOfDay, type WorkingHours } from "../../domain/workingTime.js";
import type { CompanyScope } from "../../server/access/index.js";
import { LIVE_SQL } from "./touchSchedule.js";

export interface TouchRow {
  companyId: number;
  legalName: string;
  stage: string;
  holder: { userId: number; fullName: string; tier: number } | null;
  lastTouchAt: string | null;
  nextTouchAt: string | null;
  status: TouchStatus["status"];
  /** Overdue: whole days since the touch fell due; else 0. */
  daysOverdue: number;
}

export interface TouchFilter {
  scope: CompanyScope;
  /** The head narrows to one holder; `null` lists live companies nobody holds. */
  holderId?: number | null;
  status: "overdue" | "due" | "all";
  limit: number;
  offset: number;
}

const scopeSql = (scope: CompanyScope, holderId: number | null | undefined): SQL => {
  if (scope.kind === "held_by") return sql`h.user_id = ${scope.userId}`;
  if (holderId === null) return sql`h.user_id is null`;
  if (holderId !== undefined) return sql`h.user_id = ${holderId}`;
  return sql`true`;
};

/** The live companies whose touch is overdue, due today (or overdue), or all of them, earliest first. */
export async function listTouches(db: DbOrTx, filter: TouchFilter, now: Date, wh: WorkingHours): Promise<{ total: number; items: TouchRow[] }> {
  const today = dayOf(now, wh);
  const todayStart = startOfDay(today, wh).toISOString();
  const tomorrowStart = startOfDay(addDays(today, 1), wh).toISOString();
  const statusSql =
    filter.status === "overdue"
      ? sql`c.next_touch_at < ${todayStart}::timestamptz`
      : filter.status === "due"
        ? sql`(c.next_touch_at is null or c.next_touch_at < ${tomorrowStart}::timestamptz)`
        : sql`true`;
  const where = sql`${LIVE_SQL} and ${scopeSql(filter.scope, filter.holderId)} and ${statusSql}`;
  const from = sql`companies c left join holdings h on h.company_id = c.id and h.ended_at is null left join users u on u.id = h.user_id`;
  const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  const rows = await selectRows<{
    id: number;
    legal_name: string;
    stage: string;
    user_id: number | null;
    full_name: string | null;
    tier: number | null;
    last_touch_at: Date | string | null;
    next_touch_at: Date | string | null;
  }>(
    db,
    sql`select c.id, c.legal_name, c.stage, h.user_id, u.full_name, h.tier, c.last_touch_at, c.next_touch_at
        from ${from} where ${where}
        order by c.next_touch_at asc nulls first, c.id limit ${filter.limit} offset ${filter.offset}`,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => {
      const status = touchStatus(r.next_touch_at === null ? null : new Date(r.next_touch_at), now, wh);
      return {
        companyId: r.id,
        legalName: r.legal_name,
        stage: r.stage,
        holder: r.user_id === null ? null : { userId: r.user_id, fullName: r.full_name ?? "", tier: r.tier ?? 0 },
        lastTouchAt: isoOrNull(r.last_touch_at),
        nextTouchAt: isoOrNull(r.next_touch_at),
        status: status.status,
        daysOverdue: status.status === "overdue" ? status.daysOverdue : 0,
      };
    }),
  };
}

export interface CoverageLine {
  live: number;
  touched: number;
  share: number;
  overdue: number;
}

export interface CoverageReportDto {
  days: number;
  team: CoverageLine;
  byHolder: (CoverageLine & { holderId: number | null; fullName: string | null; role: string | null })[];
}

const line = (live: number, touched: number, overdue: number): CoverageLine => ({ live, touched, share: live === 0 ? 1 : touched / live, overdue });

/**
 * Coverage, as `coverage` in domain/cadence defines it, counted by the database: the share of live
 * companies touched in the last `days` × 24 h, per holder and for the team, with the overdue count
 * beside it. A worker's scope gives their own line (and the team line is theirs too).
 */
export async function coverageReport(db: DbOrTx, scope: CompanyScope, now: Date, wh: WorkingHours, days = DEFAULT_CADENCE_DAYS): Promise<CoverageReportDto> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const todayStart = startOfDay(dayOf(now, wh), wh).toISOString();
  const rows = await selectRows<{ holder_id: number | null; full_name: string | null; role: string | null; live: number; touched: number; overdue: number }>(
    db,
    sql`select h.user_id as holder_id, min(u.full_name) as full_name, min(u.role) as role, count(*)::int as live,
               (count(*) filter (where c.last_touch_at >= ${since}::timestamptz))::int as touched,
               (count(*) filter (where c.next_touch_at < ${todayStart}::timestamptz))::int as overdue
        from companies c left join holdings h on h.company_id = c.id and h.ended_at is null left join users u on u.id = h.user_id
        where ${LIVE_SQL} and ${scopeSql(scope, undefined)}
        group by h.user_id
        order by h.user_id nulls last`,
  );
  const total = rows.reduce((t, r) => ({ live: t.live + r.live, touched: t.touched + r.touched, overdue: t.overdue + r.overdue }), { live: 0, touched: 0, overdue: 0 });
  return {
    days,
    team: line(total.live, total.touched, total.overdue),
    byHolder: rows.map((r) => ({ holderId: r.holder_id, fullName: r.full_name, role: r.role, ...line(r.live, r.touched, r.overdue) })),
  };
}
