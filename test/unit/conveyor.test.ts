import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canHoldInTier, nextStage, planHandOff, roleOfTier, ROLES, STAGES, tierOfStage, type HandOffPlan, type Role, type Stage, type Tier } from "../../src/domain/conveyor.js";

describe("stages and tiers", () => {
  it("lists the stages and roles of the conveyor", () => {
    expect(STAGES).toEqual(["cold", "lead", "customer", "resting", "archived"]);
    expect(ROLES).toEqual(["admin", "head", "caller", "manager", "account_manager", "back_office"]);
  });

  it.each([
    ["cold", "lead"],
    ["lead", "customer"],
    ["customer", undefined],
    ["resting", undefined],
    ["archived", undefined],
  ] as const)("after %s comes %s", (stage, next) => {
    expect(nextStage(stage)).toBe(next);
  });

  it.each([
    ["cold", 1],
    ["lead", 2],
    ["customer", 3],
    ["resting", undefined],
    ["archived", undefined],
  ] as const)("a %s company is worked by tier %s", (stage, tier) => {
    expect(tierOfStage(stage)).toBe(tier);
  });

  it.each([
    [1, "caller"],
    [2, "manager"],
    [3, "account_manager"],
  ] as const)("tier %i is worked by the %s", (tier, role) => {
    expect(roleOfTier(tier)).toBe(role);
  });
});

describe("canHoldInTier: who may hold a company within a tier", () => {
  const holders: Record<Tier, Role> = { 1: "caller", 2: "manager", 3: "account_manager" };
  const cases = ([1, 2, 3] as const).flatMap((tier) => ROLES.map((role) => [tier, role, holders[tier] === role] as const));

  it.each(cases)("tier %i, %s: %s", (tier, role, allowed) => {
    expect(canHoldInTier(tier, role)).toBe(allowed);
  });

  it("never lets the head, admin or back office hold a company in any tier", () => {
    for (const tier of [1, 2, 3] as const) {
      for (const role of ["admin", "head", "back_office"] as const) expect(canHoldInTier(tier, role)).toBe(false);
    }
  });
});

describe("planHandOff: every stage × role", () => {
  const expected: Record<Stage, Record<Role, HandOffPlan>> = {
    cold: {
      admin: { ok: false, reason: "wrong_role" },
      head: { ok: false, reason: "wrong_role" },
      caller: { ok: false, reason: "wrong_role" },
      manager: { ok: true, toStage: "lead", toTier: 2, requiredRole: "manager" },
      account_manager: { ok: false, reason: "wrong_role" },
      back_office: { ok: false, reason: "wrong_role" },
    },
    lead: {
      admin: { ok: false, reason: "wrong_role" },
      head: { ok: false, reason: "wrong_role" },
      caller: { ok: false, reason: "wrong_role" },
      manager: { ok: false, reason: "wrong_role" },
      account_manager: { ok: true, toStage: "customer", toTier: 3, requiredRole: "account_manager" },
      back_office: { ok: false, reason: "wrong_role" },
    },
    customer: Object.fromEntries(ROLES.map((r) => [r, { ok: false, reason: "stage_final" }])) as Record<Role, HandOffPlan>,
    resting: Object.fromEntries(ROLES.map((r) => [r, { ok: false, reason: "stage_final" }])) as Record<Role, HandOffPlan>,
    archived: Object.fromEntries(ROLES.map((r) => [r, { ok: false, reason: "stage_final" }])) as Record<Role, HandOffPlan>,
  };
  const table = STAGES.flatMap((stage) => ROLES.map((role) => [stage, role, expected[stage][role]] as const));

  it("covers all 30 combinations", () => {
    expect(table).toHaveLength(30);
  });

  it.each(table)("a %s company handed to a %s: %o", (stage, role, plan) => {
    expect(planHandOff(stage, role)).toEqual(plan);
  });

  it("a successful plan moves exactly one stage forward and requires the role of the next tier", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.constantFrom(...ROLES), (stage, role) => {
        const plan = planHandOff(stage, role);
        if (!plan.ok) return;
        expect(STAGES.indexOf(plan.toStage)).toBe(STAGES.indexOf(stage) + 1);
        expect(plan.toStage).toBe(nextStage(stage));
        expect(plan.toTier).toBe(tierOfStage(plan.toStage));
        expect(plan.toTier).toBe(tierOfStage(stage)! + 1);
        expect(plan.requiredRole).toBe(roleOfTier(plan.toTier));
        expect(role).toBe(plan.requiredRole);
        expect(canHoldInTier(plan.toTier, role)).toBe(true);
      }),
    );
  });

  it("a live stage with a next stage is refused only for the wrong role, and exactly one role passes", () => {
    for (const stage of STAGES) {
      const plans = ROLES.map((role) => planHandOff(stage, role));
      const passing = plans.filter((p) => p.ok);
      if (nextStage(stage)) {
        expect(passing).toHaveLength(1);
        expect(plans.filter((p) => !p.ok && p.reason === "wrong_role")).toHaveLength(ROLES.length - 1);
      } else {
        expect(passing).toHaveLength(0);
      }
    }
  });
});
