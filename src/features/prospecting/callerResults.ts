import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import { maySeeAllCallerResults, maySeeCallerResults, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";

export interface CallerResult {
  callerId: number;
  fullName: string;
  period: string;
  calls: number;
  connects: number;
  interested: number;
  handedOver: number;
  converted: number;
}

export interface ResultsQuery {
  from: string;
  to: string;
  period?: "day" | "week";
  callerId?: number;
}

/**
 * Tier 1's figures per caller per day or week, in the team's time zone: calls, connects,
 * interested prospects, leads handed over, and how many of those tier 2 later took to a first
 * sale (the company reached tier 3 after the call). A caller sees only their own.
 */
export async function callerResults(db: Db, actor: Actor, query: ResultsQuery, timeZone: string): Promise<CallerResult[]> {
  if (!maySeeAllCallerResults(actor) && actor.role !== "caller") throw appError("forbidden");
  if (query.callerId !== undefined && !maySeeCallerResults(actor, query.callerId)) throw appError("forbidden");
  const callerId = maySeeAllCallerResults(actor) ? query.callerId : actor.id;
  const unit = query.period === "week" ? sql.raw("'week'") : sql.raw("'day'");
  const rows = await selectRows<Omit<CallerResult, "period"> & { period: string | Date; caller_id: number; full_name: string; handed_over: number }>(
    db,
    sql`select k.caller_id, u.full_name,
               to_char(date_trunc(${unit}, k.occurred_at at time zone ${timeZone}), 'YYYY-MM-DD') as period,
               count(*)::int as calls,
               (count(*) filter (where k.connected))::int as connects,
               (count(*) filter (where k.outcome in ('interested', 'hard_question')))::int as interested,
               (count(*) filter (where k.handed_over))::int as handed_over,
               (count(*) filter (where k.handed_over and exists (
                  select 1 from holdings h where h.company_id = k.company_id and h.tier = 3 and h.started_at > k.occurred_at)))::int as converted
        from calls k join users u on u.id = k.caller_id
        where k.occurred_at >= (${query.from}::date)::timestamp at time zone ${timeZone}
          and k.occurred_at < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})
          ${callerId !== undefined ? sql`and k.caller_id = ${callerId}` : sql``}
        group by k.caller_id, u.full_name, 3
        order by 3, u.full_name`,
  );
  return rows.map((r) => ({
    callerId: r.caller_id,
    fullName: r.full_name,
    period: String(r.period),
    calls: r.calls,
    connects: r.connects,
    interested: r.interested,
    handedOver: r.handed_over,
    converted: r.converted,
  }));
}
