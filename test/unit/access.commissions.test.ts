import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { commissionScope, mayReadCommissionOf, mayReadCommissionRules, maySetCommissionRules, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);
const SALESPEOPLE: readonly Role[] = ["caller", "manager", "account_manager"];

describe("commissions: the head sets the rules, the back office pays, salespeople see their own", () => {
  it.each(rows(["admin", "head", "back_office"]))("%s sees and exports everyone's commissions — %s", (role, allowed) => {
    expect(commissionScope(actorAs(role))?.kind === "all").toBe(allowed);
    expect(mayReadCommissionOf(actorAs(role), 8)).toBe(allowed);
  });

  it.each(rows(SALESPEOPLE))("%s sees only their own statement — %s", (role, allowed) => {
    expect(commissionScope(actorAs(role))?.kind === "own").toBe(allowed);
    if (!allowed) return;
    expect(commissionScope(actorAs(role))).toEqual({ kind: "own", userId: 7 });
    expect(mayReadCommissionOf(actorAs(role), 7)).toBe(true);
    expect(mayReadCommissionOf(actorAs(role), 8)).toBe(false);
  });

  it.each(rows(["admin", "head", "back_office", ...SALESPEOPLE]))("%s reads the rules it is paid by — %s", (role, allowed) => {
    expect(mayReadCommissionRules(actorAs(role))).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("%s sets and withdraws the rules — %s", (role, allowed) => {
    expect(maySetCommissionRules(actorAs(role))).toBe(allowed);
  });
});
