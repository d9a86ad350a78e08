import type { Actor } from "./actor.js";

/**
 * Rotation is the head's authority: the dead list, the decisions (extend, transfer, rest,
 * archive), the resting clients, the sales period and the quality signal. Salespeople in tiers
 * 1 and 2 write their weekly reports on the clients they hold; the head reads everyone's.
 */
const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";

export const mayDecideRotation = steers;
export const maySeeRotation = steers;
export const mayWriteWeeklyReport = (actor: Actor) => actor.role === "caller" || actor.role === "manager";
export const maySeeAllWeeklyReports = steers;
