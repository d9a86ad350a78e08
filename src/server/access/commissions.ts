import type { Actor } from "./actor.js";

/**
 * Commissions. The head (an admin may stand in) sets the rules per tier. The head, the admin and
 * the back office, who pays them, see and export everyone's figures. A caller, a sales manager
 * or an account manager sees and exports only their own, and reads the rules they are paid by.
 */
const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";
const sells = (actor: Actor) => actor.role === "caller" || actor.role === "manager" || actor.role === "account_manager";

export type CommissionScope = { kind: "all" } | { kind: "own"; userId: number };

/** Whose commissions a person may see and export; null: nobody's (refused). */
export function commissionScope(actor: Actor): CommissionScope | null {
  if (steers(actor) || actor.role === "back_office") return { kind: "all" };
  if (sells(actor)) return { kind: "own", userId: actor.id };
  return null;
}

/** One person's statement: anyone's for those who see everyone's, else only one's own. */
export function mayReadCommissionOf(actor: Actor, userId: number): boolean {
  const scope = commissionScope(actor);
  return scope !== null && (scope.kind === "all" || scope.userId === userId);
}

export const mayReadCommissionRules = (actor: Actor) => commissionScope(actor) !== null;
export const maySetCommissionRules = steers;
