import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { appError } from "../../server/errors.js";

/**
 * The sales manager who takes a lead handed over from a call: the active manager with the
 * fewest open leads (ties to the longest-serving). Tier 2's distribution rules refine this.
 */
export async function pickDutyManager(db: DbOrTx): Promise<{ id: number; fullName: string }> {
  const [row] = await selectRows<{ id: number; full_name: string }>(
    db,
    sql`select u.id, u.full_name from users u
        left join holdings h on h.user_id = u.id and h.ended_at is null and h.tier = 2
        where u.role = 'manager' and u.active
        group by u.id, u.full_name order by count(h.id), u.id limit 1`,
  );
  if (!row) throw appError("no_manager_available");
  return { id: row.id, fullName: row.full_name };
}
