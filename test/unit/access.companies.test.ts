import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import {
  companyScope,
  mayAssignHolder,
  mayCreateCompany,
  mayHandOff,
  mayReadCompany,
  mayWorkOnCompany,
  type Actor,
  type HoldingView,
} from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });

const heldByThem = (actor: Actor): HoldingView => ({ userId: actor.id });
const heldBySomeoneElse: HoldingView = { userId: 999 };
const heldByNobody = null;

/** Builds [role, allowed] rows from the roles that must pass; every other role must be refused. */
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

describe("companyScope: what part of the base a list or search returns", () => {
  it.each(["admin", "head", "back_office"] as const)("the %s browses the whole base", (role) => {
    expect(companyScope(actorAs(role))).toEqual({ kind: "all" });
  });

  it.each(["caller", "manager", "account_manager"] as const)("the %s sees only the companies they hold", (role) => {
    expect(companyScope(actorAs(role, 42))).toEqual({ kind: "held_by", userId: 42 });
  });
});

describe("mayReadCompany", () => {
  it.each(rows(ROLES))("a company they hold: %s may read it — %s", (role, allowed) => {
    const actor = actorAs(role);
    expect(mayReadCompany(actor, heldByThem(actor))).toBe(allowed);
  });

  it.each(rows(["admin", "head", "back_office"]))("a company someone else holds: %s may read it — %s", (role, allowed) => {
    expect(mayReadCompany(actorAs(role), heldBySomeoneElse)).toBe(allowed);
  });

  it.each(rows(["admin", "head", "back_office"]))("a company nobody holds: %s may read it — %s", (role, allowed) => {
    expect(mayReadCompany(actorAs(role), heldByNobody)).toBe(allowed);
  });

  it("a manager loses sight of a company once it is handed on", () => {
    const manager = actorAs("manager", 5);
    expect(mayReadCompany(manager, { userId: 5 })).toBe(true);
    expect(mayReadCompany(manager, { userId: 6 })).toBe(false);
  });
});

describe("mayWorkOnCompany: change the card and log work", () => {
  it.each(rows(["admin", "head", "caller", "manager", "account_manager", "back_office"]))(
    "a company they hold: %s may work on it — %s",
    (role, allowed) => {
      const actor = actorAs(role);
      expect(mayWorkOnCompany(actor, heldByThem(actor))).toBe(allowed);
    },
  );

  it.each(rows(["admin", "head"]))("a company someone else holds: %s may work on it — %s", (role, allowed) => {
    expect(mayWorkOnCompany(actorAs(role), heldBySomeoneElse)).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("a company nobody holds: %s may work on it — %s", (role, allowed) => {
    expect(mayWorkOnCompany(actorAs(role), heldByNobody)).toBe(allowed);
  });

  it("the back office reads the whole base but may not work on a company it does not hold", () => {
    const backOffice = actorAs("back_office");
    expect(mayReadCompany(backOffice, heldBySomeoneElse)).toBe(true);
    expect(mayWorkOnCompany(backOffice, heldBySomeoneElse)).toBe(false);
  });
});

describe("mayCreateCompany: bringing a new company in", () => {
  it.each(rows(["admin", "head", "caller", "manager"]))("%s may create a company — %s", (role, allowed) => {
    expect(mayCreateCompany(actorAs(role))).toBe(allowed);
  });
});

describe("mayHandOff: passing a company to the next tier", () => {
  it.each(rows(ROLES))("a company they hold: %s may hand it off — %s", (role, allowed) => {
    const actor = actorAs(role);
    expect(mayHandOff(actor, heldByThem(actor))).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("a company someone else holds: %s may hand it off — %s", (role, allowed) => {
    expect(mayHandOff(actorAs(role), heldBySomeoneElse)).toBe(allowed);
  });

  it.each(rows(["admin", "head"]))("a company nobody holds: %s may hand it off — %s", (role, allowed) => {
    expect(mayHandOff(actorAs(role), heldByNobody)).toBe(allowed);
  });
});

describe("mayAssignHolder: deciding who holds a company within a tier", () => {
  it.each(rows(["admin", "head"]))("%s may assign a holder — %s", (role, allowed) => {
    expect(mayAssignHolder(actorAs(role))).toBe(allowed);
  });
});
