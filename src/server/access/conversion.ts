import type { Actor } from "./actor.js";
import type { HoldingView } from "./companies.js";

/**
 * Tier 2 and the hand-over to tier 3. A sales manager works the deals of the leads they hold;
 * the account manager who receives a customer accepts it and reports each promise kept or
 * broken; the head steers all of it and sets the rules.
 */
const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";
const holds = (actor: Actor, holding: (HoldingView & { tier?: number }) | null, tier: number) =>
  holding !== null && holding.userId === actor.id && holding.tier === tier;

export const mayWorkDeal = (actor: Actor, holding: (HoldingView & { tier?: number }) | null) => steers(actor) || holds(actor, holding, 2);
export const mayAcceptCustomer = (actor: Actor, holding: (HoldingView & { tier?: number }) | null) => holds(actor, holding, 3);
export const mayResolvePromise = (actor: Actor, holding: (HoldingView & { tier?: number }) | null) => steers(actor) || holds(actor, holding, 3);
export const mayDistributeLeads = steers;
export const maySeeAllConversion = steers;
export const mayManageSettings = steers;
export const mayManageAbsences = steers;
export const mayManageProducts = (actor: Actor) => steers(actor) || actor.role === "back_office";
/** Managers see their own queue and figures; the head sees everyone's. */
export const maySeeQueueOf = (actor: Actor, managerId: number) => steers(actor) || (actor.role === "manager" && actor.id === managerId);
