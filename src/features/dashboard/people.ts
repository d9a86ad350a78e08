import { sql } from "drizzle-orm";
import { selectRows, type Db, type DbOrTx } from "../../db/connect.js";
import type { Actor } from "../../server/access/index.js";
import { managerResults } from "../conversion/queries.js";
import { callerResults } from "../prospecting/callerResults.js";
import { coverageReport } from "../touches/queries.js";
import { FIRST_ORDER_SQL, ORDER_SELLER_SQL } from "../accounts/orderFacts.js";
import { inScope, personInScope, ratio, round1, type DashboardScope } from "./scope.js";

export interface Money {
  currency: string;
  amountMinor: number;
}

export interface CallerFigures {
  userId: number;
  fullName: string;
  calls: number;
  connects: number;
  interested: number;
  handedOver: number;
  /** Of those handed over, how many tier 2 took to a first sale. */
  converted: number;
}

export interface ManagerFigures {
  userId: number;
  fullName: string;
  leadsReceived: number;
  /** Share of the leads received whose first contact met its deadline; null without leads. */
  onTimeShare: number | null;
  won: number;
  lost: number;
  firstSales: Money[];
  /** Deals won / leads received; null without leads. */
  conversion: number | null;
  meanDaysToSale: number | null;
  medianDaysToSale: number | null;
}

export interface AccountManagerFigures {
  userId: number;
  fullName: string;
  /** Customers held now. */
  customers: number;
  repeatOrders: number;
  repeatSales: Money[];
  /** Share of their live companies touched in the last week (now, not over the period). */
  coverage: number | null;
}

export interface PeopleFigures {
  callers: CallerFigures[];
  managers: ManagerFigures[];
  accountManagers: AccountManagerFigures[];
}

function moneyByPerson(rows: { user_id: number; currency: string; amount: number }[]): Map<number, Money[]> {
  const out = new Map<number, Money[]>();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ currency: r.currency, amountMinor: Number(r.amount) });
    out.set(r.user_id, list);
  }
  return out;
}

/** Tier 1: the callers' results (the same figures as their results page), summed over the period. */
async function callers(db: Db, actor: Actor, scope: DashboardScope): Promise<CallerFigures[]> {
  const rows = await callerResults(db, actor, { from: scope.from, to: scope.to, period: "week" }, scope.wh.timeZone);
  const byCaller = new Map<number, CallerFigures>();
  for (const r of rows) {
    if (!inScope(scope, r.callerId)) continue;
    const c = byCaller.get(r.callerId) ?? { userId: r.callerId, fullName: r.fullName, calls: 0, connects: 0, interested: 0, handedOver: 0, converted: 0 };
    c.calls += r.calls;
    c.connects += r.connects;
    c.interested += r.interested;
    c.handedOver += r.handedOver;
    c.converted += r.converted;
    byCaller.set(r.callerId, c);
  }
  return [...byCaller.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/**
 * Tier 2: the conversion figures of the managers' results page, with what the won deals
 * brought in (per currency) and the mean days from the start of work to the win — over the
 * same won deals the median is taken from.
 */
async function managers(db: DbOrTx, scope: DashboardScope): Promise<ManagerFigures[]> {
  const results = (await managerResults(db, scope.from, scope.to, scope.wh.timeZone)).filter((r) => inScope(scope, r.managerId));
  const start = scope.start.toISOString();
  const end = scope.end.toISOString();
  const won = sql`d.stage = 'won' and d.closed_at >= ${start}::timestamptz and d.closed_at < ${end}::timestamptz`;
  const sales = await selectRows<{ user_id: number; currency: string; amount: number }>(
    db,
    sql`select d.manager_id as user_id, d.currency, sum(d.amount_minor)::float8 as amount
        from deals d where ${won} and d.currency is not null and ${personInScope(sql`d.manager_id`, scope)}
        group by 1, 2 order by 1, 2`,
  );
  const days = await selectRows<{ user_id: number; mean: number | null }>(
    db,
    sql`select d.manager_id as user_id, avg(extract(epoch from d.closed_at - h.started_at) / 86400.0)::float8 as mean
        from deals d join holdings h on h.company_id = d.company_id and h.user_id = d.manager_id and h.tier = 2 and h.started_at <= d.opened_at
        where ${won} and ${personInScope(sql`d.manager_id`, scope)}
        group by 1`,
  );
  const money = moneyByPerson(sales);
  const means = new Map(days.map((d) => [d.user_id, d.mean === null ? null : Number(d.mean)]));
  return results.map((r) => ({
    userId: r.managerId,
    fullName: r.fullName,
    leadsReceived: r.leadsReceived,
    onTimeShare: ratio(r.contactedInTime, r.leadsReceived),
    won: r.won,
    lost: r.lost,
    firstSales: money.get(r.managerId) ?? [],
    conversion: ratio(r.won, r.leadsReceived),
    meanDaysToSale: round1(means.get(r.managerId) ?? null),
    medianDaysToSale: r.medianDaysToFirstSale,
  }));
}

/** Tier 3: customers held, repeat orders they sold in the period (per currency), and their weekly-touch coverage. */
async function accountManagers(db: DbOrTx, scope: DashboardScope, now: Date): Promise<AccountManagerFigures[]> {
  const start = scope.start.toISOString();
  const end = scope.end.toISOString();
  const people = await selectRows<{ id: number; full_name: string; active: boolean; customers: number }>(
    db,
    sql`select u.id, u.full_name, u.active,
               (select count(*) from holdings h where h.user_id = u.id and h.tier = 3 and h.ended_at is null)::int as customers
        from users u where u.role = 'account_manager' and ${personInScope(sql`u.id`, scope)}
        order by u.full_name, u.id`,
  );
  const repeats = await selectRows<{ user_id: number; currency: string; orders: number; amount: number }>(
    db,
    sql`select s.user_id, o.currency, count(*)::int as orders, sum(o.total_minor)::float8 as amount
        from orders o cross join lateral (select ${ORDER_SELLER_SQL} as user_id) s
        where o.ordered_at >= ${start}::timestamptz and o.ordered_at < ${end}::timestamptz and not ${FIRST_ORDER_SQL}
        group by 1, 2 order by 1, 2`,
  );
  const coverage = await coverageReport(db, { kind: "all" }, now, scope.wh);
  const money = moneyByPerson(repeats);
  // Someone who left still shows when they sold in the period.
  return people.filter((p) => p.active || money.has(p.id)).map((p) => {
    const line = coverage.byHolder.find((h) => h.holderId === p.id);
    return {
      userId: p.id,
      fullName: p.full_name,
      customers: p.customers,
      repeatOrders: repeats.filter((r) => r.user_id === p.id).reduce((n, r) => n + r.orders, 0),
      repeatSales: money.get(p.id) ?? [],
      coverage: line ? line.share : null,
    };
  });
}

/** Each tier's figures per person over the period (the head's actor is what the callers' results check). */
export async function peopleFigures(db: Db, actor: Actor, scope: DashboardScope, now = new Date()): Promise<PeopleFigures> {
  return {
    callers: await callers(db, actor, scope),
    managers: await managers(db, scope),
    accountManagers: await accountManagers(db, scope, now),
  };
}
