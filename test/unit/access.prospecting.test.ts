import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import {
  mayEditInstructions,
  mayEditScripts,
  mayManageCallLists,
  mayReadScripts,
  maySeeAllCallerResults,
  maySeeCallerResults,
  mayWorkCallLists,
  type Actor,
} from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });

/** Builds [role, allowed] rows from the roles that must pass; every other role must be refused. */
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

describe("tier 1: the head steers calling", () => {
  it.each(rows(["admin", "head"]))("%s may build and change call lists — %s", (role, allowed) => {
    expect(mayManageCallLists(actorAs(role))).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("%s may edit call scripts — %s", (role, allowed) => {
    expect(mayEditScripts(actorAs(role))).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("%s may edit the callers' instructions — %s", (role, allowed) => {
    expect(mayEditInstructions(actorAs(role))).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("%s may see every caller's results — %s", (role, allowed) => {
    expect(maySeeAllCallerResults(actorAs(role))).toBe(allowed);
  });
});

describe("tier 1: callers call", () => {
  it.each(rows(["admin", "head", "caller"]))("%s may read scripts and instructions — %s", (role, allowed) => {
    expect(mayReadScripts(actorAs(role))).toBe(allowed);
  });

  it.each(rows(["caller"]))("%s may take companies from call lists — %s", (role, allowed) => {
    expect(mayWorkCallLists(actorAs(role))).toBe(allowed);
  });

  it("the head who writes the scripts does not take companies from the lists", () => {
    const head = actorAs("head");
    expect(mayEditScripts(head)).toBe(true);
    expect(mayWorkCallLists(head)).toBe(false);
  });

  it("a caller reads the script but may not change it, nor the lists", () => {
    const caller = actorAs("caller");
    expect(mayReadScripts(caller)).toBe(true);
    expect(mayEditScripts(caller)).toBe(false);
    expect(mayEditInstructions(caller)).toBe(false);
    expect(mayManageCallLists(caller)).toBe(false);
  });
});

describe("maySeeCallerResults: whose calling figures one may see", () => {
  const callerId = 42;

  it.each(rows(["admin", "head"]))("another caller's results: %s may see them — %s", (role, allowed) => {
    expect(maySeeCallerResults(actorAs(role, 7), callerId)).toBe(allowed);
  });

  it.each(rows(ROLES))("their own results: %s may see them — %s", (role, allowed) => {
    expect(maySeeCallerResults(actorAs(role, callerId), callerId)).toBe(allowed);
  });

  it("a caller sees their own results and nobody else's", () => {
    const caller = actorAs("caller", 42);
    expect(maySeeCallerResults(caller, 42)).toBe(true);
    expect(maySeeCallerResults(caller, 43)).toBe(false);
    expect(maySeeAllCallerResults(caller)).toBe(false);
  });
});
