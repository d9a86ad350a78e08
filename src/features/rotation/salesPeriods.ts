import { eq, sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { settings } from "../../db/schema.js";
import { salesPeriods, type SaleCase, type SalesPeriodPolicy, type SalesPeriods } from "../../domain/rotation.js";
import type { RotationSettings } from "../settings/teamSettings.js";

const KEY = "sales_periods";

export interface StoredSalesPeriods extends SalesPeriods {
  computedAt: string;
}

export const policyOf = (r: RotationSettings): SalesPeriodPolicy => ({
  minCases: r.salesPeriodMinCases,
  fallbackDays: r.salesPeriodFallbackDays,
  overrideDays: r.salesPeriodOverrideDays,
});

/**
 * A sales case, as a condition on a holding `h`: a tier-2 holding that ended with the client
 * becoming a customer — a won deal, or a hand-over straight into tier 3. (The head's dashboard
 * trends the same cases.)
 */
export const SALE_CASE_SQL = sql`h.tier = 2 and h.ended_at is not null
          and (h.end_reason = 'sold'
               or (h.end_reason = 'handed_over' and exists (select 1 from holdings n where n.company_id = h.company_id and n.tier = 3 and n.started_at >= h.ended_at)))`;

/** The sales cases, from the day work started to the day of the sale. */
export async function saleCases(db: DbOrTx): Promise<SaleCase[]> {
  const rows = await selectRows<{ started_on: string; sold_on: string; industry: string | null; size: string | null }>(
    db,
    sql`select h.started_at::date::text as started_on, h.ended_at::date::text as sold_on, c.industry, c.size
        from holdings h join companies c on c.id = h.company_id
        where ${SALE_CASE_SQL}`,
  );
  return rows.map((r) => ({ startedOn: r.started_on, soldOn: r.sold_on, industry: r.industry, size: r.size }));
}

/** Computes the periods from the data and keeps them for the hand-offs of the day (and the head's page). */
export async function refreshSalesPeriods(db: DbOrTx, rotation: RotationSettings, now = new Date()): Promise<StoredSalesPeriods> {
  const stored: StoredSalesPeriods = { ...salesPeriods(await saleCases(db), policyOf(rotation)), computedAt: now.toISOString() };
  await db
    .insert(settings)
    .values({ key: KEY, value: stored })
    .onConflictDoUpdate({ target: settings.key, set: { value: stored, updatedAt: now } });
  return stored;
}

/** The periods as the last sweep computed them, or computed now when none are kept yet. */
export async function currentSalesPeriods(db: DbOrTx, rotation: RotationSettings): Promise<StoredSalesPeriods> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  if (row) {
    const kept = row.value as StoredSalesPeriods;
    // A changed override applies at once, without waiting for the night.
    if (rotation.salesPeriodOverrideDays === null && kept.overall.source !== "override") return kept;
    if (rotation.salesPeriodOverrideDays !== null && kept.overall.source === "override" && kept.overall.days === rotation.salesPeriodOverrideDays) return kept;
  }
  return refreshSalesPeriods(db, rotation);
}
