import type { Tier } from "./conveyor.js";

/**
 * A fixed term for tier 2, used where no data exists yet to compute the sales period: the demo's
 * generated history. The live conveyor gives terms from the sales period (see rotation.ts and
 * features/rotation/terms.ts).
 */
export const DEFAULT_SALES_PERIOD_DAYS = 30;

export function termForNewHolding(tier: Tier, start: Date, salesPeriodDays = DEFAULT_SALES_PERIOD_DAYS): Date | null {
  if (tier !== 2) return null;
  return new Date(start.getTime() + salesPeriodDays * 86_400_000);
}
