import type { Actor } from "./actor.js";

/**
 * The head's dashboard shows the whole conveyor: every person's figures, every source's cost and
 * conversion, the promises each manager made. It is the head's (and the admin's) to read;
 * salespeople see their own figures on their own pages, the back office has none here.
 */
export const maySeeDashboard = (actor: Actor) => actor.role === "admin" || actor.role === "head";
