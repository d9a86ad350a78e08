import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { isLive, nextTouchAfter } from "../../domain/cadence.js";
import type { Stage } from "../../domain/conveyor.js";
import type { WorkingHours } from "../../domain/workingTime.js";
import { readSettings } from "../settings/teamSettings.js";

/** SQL for "the company is live" (see `isLive` in domain/cadence): held, or a lead or customer. */
export const LIVE_SQL = sql`(c.stage in ('lead', 'customer') or (c.stage = 'cold' and h.user_id is not null))`;

const CHUNK = 20_000;

export interface TouchScheduleResult {
  /** Live companies given a next touch date (new ones, or ones whose date no longer fits the cadence). */
  scheduled: number;
  /** Companies off the cadence (resting, archived, an unheld cold one) whose date was cleared. */
  cleared: number;
}

interface Candidate {
  id: number;
  stage: Stage;
  holder_id: number | null;
  last_touch_at: Date | string | null;
  live_since: Date | string;
}

/**
 * Keeps the weekly contact schedule whole. A touch moves a company's next touch as it is logged
 * (`recordTouch`); this sweep repairs what no touch moved: a company that became live gets a date
 * (one cadence after its last touch, or due since it went live when nobody ever touched it), a
 * date that the cadence no longer allows (the head shortened it, or a touch came in by import)
 * is recomputed, and a company that left the cadence loses its date. Idempotent: a second run
 * finds nothing to do.
 */
export async function scheduleTouches(db: DbOrTx, timeZone: string): Promise<TouchScheduleResult> {
  const settings = await readSettings(db, timeZone);
  const cadence = settings.cadenceDays;
  const cleared = await selectRows<{ n: number }>(
    db,
    sql`with off as (
          select c.id from companies c left join holdings h on h.company_id = c.id and h.ended_at is null
          where c.next_touch_at is not null and not ${LIVE_SQL})
        , done as (update companies c set next_touch_at = null from off where c.id = off.id returning 1)
        select count(*)::int as n from done`,
  );
  // A date later than a cadence (plus a day of slack for the working-day rounding) after the last
  // touch, or not after it, is stale.
  const candidates = await selectRows<Candidate>(
    db,
    sql`select c.id, c.stage, h.user_id as holder_id, c.last_touch_at, coalesce(h.started_at, c.created_at) as live_since
        from companies c left join holdings h on h.company_id = c.id and h.ended_at is null
        where ${LIVE_SQL}
          and (c.next_touch_at is null
               or (c.last_touch_at is not null and (c.next_touch_at <= c.last_touch_at
                   or c.next_touch_at > c.last_touch_at + make_interval(days => ${cadence + 1}))))`,
  );
  const nextOf = memoisedNextTouch(cadence, settings.workingHours);
  const rows = candidates
    .filter((c) => isLive({ stage: c.stage, holderId: c.holder_id }))
    .map((c) => ({ id: c.id, next: (c.last_touch_at === null ? new Date(c.live_since) : nextOf(new Date(c.last_touch_at))).toISOString() }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await db.execute(sql`update companies c set next_touch_at = v.next
                         from jsonb_to_recordset(${chunk}::jsonb) as v(id int, next timestamptz) where c.id = v.id`);
  }
  return { scheduled: rows.length, cleared: cleared[0]?.n ?? 0 };
}

const QUARTER_HOUR = 15 * 60_000;

/**
 * The next touch depends only on the local day of the last one. Every time zone's offset is a
 * multiple of 15 minutes, so all instants in one UTC quarter-hour share a local day: compute
 * once per quarter-hour instead of once per company.
 */
function memoisedNextTouch(cadence: number, wh: WorkingHours): (lastTouchAt: Date) => Date {
  const byQuarter = new Map<number, Date>();
  return (lastTouchAt) => {
    const quarter = Math.floor(lastTouchAt.getTime() / QUARTER_HOUR);
    let next = byQuarter.get(quarter);
    if (!next) byQuarter.set(quarter, (next = nextTouchAfter(new Date(quarter * QUARTER_HOUR), cadence, wh)));
    return next;
  };
}
