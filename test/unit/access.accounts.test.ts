import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { accountScope, mayBill, mayPlaceOrder, mayReadAccount, touchScope, type Actor } from "../../src/server/access/index.js";

const actorAs = (role: Role, id = 7): Actor => ({ id, username: role, fullName: `The ${role}`, role, language: "en" });
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);
const heldInTier3ByActor = { userId: 7, tier: 3 };
const heldInTier3BySomeoneElse = { userId: 8, tier: 3 };
const heldInTier2ByActor = { userId: 7, tier: 2 };

describe("tier 3: account managers work their customers, the back office bills", () => {
  it.each(rows(["admin", "head", "back_office"]))("%s sees every customer's account — %s", (role, allowed) => {
    expect(accountScope(actorAs(role))?.kind === "all").toBe(allowed);
  });

  it("an account manager's lists hold only their own customers; callers and managers have none", () => {
    expect(accountScope(actorAs("account_manager"))).toEqual({ kind: "held_by", userId: 7 });
    expect(accountScope(actorAs("caller"))).toBeNull();
    expect(accountScope(actorAs("manager"))).toBeNull();
  });

  it.each(rows(["admin", "head", "back_office", "account_manager"]))("%s may record an order for a customer it holds in tier 3 — %s", (role, allowed) => {
    expect(mayPlaceOrder(actorAs(role), heldInTier3ByActor)).toBe(allowed);
  });

  it.each(rows(["admin", "head", "back_office"]))("%s may record an order for someone else's customer — %s", (role, allowed) => {
    expect(mayPlaceOrder(actorAs(role), heldInTier3BySomeoneElse)).toBe(allowed);
    expect(mayReadAccount(actorAs(role), heldInTier3BySomeoneElse)).toBe(allowed);
  });

  it("holding a lead in tier 2 gives no say over orders", () => {
    expect(mayPlaceOrder(actorAs("manager"), heldInTier2ByActor)).toBe(false);
    expect(mayReadAccount(actorAs("manager"), heldInTier2ByActor)).toBe(false);
  });

  it.each(rows(["admin", "back_office"]))("%s may issue, pay and cancel invoices — %s", (role, allowed) => {
    expect(mayBill(actorAs(role))).toBe(allowed);
  });
});

describe("weekly contact: every salesperson keeps their companies touched", () => {
  it.each(rows(["admin", "head"]))("%s sees everyone's touches — %s", (role, allowed) => {
    expect(touchScope(actorAs(role))?.kind === "all").toBe(allowed);
  });

  it.each(rows(["caller", "manager", "account_manager"]))("%s sees only their own touches — %s", (role, allowed) => {
    expect(touchScope(actorAs(role))?.kind === "held_by").toBe(allowed);
  });

  it("the back office touches nobody", () => {
    expect(touchScope(actorAs("back_office"))).toBeNull();
  });
});
