import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { mayManageSources, mayReadSourceIntakes, maySeeSourceOptions, sourceScope, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });

/** Builds [role, allowed] rows from the roles that must pass; every other role must be refused. */
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

describe("mayManageSources: only the head sets sources up", () => {
  it.each(rows(["admin", "head"]))("%s may manage sources — %s", (role, allowed) => {
    expect(mayManageSources(actorAs(role))).toBe(allowed);
  });
});

describe("sourceScope: which sources a list returns", () => {
  it.each(["admin", "head"] as const)("the %s sees every source", (role) => {
    expect(sourceScope(actorAs(role))).toEqual({ kind: "all" });
  });

  it.each(["caller", "manager", "account_manager", "back_office"] as const)("the %s sees only the sources they own", (role) => {
    expect(sourceScope(actorAs(role, 42))).toEqual({ kind: "owned_by", userId: 42 });
  });
});

describe("mayReadSourceIntakes: the head, or the source's owner", () => {
  it.each(rows(ROLES))("a source they own: %s may read its intake log — %s", (role, allowed) => {
    const actor = actorAs(role);
    expect(mayReadSourceIntakes(actor, { ownerId: actor.id })).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("someone else's source: %s may read its intake log — %s", (role, allowed) => {
    expect(mayReadSourceIntakes(actorAs(role), { ownerId: 999 })).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("a source nobody owns: %s may read its intake log — %s", (role, allowed) => {
    expect(mayReadSourceIntakes(actorAs(role), { ownerId: null })).toBe(allowed);
  });
});

describe("maySeeSourceOptions: who picks or filters by a source", () => {
  it.each(rows(["admin", "head", "caller", "manager", "back_office"]))("%s may list the active sources — %s", (role, allowed) => {
    expect(maySeeSourceOptions(actorAs(role))).toBe(allowed);
  });
});
