import type { CommissionRule, Tier } from "./types";

/** The tier's rule in force in a month: the latest start at or before it (as the server prices sales). */
export function ruleInForce(rules: readonly CommissionRule[], tier: Tier, month: string): CommissionRule | null {
  let found: CommissionRule | null = null;
  for (const rule of rules) if (rule.tier === tier && rule.effectiveFrom <= month && (!found || rule.effectiveFrom > found.effectiveFrom)) found = rule;
  return found;
}
