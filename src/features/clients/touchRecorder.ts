import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { isLive, nextTouchAfter } from "../../domain/cadence.js";
import type { Stage } from "../../domain/conveyor.js";
import { readSettings } from "../settings/teamSettings.js";

/**
 * A touch (a call, a meeting, an email) moves the company's last touch and, while the company is
 * live, its next touch one cadence ahead. A touch logged late (with an earlier time) never moves
 * either date backwards.
 */
export async function recordTouch(tx: DbOrTx, companyId: number, at: Date, timeZone: string): Promise<void> {
  const [row] = await selectRows<{ stage: Stage; holder_id: number | null; last_touch_at: Date | string | null }>(
    tx,
    sql`select c.stage, h.user_id as holder_id, c.last_touch_at
        from companies c left join holdings h on h.company_id = c.id and h.ended_at is null
        where c.id = ${companyId}`,
  );
  if (!row) return;
  const previous = row.last_touch_at === null ? null : new Date(row.last_touch_at);
  const last = previous && previous > at ? previous : at;
  const settings = await readSettings(tx, timeZone);
  const next = isLive({ stage: row.stage, holderId: row.holder_id }) ? nextTouchAfter(last, settings.cadenceDays, settings.workingHours) : null;
  await tx.execute(sql`update companies set last_touch_at = ${last.toISOString()}::timestamptz,
                       next_touch_at = ${next?.toISOString() ?? null}::timestamptz, updated_at = now()
                       where id = ${companyId}`);
}
