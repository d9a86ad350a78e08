import type { Actor } from "./actor.js";

/**
 * Tier 1's authority. The head builds call lists, writes scripts and instructions, and sees
 * every caller's results; a caller works only the lists assigned to them, one company at a
 * time, and sees only their own results.
 */
const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";

export const mayManageCallLists = steers;
export const mayEditScripts = steers;
export const mayEditInstructions = steers;
export const maySeeAllCallerResults = steers;

/** Scripts and instructions are read by callers mid-call (and by the head). */
export const mayReadScripts = (actor: Actor) => steers(actor) || actor.role === "caller";

/** Only callers take companies from call lists. */
export const mayWorkCallLists = (actor: Actor) => actor.role === "caller";

export const maySeeCallerResults = (actor: Actor, callerId: number) => steers(actor) || actor.id === callerId;
