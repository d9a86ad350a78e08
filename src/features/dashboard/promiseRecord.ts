import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { personInScope, ratio, type DashboardScope } from "./scope.js";

export interface PromiseRecord {
  userId: number;
  fullName: string;
  made: number;
  kept: number;
  broken: number;
  open: number;
  /** broken / (kept + broken): of the promises account management has judged, the share it found broken; null when none judged. */
  brokenShare: number | null;
}

/**
 * Per manager, the promises they made at conversion in the period (when the deal was won) and
 * what account management has reported of them since: kept, broken, still open. A manager whose
 * promises are often broken is selling what the company cannot deliver.
 */
export async function promiseRecord(db: DbOrTx, scope: DashboardScope): Promise<PromiseRecord[]> {
  const rows = await selectRows<{ user_id: number; full_name: string; made: number; kept: number; broken: number; open: number }>(
    db,
    sql`select p.made_by as user_id, min(u.full_name) as full_name, count(*)::int as made,
               (count(*) filter (where p.status = 'kept'))::int as kept,
               (count(*) filter (where p.status = 'broken'))::int as broken,
               (count(*) filter (where p.status = 'open'))::int as open
        from promises p join users u on u.id = p.made_by
        where p.created_at >= ${scope.start.toISOString()}::timestamptz and p.created_at < ${scope.end.toISOString()}::timestamptz
          and ${personInScope(sql`p.made_by`, scope)}
        group by p.made_by
        order by 2, 1`,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    fullName: r.full_name,
    made: r.made,
    kept: r.kept,
    broken: r.broken,
    open: r.open,
    brokenShare: ratio(r.broken, r.kept + r.broken),
  }));
}
