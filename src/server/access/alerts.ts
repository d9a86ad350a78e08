import type { Actor } from "./actor.js";

/**
 * Source alerts are the head's to steer: the head (and an admin) sees every alert and may
 * dismiss one with a note. Whoever owns a lead source answers for its quality: they see that
 * source's alerts and acknowledge them. Everyone else sees none.
 */
const steers = (actor: Actor) => actor.role === "admin" || actor.role === "head";

export type AlertScope = { kind: "all" } | { kind: "owned_by"; userId: number };

export const alertScope = (actor: Actor): AlertScope => (steers(actor) ? { kind: "all" } : { kind: "owned_by", userId: actor.id });

export const maySeeAlert = (actor: Actor, source: { ownerId: number | null }) => steers(actor) || source.ownerId === actor.id;

export const mayAcknowledgeAlert = maySeeAlert;

export const mayDismissAlert = steers;

/** Who hears of a newly raised alert at once: the head(s), the admins, and the source's owner. */
export const hearsOfNewAlert = (user: { id: number; role: string }, source: { ownerId: number | null }) =>
  user.role === "admin" || user.role === "head" || source.ownerId === user.id;
