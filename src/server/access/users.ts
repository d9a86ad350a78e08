import type { Role } from "../../domain/conveyor.js";
import type { Actor } from "./actor.js";

/** Admin and head run the team; only an admin may make or unmake another admin. */
export const mayManageUsers = (actor: Actor) => actor.role === "admin" || actor.role === "head";

export const mayGrantRole = (actor: Actor, role: Role) =>
  actor.role === "admin" || (actor.role === "head" && role !== "admin");

/** A head may edit anyone but an admin; an admin may edit anyone. */
export const mayEditUser = (actor: Actor, target: { role: Role }) =>
  actor.role === "admin" || (actor.role === "head" && target.role !== "admin");

/** Everyone signed in sees the team directory (names and roles) to hand work over. */
export const mayListTeam = (_actor: Actor) => true;
