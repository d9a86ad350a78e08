import type { Actor } from "./actor.js";

/**
 * Exports. A CRM's client base walking out on a USB stick is exactly what a head of sales fears:
 * a salesperson who leaves for a competitor takes the companies, contacts and purchase history
 * with them. So lists leave the system only through the people who answer for them:
 * - the head and the admin export every list they see;
 * - the back office, who bills, exports the companies, the customers and the invoices;
 * - callers, sales managers and account managers work their companies on screen but never
 *   export a list of the base (403), not even of the companies they hold.
 * A salesperson's own commission lines are theirs, not the base: access/commissions.ts lets
 * them export those. Every export, whoever makes it, is logged, and the head reads the log.
 */
export const EXPORTED_LISTS = ["companies", "accounts", "invoices", "caller_results"] as const;
export type ExportedList = (typeof EXPORTED_LISTS)[number];

const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";
const BACK_OFFICE_EXPORTS: readonly ExportedList[] = ["companies", "accounts", "invoices"];

/** May this person take this list out of the system as a file? */
export const mayExport = (actor: Actor, list: ExportedList) => steers(actor) || (actor.role === "back_office" && BACK_OFFICE_EXPORTS.includes(list));

/** Who exported what, when: the head's (and the admin's) to read. */
export const mayReadExportLog = steers;
