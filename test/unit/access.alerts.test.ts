import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { alertScope, hearsOfNewAlert, mayAcknowledgeAlert, mayDismissAlert, maySeeAlert, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);
const ownedByActor = { ownerId: 7 };
const ownedBySomeoneElse = { ownerId: 8 };
const ownedByNobody = { ownerId: null };

describe("source alerts: the head steers, a source's owner answers for it", () => {
  it.each(rows(["admin", "head"]))("%s sees every source's alerts — %s", (role, allowed) => {
    expect(alertScope(actorAs(role)).kind === "all").toBe(allowed);
    expect(maySeeAlert(actorAs(role), ownedBySomeoneElse)).toBe(allowed);
    expect(maySeeAlert(actorAs(role), ownedByNobody)).toBe(allowed);
  });

  it.each(rows(["caller", "manager", "account_manager", "back_office"]))("%s sees only the alerts of sources it owns — %s", (role, allowed) => {
    expect(alertScope(actorAs(role))).toEqual(allowed ? { kind: "owned_by", userId: 7 } : { kind: "all" });
    expect(maySeeAlert(actorAs(role), ownedByActor)).toBe(true);
  });

  it.each(rows(["admin", "head"]))("%s may acknowledge an alert of a source someone else owns — %s", (role, allowed) => {
    expect(mayAcknowledgeAlert(actorAs(role), ownedBySomeoneElse)).toBe(allowed);
  });

  it.each(ROLES)("%s may acknowledge an alert of a source it owns", (role) => {
    expect(mayAcknowledgeAlert(actorAs(role), ownedByActor)).toBe(true);
  });

  it.each(rows(["admin", "head"]))("%s may dismiss an alert with a note — %s", (role, allowed) => {
    expect(mayDismissAlert(actorAs(role))).toBe(allowed);
  });

  it("owning the source does not let its owner dismiss the alert", () => {
    expect(mayDismissAlert(actorAs("manager"))).toBe(false);
    expect(mayAcknowledgeAlert(actorAs("manager"), ownedByActor)).toBe(true);
  });

  it.each(rows(["admin", "head"]))("%s hears of a new alert on any source — %s", (role, allowed) => {
    expect(hearsOfNewAlert({ id: 7, role }, ownedBySomeoneElse)).toBe(allowed);
    expect(hearsOfNewAlert({ id: 7, role }, ownedByActor)).toBe(true);
  });
});
