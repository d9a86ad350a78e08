/**
 * The conveyor's stages and tiers: a company moves cold -> lead -> customer, each stage worked
 * by one tier, and each hand-off passes it to a holder of the next tier's role.
 */
export const STAGES = ["cold", "lead", "customer", "resting", "archived"] as const;
export type Stage = (typeof STAGES)[number];

export const ROLES = ["admin", "head", "caller", "manager", "account_manager", "back_office"] as const;
export type Role = (typeof ROLES)[number];

export type Tier = 1 | 2 | 3;

export const COMPANY_SIZES = ["micro", "small", "medium", "large"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** Which tier works a company at each live stage, and which role works that tier. */
const TIER_OF_STAGE: Partial<Record<Stage, Tier>> = { cold: 1, lead: 2, customer: 3 };
const ROLE_OF_TIER: Record<Tier, Role> = { 1: "caller", 2: "manager", 3: "account_manager" };

export const tierOfStage = (stage: Stage): Tier | undefined => TIER_OF_STAGE[stage];
export const roleOfTier = (tier: Tier): Role => ROLE_OF_TIER[tier];

/** The next stage on the conveyor, or undefined when a stage is the end of the line. */
export function nextStage(stage: Stage): Stage | undefined {
  if (stage === "cold") return "lead";
  if (stage === "lead") return "customer";
  return undefined;
}

export type HandOffPlan =
  | { ok: true; toStage: Stage; toTier: Tier; requiredRole: Role }
  | { ok: false; reason: "stage_final" | "wrong_role" };

/** Decides whether a company at `stage` may be handed to a user of `targetRole`, and where it goes. */
export function planHandOff(stage: Stage, targetRole: Role): HandOffPlan {
  const toStage = nextStage(stage);
  if (!toStage) return { ok: false, reason: "stage_final" };
  const toTier = tierOfStage(toStage) as Tier;
  const requiredRole = roleOfTier(toTier);
  if (targetRole !== requiredRole) return { ok: false, reason: "wrong_role" };
  return { ok: true, toStage, toTier, requiredRole };
}

/** Who may hold a company within a tier (the head reassigning inside it). */
export function canHoldInTier(tier: Tier, role: Role): boolean {
  return roleOfTier(tier) === role;
}
