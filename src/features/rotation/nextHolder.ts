import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { roleOfTier, type Tier } from "../../domain/conveyor.js";
import { pickNextHolder, type HolderCandidate, type PastHolding } from "../../domain/rotation.js";
import type { RotationSettings } from "../settings/teamSettings.js";

/**
 * Everything `pickNextHolder` needs about a company, read in three queries: the active people of
 * the tier's role with their load and conversion in the company's industry, and who held it.
 */
export async function nextHolderFor(db: DbOrTx, companyId: number, tier: Tier, rotation: RotationSettings, now = new Date()): Promise<number | null> {
  const role = roleOfTier(tier);
  const candidates = await selectRows<{ id: number; open_holdings: number; won: number; ended: number }>(
    db,
    sql`select u.id,
               (select count(*)::int from holdings h where h.user_id = u.id and h.ended_at is null) as open_holdings,
               coalesce(s.won, 0)::int as won, coalesce(s.ended, 0)::int as ended
        from users u
        left join lateral (
          select count(*) filter (where h.end_reason = 'sold') as won, count(*) as ended
          from holdings h join companies c on c.id = h.company_id
          where h.user_id = u.id and h.tier = ${tier} and h.ended_at is not null
            and c.industry is not distinct from (select industry from companies where id = ${companyId})
        ) s on true
        where u.active and u.role = ${role}`,
  );
  const history = await selectRows<{ user_id: number; ended_at: Date | string | null }>(
    db,
    sql`select user_id, ended_at from holdings where company_id = ${companyId}`,
  );
  const pool: HolderCandidate[] = candidates.map((c) => ({ userId: c.id, openHoldings: c.open_holdings, conversionRate: c.ended > 0 ? c.won / c.ended : null }));
  const past: PastHolding[] = history.map((h) => ({ userId: h.user_id, endedAt: h.ended_at === null ? null : new Date(h.ended_at) }));
  return pickNextHolder(pool, past, now, { cooldownDays: rotation.holderCooldownDays, preferBestConverter: rotation.preferBestConverter });
}
