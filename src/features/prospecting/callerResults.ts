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
  const since = sql`(${query.from}::date)::timestamp at time zone ${timeZone}`;
  const until = sql`((${query.to}::date + 1)::timestamp at time zone ${timeZone})`;
  // Every active caller appears, idle ones with zeros in the first period, so the head sees who is not calling.
  const rows = await selectRows<Omit<CallerResult, "period"> & { period: string | Date; caller_id: number; full_name: string; handed_over: number }>(
    db,
    sql`select u.id as caller_id, u.full_name,
               coalesce(to_char(date_trunc(${unit}, k.occurred_at at time zone ${timeZone}), 'YYYY-MM-DD'),
                        to_char(date_trunc(${unit}, ${query.from}::date), 'YYYY-MM-DD')) as period,
               count(k.id)::int as calls,
               (count(*) filter (where k.connected))::int as connects,
               (count(*) filter (where k.outcome in ('interested', 'hard_question')))::int as interested,
               (count(*) filter (where k.handed_over))::int as handed_over,
               (count(*) filter (where k.handed_over and exists (
                  select 1 from holdings h where h.company_id = k.company_id and h.tier = 3 and h.started_at > k.occurred_at)))::int as converted
        from users u
        left join calls k on k.caller_id = u.id and k.occurred_at >= ${since} and k.occurred_at < ${until}
        where ((u.role = 'caller' and u.active) or k.id is not null)
          ${callerId !== undefined ? sql`and u.id = ${callerId}` : sql``}
        group by u.id, u.full_name, 3
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
