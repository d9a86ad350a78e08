import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { maySeeDashboard, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });

/** Builds [role, allowed] rows from the roles that must pass; every other role must be refused. */
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

describe("maySeeDashboard: the whole conveyor at a glance", () => {
  it.each(rows(["admin", "head"]))("%s may see the dashboard — %s", (role, allowed) => {
    expect(maySeeDashboard(actorAs(role))).toBe(allowed);
  });
});
