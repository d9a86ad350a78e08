import type { Role } from "../../domain/conveyor.js";
import type { Actor } from "./actor.js";
import { companyScope, mayCreateCompany } from "./companies.js";

/**
 * Lead sources, written as sentences. The head (and admin) set sources up, price them, give
 * them owners and connect their intake. An owner answers for a source's quality, so they see
 * their own sources and what was posted to them — never anyone else's.
 */
const STEER_THE_CONVEYOR: readonly Role[] = ["admin", "head"];

/** The head creates, changes, prices and switches sources, and connects or cuts their intake. */
export const mayManageSources = (actor: Pick<Actor, "role">) => STEER_THE_CONVEYOR.includes(actor.role);

/** Which sources a list returns: all of them for the head, otherwise the ones the person owns. */
export type SourceScope = { kind: "all" } | { kind: "owned_by"; userId: number };
export const sourceScope = (actor: Actor): SourceScope =>
  mayManageSources(actor) ? { kind: "all" } : { kind: "owned_by", userId: actor.id };

/** A source's intake log: the head, or the source's owner. */
export const mayReadSourceIntakes = (actor: Pick<Actor, "id" | "role">, source: { ownerId: number | null }) =>
  mayManageSources(actor) || (source.ownerId !== null && source.ownerId === actor.id);

/**
 * The list of active sources to pick from: whoever brings new companies picks their source;
 * whoever browses the whole base filters it by source.
 */
export const maySeeSourceOptions = (actor: Actor) => mayCreateCompany(actor) || companyScope(actor).kind === "all";
