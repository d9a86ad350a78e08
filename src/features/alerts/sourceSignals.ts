import { sql } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { UNREACHED_OUTCOMES, type ConnectCounts, type IntakeCounts } from "../../domain/sourceWatch.js";

/** Posts to each source's intake received since `since`, by outcome (sources with no posts have no entry). */
export async function intakeCounts(db: DbOrTx, sourceIds: readonly number[], since: Date): Promise<Map<number, IntakeCounts>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await selectRows<{ source_id: number; posts: number; invalid: number; duplicate: number; rate_limited: number }>(
    db,
    sql`select source_id, count(*)::int as posts,
               (count(*) filter (where outcome = 'invalid'))::int as invalid,
               (count(*) filter (where outcome = 'duplicate'))::int as duplicate,
               (count(*) filter (where outcome = 'rate_limited'))::int as rate_limited
        from lead_intakes
        where source_id in (${sqlList(sourceIds)}) and received_at >= ${since.toISOString()}::timestamptz
        group by source_id`,
  );
  return new Map(rows.map((r) => [r.source_id, { posts: r.posts, invalid: r.invalid, duplicate: r.duplicate, rateLimited: r.rate_limited }]));
}

/**
 * For each source, its companies delivered (created) since `since` that somebody called, and
 * of those, how many somebody reached at least once. A call is a `call` on the timeline with
 * an outcome — tier 1's calls and tier 2's alike; it reached someone unless it ended with no
 * answer or a wrong number. Delivery, not the lead moment, is what counts: junk a partner
 * posts never reaches tier 2, since nobody answers the caller.
 */
export async function connectCounts(db: DbOrTx, sourceIds: readonly number[], since: Date): Promise<Map<number, ConnectCounts>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await selectRows<{ source_id: number; attempted: number; connected: number }>(
    db,
    sql`select c.source_id,
               count(*)::int as attempted,
               (count(*) filter (where calls.connected))::int as connected
        from companies c
        cross join lateral (
          select bool_or(not (a.data->>'outcome' in (${sqlList(UNREACHED_OUTCOMES)}))) as connected
          from activities a
          where a.company_id = c.id and a.kind = 'call' and a.data->>'outcome' is not null
        ) calls
        where c.source_id in (${sqlList(sourceIds)}) and c.created_at >= ${since.toISOString()}::timestamptz
          and calls.connected is not null
        group by c.source_id`,
  );
  return new Map(rows.map((r) => [r.source_id, { attempted: r.attempted, connected: r.connected }]));
}
