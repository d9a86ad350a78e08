import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALLER_OUTCOMES } from "../../src/domain/calling.js";
import { CALL_OUTCOMES, isCallOutcome, outcomesFor } from "../../src/domain/callOutcomes.js";
import { STAGES } from "../../src/domain/conveyor.js";

describe("CALL_OUTCOMES: how a call ended, as stored on the timeline", () => {
  it("lists sixteen distinct outcomes", () => {
    expect(CALL_OUTCOMES).toHaveLength(16);
    expect(new Set(CALL_OUTCOMES).size).toBe(CALL_OUTCOMES.length);
  });
});

describe("outcomesFor: the outcomes each stage picks from", () => {
  it("a cold call (tier 1, the caller) ends in one of the caller's nine outcomes", () => {
    expect(outcomesFor("cold")).toEqual([
      "no_answer",
      "secretary",
      "callback",
      "sent_info",
      "interested",
      "hard_question",
      "not_interested",
      "not_target",
      "wrong_number",
    ]);
    expect([...outcomesFor("cold")].sort()).toEqual([...CALLER_OUTCOMES].sort());
  });

  it("a call to a lead (tier 2, the manager) sets meetings, follows up and negotiates", () => {
    expect(outcomesFor("lead")).toEqual(["meeting_set", "follow_up", "negotiation", "callback", "no_answer", "not_interested"]);
  });

  it("a call to a customer (tier 3, the account manager) introduces, takes reorders, checks in or raises an issue", () => {
    expect(outcomesFor("customer")).toEqual(["intro", "reorder", "ok", "issue", "no_answer"]);
  });

  it.each(["resting", "archived"] as const)("a %s company may be logged with any outcome", (stage) => {
    expect(outcomesFor(stage)).toEqual(CALL_OUTCOMES);
  });

  it.each(STAGES)("%s: every outcome offered is a stored outcome, once", (stage) => {
    const offered = outcomesFor(stage);
    expect(offered.length).toBeGreaterThan(0);
    expect(new Set(offered).size).toBe(offered.length);
    for (const outcome of offered) expect(isCallOutcome(outcome)).toBe(true);
  });

  it("tier-specific outcomes stay in their tier", () => {
    for (const outcome of ["meeting_set", "follow_up", "negotiation"] as const) {
      expect(outcomesFor("cold")).not.toContain(outcome);
      expect(outcomesFor("customer")).not.toContain(outcome);
    }
    for (const outcome of ["intro", "reorder", "ok", "issue"] as const) {
      expect(outcomesFor("cold")).not.toContain(outcome);
      expect(outcomesFor("lead")).not.toContain(outcome);
    }
    for (const outcome of ["secretary", "sent_info", "interested", "hard_question", "not_target", "wrong_number"] as const) {
      expect(outcomesFor("lead")).not.toContain(outcome);
      expect(outcomesFor("customer")).not.toContain(outcome);
    }
  });

  it("every stored outcome is offered at some live stage", () => {
    const live = new Set([...outcomesFor("cold"), ...outcomesFor("lead"), ...outcomesFor("customer")]);
    expect([...live].sort()).toEqual([...CALL_OUTCOMES].sort());
  });
});

describe("isCallOutcome", () => {
  it.each(CALL_OUTCOMES)("recognises %s", (outcome) => {
    expect(isCallOutcome(outcome)).toBe(true);
  });

  it.each([["", ""], ["unknown word", "maybe"], ["wrong case", "No_Answer"], ["padded", " ok "], ["a prototype key", "toString"]])(
    "refuses a string that is not an outcome (%s)",
    (_why, value) => {
      expect(isCallOutcome(value)).toBe(false);
    },
  );

  it.each([[undefined], [null], [0], [1], [true], [{}], [["ok"]], [new String("ok")]])("refuses a non-string: %o", (value) => {
    expect(isCallOutcome(value)).toBe(false);
  });

  it("accepts exactly the stored outcomes among arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...CALL_OUTCOMES)), (value) => {
        expect(isCallOutcome(value)).toBe((CALL_OUTCOMES as readonly string[]).includes(value));
      }),
    );
  });
});
