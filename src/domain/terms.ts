import type { Tier } from "./conveyor.js";

/**
 * How long a new holder keeps a company before the head reviews it. Until the sales period is
 * computed from the data (rotation), tier 2 uses a fixed default; tiers 1 and 3 have no term.
 */
export const DEFAULT_SALES_PERIOD_DAYS = 30;

export function termForNewHolding(tier: Tier, start: Date, salesPeriodDays = DEFAULT_SALES_PERIOD_DAYS): Date | null {
  if (tier !== 2) return null;
  return new Date(start.getTime() + salesPeriodDays * 86_400_000);
}
