import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { mayEditUser, mayGrantRole, mayListTeam, mayManageUsers, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });

/** Builds [role, allowed] rows from the roles that must pass; every other role must be refused. */
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

describe("mayManageUsers: running the team", () => {
  it.each(rows(["admin", "head"]))("%s may manage users — %s", (role, allowed) => {
    expect(mayManageUsers(actorAs(role))).toBe(allowed);
  });
});

describe("mayGrantRole", () => {
  it.each(rows(["admin"]))("%s may grant the admin role — %s", (role, allowed) => {
    expect(mayGrantRole(actorAs(role), "admin")).toBe(allowed);
  });

  const nonAdminRoles = ROLES.filter((r) => r !== "admin");
  it.each(nonAdminRoles)("the admin and the head may grant the %s role; no one else may", (granted) => {
    for (const [role, allowed] of rows(["admin", "head"])) {
      expect(mayGrantRole(actorAs(role), granted)).toBe(allowed);
    }
  });

  it("a head may not make anyone an admin, themselves included", () => {
    expect(mayGrantRole(actorAs("head"), "admin")).toBe(false);
  });
});

describe("mayEditUser", () => {
  it.each(rows(["admin"]))("%s may edit an admin — %s", (role, allowed) => {
    expect(mayEditUser(actorAs(role), { role: "admin" })).toBe(allowed);
  });

  it.each(ROLES.filter((r) => r !== "admin"))("the admin and the head may edit a %s; no one else may", (target) => {
    for (const [role, allowed] of rows(["admin", "head"])) {
      expect(mayEditUser(actorAs(role), { role: target })).toBe(allowed);
    }
  });
});

describe("mayListTeam: the team directory for handing work over", () => {
  it.each(ROLES)("the %s sees the team", (role) => {
    expect(mayListTeam(actorAs(role))).toBe(true);
  });
});
