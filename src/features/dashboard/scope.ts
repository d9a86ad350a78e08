import { sql, type SQL } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { daysBetween } from "../../domain/deals.js";
import { addDays } from "../../domain/reorder.js";
import { dayOf, startOfDay, type Day, type WorkingHours } from "../../domain/workingTime.js";
import { appError } from "../../server/errors.js";

/** With no period given, the dashboard shows the last this many days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;
const MAX_PERIOD_YEARS = 2;

/** What every dashboard panel is cut by: a period of whole days in the team's time zone, and maybe a team. */
export interface DashboardScope {
  /** Inclusive calendar days. */
  from: Day;
  to: Day;
  /** The same period as instants: [start, end). */
  start: Date;
  end: Date;
  team: string | null;
  /** The people of the team (active or not: their past work counts); undefined: everyone. */
  userIds?: number[];
  wh: WorkingHours;
}

/**
 * The period asked for: `to` defaults to today and `from` to 30 days up to `to`. It must not end before it starts, nor span more than two years.
 */
export function periodOf(query: { from?: Day; to?: Day }, today: Day): { from: Day; to: Day } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS);
  // Compared as text: the period ends before the same day two years on (a 29 February start: the 28th).
  const limit = `${String(Number(from.slice(0, 4)) + MAX_PERIOD_YEARS).padStart(4, "0")}${from.slice(4)}`;
  if (daysBetween(from, to) < 0 || to >= limit) throw appError("period_invalid", { from, to });
  return { from, to };
}

/** The people of a team by name; an unknown team has nobody. */
async function teamMembers(db: DbOrTx, team: string): Promise<number[]> {
  const rows = await selectRows<{ id: number }>(db, sql`select id from users where team = ${team}`);
  return rows.map((r) => r.id);
}

export async function dashboardScope(db: DbOrTx, query: { from?: Day; to?: Day; team?: string }, wh: WorkingHours, now = new Date()): Promise<DashboardScope> {
  const { from, to } = periodOf(query, dayOf(now, wh));
  const team = query.team?.trim() || null;
  return {
    from,
    to,
    start: startOfDay(from, wh),
    end: startOfDay(addDays(to, 1), wh),
    team,
    userIds: team === null ? undefined : await teamMembers(db, team),
    wh,
  };
}

/** A condition that a person (a column or expression) is in the scope's team; always true without a team. */
export function personInScope(person: SQL, scope: Pick<DashboardScope, "userIds">): SQL {
  if (scope.userIds === undefined) return sql`true`;
  if (scope.userIds.length === 0) return sql`false`;
  return sql`${person} in (${sqlList(scope.userIds)})`;
}

/** Whether a person id is in the scope's team (everyone is without a team). */
export const inScope = (scope: Pick<DashboardScope, "userIds">, userId: number | null): boolean =>
  scope.userIds === undefined || (userId !== null && scope.userIds.includes(userId));

/** A share that is undefined over nothing. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Days shown to one decimal. */
export const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
