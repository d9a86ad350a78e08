import type { Role } from "../../domain/conveyor.js";
import type { Actor } from "./actor.js";

/**
 * Imports, written as sentences. Bringing a client base in touches every company in it, so the
 * head of sales (and the admin standing in) does it; salespeople and the back office work the
 * base the import fills, they do not load it.
 */
const LOAD_THE_BASE: readonly Role[] = ["admin", "head"];

/** The head uploads a file, dry-runs it, runs or resumes it, and reads its progress and error report. */
export const mayImport = (actor: Actor) => LOAD_THE_BASE.includes(actor.role);
