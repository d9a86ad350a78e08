import type { Actor } from "./actor.js";
import type { CompanyScope, HoldingView } from "./companies.js";

/**
 * Tier 3 and the back office. Account managers work the customers they hold: their orders,
 * invoices, reorder dates and segments. The back office bills: it issues invoices from orders
 * and marks them paid or cancelled, for the whole base. The head sees everything and steers.
 * Callers and sales managers have no business with customers' purchases.
 */
const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";
const holdsInTier3 = (actor: Actor, holding: (HoldingView & { tier?: number }) | null) =>
  actor.role === "account_manager" && holding !== null && holding.userId === actor.id && holding.tier === 3;

/** Whose customers a list of accounts, orders or invoices may show; null: none (refused). */
export function accountScope(actor: Actor): CompanyScope | null {
  if (steers(actor) || actor.role === "back_office") return { kind: "all" };
  if (actor.role === "account_manager") return { kind: "held_by", userId: actor.id };
  return null;
}

/** A repeat order is recorded by the customer's account manager, the back office or the head. */
export const mayPlaceOrder = (actor: Actor, holding: (HoldingView & { tier?: number }) | null) =>
  steers(actor) || actor.role === "back_office" || holdsInTier3(actor, holding);

/** Invoices are the back office's (an admin may stand in). */
export const mayBill = (actor: Actor) => actor.role === "back_office" || actor.role === "admin";

/** A customer's purchases, reorder dates and segment: its account manager, the back office, the head. */
export const mayReadAccount = (actor: Actor, holding: (HoldingView & { tier?: number }) | null) =>
  steers(actor) || actor.role === "back_office" || holdsInTier3(actor, holding);

/**
 * The weekly contact lists: every salesperson sees the touches of the companies they hold; the
 * head sees everyone's. The back office touches nobody.
 */
export function touchScope(actor: Actor): CompanyScope | null {
  if (steers(actor)) return { kind: "all" };
  if (actor.role === "caller" || actor.role === "manager" || actor.role === "account_manager") return { kind: "held_by", userId: actor.id };
  return null;
}
