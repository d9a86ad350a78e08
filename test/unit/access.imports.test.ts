import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { mayImport, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

describe("imports: the head loads the client base, nobody else", () => {
  it.each(rows(["admin", "head"]))("%s may upload, dry-run, run and resume an import and read its report — %s", (role, allowed) => {
    expect(mayImport(actorAs(role))).toBe(allowed);
  });
});
