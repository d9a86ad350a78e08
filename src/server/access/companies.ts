import type { Role } from "../../domain/conveyor.js";
import type { Actor } from "./actor.js";

/**
 * The department's authority over the client base, written as sentences.
 * Tier workers see only what they hold: a caller, a manager or an account manager never
 * browses the base. The head (and admin) see and steer everything; the back office needs
 * the whole base to invoice customers.
 */
const BROWSE_THE_WHOLE_BASE: readonly Role[] = ["admin", "head", "back_office"];
const STEER_THE_CONVEYOR: readonly Role[] = ["admin", "head"];
const BRING_NEW_COMPANIES: readonly Role[] = ["admin", "head", "caller", "manager"];

/** What part of the base a list or search may return for this actor. */
export type CompanyScope = { kind: "all" } | { kind: "held_by"; userId: number };

export const companyScope = (actor: Actor): CompanyScope =>
  BROWSE_THE_WHOLE_BASE.includes(actor.role) ? { kind: "all" } : { kind: "held_by", userId: actor.id };

/** The open holding of a company as far as access rules care. */
export interface HoldingView {
  userId: number;
}

const holds = (actor: Actor, holding: HoldingView | null) => holding !== null && holding.userId === actor.id;

/** A person may read a company when they may browse the base, or while they hold it. */
export const mayReadCompany = (actor: Actor, holding: HoldingView | null) =>
  BROWSE_THE_WHOLE_BASE.includes(actor.role) || holds(actor, holding);

/** A person may change a company's card and log work on it while holding it; the head always. */
export const mayWorkOnCompany = (actor: Actor, holding: HoldingView | null) =>
  STEER_THE_CONVEYOR.includes(actor.role) || holds(actor, holding);

/** Callers and managers bring new companies (a found prospect, an inbound lead); so does the head. */
export const mayCreateCompany = (actor: Actor) => BRING_NEW_COMPANIES.includes(actor.role);

/** The holder hands a company on to the next tier; the head may do it for anyone. */
export const mayHandOff = (actor: Actor, holding: HoldingView | null) =>
  STEER_THE_CONVEYOR.includes(actor.role) || holds(actor, holding);

/** Only the head (and admin) decide who holds a company within a tier. */
export const mayAssignHolder = (actor: Actor) => STEER_THE_CONVEYOR.includes(actor.role);
