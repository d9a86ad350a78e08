import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, STAGES } from "../../src/domain/conveyor.js";
import { normalisePhone } from "../../src/domain/phones.js";
import { ROUTING_REASONS, routeInboundCall, type CallPerson, type CallTarget, type KnownCaller, type RoutingReason } from "../../src/domain/routing.js";

const KYIV_LANDLINE = "+380441234567";
const am = (userId: number, active = true): CallPerson => ({ userId, role: "account_manager", active });
const manager = (userId: number, active = true): CallPerson => ({ userId, role: "manager", active });
const caller = (userId: number, active = true): CallPerson => ({ userId, role: "caller", active });
const toUser = (p: CallPerson): CallTarget => ({ kind: "user", userId: p.userId, role: p.role });

const route = (found: KnownCaller | null, number = KYIV_LANDLINE) => routeInboundCall(number, found, "UA");

describe("routeInboundCall: a new caller goes to tier 2", () => {
  it.each(["+380441234567", "044 123-45-67", "+38 (044) 123 45 67", "380441234567", "0671234567", "+74951234567", "+1 212 555 0123"])(
    "a number no company has, %j, is a new caller for tier 2",
    (number) => {
      const decision = route(null, number);
      expect(decision).toEqual({ target: { kind: "tier2" }, reason: "new_number", callerE164: (normalisePhone(number, "UA") as { e164: string }).e164, companyId: null });
    },
  );

  it("reads the number the way the rest of Conveyor stores it (E.164)", () => {
    expect(route(null, "044 123-45-67").callerE164).toBe(KYIV_LANDLINE);
  });

  it.each(["", "   ", "anonymous", "Unknown", "123", "044", "+", "0000000000000000000"])("a number that cannot be read, %j, still reaches tier 2", (number) => {
    expect(route(null, number)).toEqual({ target: { kind: "tier2" }, reason: "unparseable_number", callerE164: null, companyId: null });
  });
});

describe("routeInboundCall: a customer goes to its account manager", () => {
  it("an active account manager takes the call", () => {
    expect(route({ companyId: 10, stage: "customer", holder: am(7), accountManager: am(7) })).toEqual({
      target: { kind: "user", userId: 7, role: "account_manager" },
      reason: "account_manager",
      callerE164: KYIV_LANDLINE,
      companyId: 10,
    });
  });

  it("the account manager wins over a different current holder", () => {
    expect(route({ companyId: 10, stage: "customer", holder: manager(3), accountManager: am(7) })).toMatchObject({ target: toUser(am(7)), reason: "account_manager" });
  });

  it("an account manager who has left: the current holder takes the call", () => {
    expect(route({ companyId: 10, stage: "customer", holder: manager(3), accountManager: am(7, false) })).toMatchObject({
      target: toUser(manager(3)),
      reason: "account_manager_inactive_fallback_holder",
    });
  });

  it("no account manager on record: the current holder takes the call", () => {
    expect(route({ companyId: 10, stage: "customer", holder: am(7) })).toMatchObject({ target: toUser(am(7)), reason: "holder" });
    expect(route({ companyId: 10, stage: "customer", holder: am(7), accountManager: null })).toMatchObject({ target: toUser(am(7)), reason: "holder" });
  });

  it.each([
    ["the account manager holding it has left", { holder: am(7, false), accountManager: am(7, false) }],
    ["both the account manager and the holder have left", { holder: manager(3, false), accountManager: am(7, false) }],
    ["the holder has left and there is no account manager", { holder: am(7, false) }],
    ["the account manager has left and nobody holds it", { holder: null, accountManager: am(7, false) }],
  ])("%s: the head takes the call", (_what, people) => {
    expect(route({ companyId: 10, stage: "customer", ...people })).toMatchObject({ target: { kind: "head" }, reason: "holder_inactive_fallback_head", companyId: 10 });
  });

  it("a customer nobody holds: the head takes the call", () => {
    expect(route({ companyId: 10, stage: "customer", holder: null })).toMatchObject({ target: { kind: "head" }, reason: "no_holder_fallback_head" });
  });
});

describe("routeInboundCall: a lead or a cold company goes to its holder", () => {
  it.each([
    ["lead", manager(3)],
    ["cold", caller(5)],
  ] as const)("a %s company with an active holder: the holder takes the call", (stage, holder) => {
    expect(route({ companyId: 20, stage, holder })).toEqual({ target: toUser(holder), reason: "holder", callerE164: KYIV_LANDLINE, companyId: 20 });
  });

  it("ignores an account manager on record for a lead: the holder works it", () => {
    expect(route({ companyId: 20, stage: "lead", holder: manager(3), accountManager: am(7) })).toMatchObject({ target: toUser(manager(3)), reason: "holder" });
  });

  it.each([
    ["lead", manager(3, false)],
    ["cold", caller(5, false)],
  ] as const)("a %s company whose holder has left: the head takes the call", (stage, holder) => {
    expect(route({ companyId: 20, stage, holder })).toMatchObject({ target: { kind: "head" }, reason: "holder_inactive_fallback_head", companyId: 20 });
  });

  it("a lead nobody holds: the head takes the call", () => {
    expect(route({ companyId: 20, stage: "lead", holder: null })).toMatchObject({ target: { kind: "head" }, reason: "no_holder_fallback_head" });
  });

  it("a cold company from the pool calling in is an inbound lead: tier 2, with the company attached", () => {
    expect(route({ companyId: 20, stage: "cold", holder: null })).toEqual({ target: { kind: "tier2" }, reason: "unheld_cold_company", callerE164: KYIV_LANDLINE, companyId: 20 });
  });
});

describe("routeInboundCall: a resting or archived company calling in comes back through tier 2", () => {
  it.each(["resting", "archived"] as const)("a %s company: tier 2, with its history attached", (stage) => {
    expect(route({ companyId: 30, stage, holder: null })).toEqual({ target: { kind: "tier2" }, reason: "returning_company", callerE164: KYIV_LANDLINE, companyId: 30 });
    expect(route({ companyId: 30, stage, holder: am(7), accountManager: am(7) })).toMatchObject({ target: { kind: "tier2" }, reason: "returning_company" });
  });
});

describe("routeInboundCall: the lookup knows the caller better than the number's shape", () => {
  it("a company found for a number libphonenumber rejects still routes as the known company", () => {
    expect(route({ companyId: 10, stage: "customer", holder: am(7) }, "anonymous")).toEqual({
      target: toUser(am(7)),
      reason: "holder",
      callerE164: null,
      companyId: 10,
    });
  });
});

describe("routeInboundCall: properties", () => {
  const person = fc.record({ userId: fc.integer({ min: 1, max: 50 }), role: fc.constantFrom(...ROLES), active: fc.boolean() });
  const found = fc.option(
    fc.record(
      {
        companyId: fc.integer({ min: 1, max: 1000 }),
        stage: fc.constantFrom(...STAGES),
        holder: fc.option(person, { nil: null }),
        accountManager: fc.option(person, { nil: null }),
      },
      { requiredKeys: ["companyId", "stage", "holder"] },
    ),
    { nil: null },
  );
  const number = fc.oneof(
    fc.constantFrom("+380441234567", "044 123 45 67", "0671234567", "+74951234567", "", "anonymous"),
    fc.string({ maxLength: 16 }),
    fc.stringMatching(/^\+?[0-9 ()-]{0,16}$/),
  );
  const KIND_OF_REASON: Record<RoutingReason, CallTarget["kind"]> = {
    account_manager: "user",
    account_manager_inactive_fallback_holder: "user",
    holder: "user",
    holder_inactive_fallback_head: "head",
    no_holder_fallback_head: "head",
    unheld_cold_company: "tier2",
    returning_company: "tier2",
    new_number: "tier2",
    unparseable_number: "tier2",
  };

  it("every reason names one kind of target", () => {
    expect(Object.keys(KIND_OF_REASON).sort()).toEqual([...ROUTING_REASONS].sort());
  });

  it("every input yields exactly one target, of the kind its reason names, and never an inactive user", () => {
    fc.assert(
      fc.property(number, found, (typed, lookup) => {
        const decision = routeInboundCall(typed, lookup, "UA");
        expect(ROUTING_REASONS).toContain(decision.reason);
        expect(["user", "head", "tier2"]).toContain(decision.target.kind);
        expect(decision.target.kind).toBe(KIND_OF_REASON[decision.reason]);
        expect(Object.keys(decision.target).sort()).toEqual(decision.target.kind === "user" ? ["kind", "role", "userId"] : ["kind"]);
        expect(decision.companyId).toBe(lookup?.companyId ?? null);
        const phone = normalisePhone(typed, "UA");
        expect(decision.callerE164).toBe(phone.ok ? phone.e164 : null);
        if (decision.target.kind === "user") {
          const { userId, role } = decision.target;
          const people = [lookup?.holder, lookup?.accountManager].filter((p): p is CallPerson => !!p);
          expect(people.some((p) => p.active && p.userId === userId && p.role === role)).toBe(true);
        }
      }),
    );
  });

  it("the head is called only for a known live company with nobody active to take it", () => {
    fc.assert(
      fc.property(number, found, (typed, lookup) => {
        const decision = routeInboundCall(typed, lookup, "UA");
        if (decision.target.kind !== "head") return;
        expect(lookup).not.toBeNull();
        expect(["cold", "lead", "customer"]).toContain(lookup!.stage);
        expect(lookup!.holder?.active ?? false).toBe(false);
        if (lookup!.stage === "customer") expect(lookup!.accountManager?.active ?? false).toBe(false);
      }),
    );
  });

  it("an unknown caller always goes to tier 2, whatever the number looks like", () => {
    fc.assert(
      fc.property(number, (typed) => {
        const decision = routeInboundCall(typed, null, "UA");
        expect(decision.target).toEqual({ kind: "tier2" });
        expect(["new_number", "unparseable_number"]).toContain(decision.reason);
      }),
    );
  });
});
