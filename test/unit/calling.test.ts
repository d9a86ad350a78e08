import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CALLER_OUTCOMES,
  CONNECTED_OUTCOMES,
  DEFAULT_RETRY_POLICY,
  consequenceOfCall,
  isCallerOutcome,
  type CallFacts,
  type CallerOutcome,
  type RetryPolicy,
} from "../../src/domain/calling.js";
import { CALL_OUTCOMES } from "../../src/domain/callOutcomes.js";

const now = new Date("2025-03-10T09:30:00.000Z");
const minutes = (n: number) => n * 60_000;
const later = (ms: number) => new Date(now.getTime() + ms);

const call = (outcome: CallerOutcome, facts: Partial<CallFacts> = {}, policy?: RetryPolicy) =>
  consequenceOfCall({ outcome, now, unansweredCalls: 0, ...facts }, policy);

const UNANSWERED = ["no_answer", "secretary"] as const;

describe("the caller's outcomes", () => {
  it("are the nine ways a cold call can end, all of them stored call outcomes", () => {
    expect([...CALLER_OUTCOMES].sort()).toEqual(
      ["callback", "hard_question", "interested", "no_answer", "not_interested", "not_target", "secretary", "sent_info", "wrong_number"].sort(),
    );
    for (const outcome of CALLER_OUTCOMES) expect(CALL_OUTCOMES).toContain(outcome);
  });

  it.each(CALLER_OUTCOMES)("isCallerOutcome recognises %s", (outcome) => {
    expect(isCallerOutcome(outcome)).toBe(true);
  });

  it.each(["meeting_set", "reorder", "ok", "", "No_Answer", "no_answer "])("isCallerOutcome refuses %j", (value) => {
    expect(isCallerOutcome(value)).toBe(false);
  });

  it("counts as a connect every outcome where somebody answered, and only those", () => {
    expect([...CONNECTED_OUTCOMES].sort()).toEqual(
      ["callback", "hard_question", "interested", "not_interested", "not_target", "secretary", "sent_info"].sort(),
    );
    expect(CONNECTED_OUTCOMES).not.toContain("no_answer");
    expect(CONNECTED_OUTCOMES).not.toContain("wrong_number");
  });
});

describe("the default retry policy", () => {
  it("waits 2 h, 4 h, 1 day, then 2 days, and gives up after 5 unanswered calls", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ noAnswerRetryMinutes: [120, 240, 1440, 2880], maxUnansweredCalls: 5 });
  });
});

describe("consequenceOfCall: nobody answered (no answer or a secretary)", () => {
  it.each(UNANSWERED)("%s: the 1st unanswered call is retried in 2 hours", (outcome) => {
    expect(call(outcome, { unansweredCalls: 0 })).toEqual({ ok: true, consequence: { kind: "retry", at: later(minutes(120)), unansweredCalls: 1 } });
  });

  it.each(UNANSWERED)("%s: the 2nd unanswered call is retried in 4 hours", (outcome) => {
    expect(call(outcome, { unansweredCalls: 1 })).toEqual({ ok: true, consequence: { kind: "retry", at: later(minutes(240)), unansweredCalls: 2 } });
  });

  it.each(UNANSWERED)("%s: the 3rd unanswered call is retried in a day", (outcome) => {
    expect(call(outcome, { unansweredCalls: 2 })).toEqual({ ok: true, consequence: { kind: "retry", at: later(minutes(1440)), unansweredCalls: 3 } });
  });

  it.each(UNANSWERED)("%s: the 4th unanswered call is retried in two days", (outcome) => {
    expect(call(outcome, { unansweredCalls: 3 })).toEqual({ ok: true, consequence: { kind: "retry", at: later(minutes(2880)), unansweredCalls: 4 } });
  });

  it.each(UNANSWERED)("%s: the 5th unanswered call drops the company as unanswered", (outcome) => {
    expect(call(outcome, { unansweredCalls: 4 })).toEqual({ ok: true, consequence: { kind: "drop", reason: "unanswered" } });
  });

  it.each(UNANSWERED)("%s: a company already past the cap is dropped, not retried", (outcome) => {
    for (const unansweredCalls of [5, 6, 100]) {
      expect(call(outcome, { unansweredCalls })).toEqual({ ok: true, consequence: { kind: "drop", reason: "unanswered" } });
    }
  });

  it("a secretary who will not put the caller through counts exactly like no answer", () => {
    for (let unansweredCalls = 0; unansweredCalls < 8; unansweredCalls++) {
      expect(call("secretary", { unansweredCalls })).toEqual(call("no_answer", { unansweredCalls }));
    }
  });

  it("ignores a call-back time or a reason given with an unanswered call", () => {
    expect(call("no_answer", { callbackAt: later(minutes(5)), reason: "busy" })).toEqual(call("no_answer"));
  });

  it("does not change the clock it was given", () => {
    const given = new Date(now);
    consequenceOfCall({ outcome: "no_answer", now: given, unansweredCalls: 0 });
    expect(given).toEqual(now);
  });
});

describe("consequenceOfCall: a custom retry policy", () => {
  const policy: RetryPolicy = { noAnswerRetryMinutes: [10, 30], maxUnansweredCalls: 6 };

  it("follows its waits and repeats the last one until the cap", () => {
    const waits = [0, 1, 2, 3, 4].map((unansweredCalls) => call("no_answer", { unansweredCalls }, policy));
    expect(waits).toEqual([
      { ok: true, consequence: { kind: "retry", at: later(minutes(10)), unansweredCalls: 1 } },
      { ok: true, consequence: { kind: "retry", at: later(minutes(30)), unansweredCalls: 2 } },
      { ok: true, consequence: { kind: "retry", at: later(minutes(30)), unansweredCalls: 3 } },
      { ok: true, consequence: { kind: "retry", at: later(minutes(30)), unansweredCalls: 4 } },
      { ok: true, consequence: { kind: "retry", at: later(minutes(30)), unansweredCalls: 5 } },
    ]);
  });

  it("drops at its own cap (the 6th unanswered call), not the default one", () => {
    expect(call("secretary", { unansweredCalls: 5 }, policy)).toEqual({ ok: true, consequence: { kind: "drop", reason: "unanswered" } });
  });

  it("a cap of 1 drops the company at the first unanswered call", () => {
    expect(call("no_answer", {}, { noAnswerRetryMinutes: [60], maxUnansweredCalls: 1 })).toEqual({
      ok: true,
      consequence: { kind: "drop", reason: "unanswered" },
    });
  });

  it("a single wait is used for every retry", () => {
    const single: RetryPolicy = { noAnswerRetryMinutes: [45], maxUnansweredCalls: 4 };
    for (const unansweredCalls of [0, 1, 2]) {
      expect(call("no_answer", { unansweredCalls }, single)).toEqual({
        ok: true,
        consequence: { kind: "retry", at: later(minutes(45)), unansweredCalls: unansweredCalls + 1 },
      });
    }
  });

  it("with no waits listed, retries in an hour", () => {
    expect(call("no_answer", {}, { noAnswerRetryMinutes: [], maxUnansweredCalls: 3 })).toEqual({
      ok: true,
      consequence: { kind: "retry", at: later(minutes(60)), unansweredCalls: 1 },
    });
  });

  it("does not affect outcomes where somebody answered", () => {
    for (const outcome of ["wrong_number", "not_target", "interested", "hard_question"] as const) {
      expect(call(outcome, { note: "q" }, policy)).toEqual(call(outcome, { note: "q" }));
    }
  });
});

describe("consequenceOfCall: a call back is agreed (callback or info sent)", () => {
  const callbackAt = later(minutes(90));

  it.each(["callback", "sent_info"] as const)("%s at a future time is called back then", (outcome) => {
    expect(call(outcome, { callbackAt })).toEqual({ ok: true, consequence: { kind: "callback", at: callbackAt } });
  });

  it.each(["callback", "sent_info"] as const)("%s a millisecond from now is still in the future", (outcome) => {
    expect(call(outcome, { callbackAt: later(1) })).toEqual({ ok: true, consequence: { kind: "callback", at: later(1) } });
  });

  it.each(["callback", "sent_info"] as const)("%s without a time is refused: callback_time_required", (outcome) => {
    expect(call(outcome)).toEqual({ ok: false, problem: "callback_time_required" });
  });

  it.each(["callback", "sent_info"] as const)("%s at this very moment is refused: callback_time_in_past", (outcome) => {
    expect(call(outcome, { callbackAt: new Date(now) })).toEqual({ ok: false, problem: "callback_time_in_past" });
  });

  it.each(["callback", "sent_info"] as const)("%s in the past is refused: callback_time_in_past", (outcome) => {
    expect(call(outcome, { callbackAt: later(-minutes(1)) })).toEqual({ ok: false, problem: "callback_time_in_past" });
  });

  // BUG (src/domain/calling.ts): an invalid Date (NaN time) is neither missing nor `<= now`, so
  // it is accepted as a call-back time: { kind: "callback", at: Invalid Date }. The API schema's
  // date-time format keeps it out today, but the rule itself should refuse it. Fix: treat
  // `Number.isNaN(facts.callbackAt.getTime())` like a missing time (callback_time_required).
  it("a call-back at an invalid date is refused like a missing one", () => {
    expect(call("callback", { callbackAt: new Date("not a date") })).toEqual({ ok: false, problem: "callback_time_required" });
  });

  it("does not count towards the unanswered cap, whatever came before", () => {
    expect(call("callback", { callbackAt, unansweredCalls: 4 })).toEqual({ ok: true, consequence: { kind: "callback", at: callbackAt } });
  });
});

describe("consequenceOfCall: the company is dropped", () => {
  it.each(["wrong_number", "not_target"] as const)("%s drops the company with that reason", (outcome) => {
    expect(call(outcome)).toEqual({ ok: true, consequence: { kind: "drop", reason: outcome } });
  });

  it("not_interested with a reason drops the company as not interested", () => {
    expect(call("not_interested", { reason: "has a supplier" })).toEqual({ ok: true, consequence: { kind: "drop", reason: "not_interested" } });
  });

  it.each([undefined, "", "   ", "\t\n"])("not_interested with reason %j is refused: reason_required", (reason) => {
    expect(call("not_interested", { reason })).toEqual({ ok: false, problem: "reason_required" });
  });
});

describe("consequenceOfCall: the prospect goes to a sales manager", () => {
  it("interested hands the company over, not escalated", () => {
    expect(call("interested")).toEqual({ ok: true, consequence: { kind: "hand_over", escalated: false } });
  });

  it("a hard question hands the company over at once, escalated, with the question written down", () => {
    expect(call("hard_question", { note: "Есть ли сертификат ISO 9001?" })).toEqual({ ok: true, consequence: { kind: "hand_over", escalated: true } });
    expect(call("hard_question")).toEqual({ ok: false, problem: "question_required" });
    expect(call("hard_question", { note: "   " })).toEqual({ ok: false, problem: "question_required" });
  });

  it.each(["interested", "hard_question"] as const)("%s hands over even after unanswered calls", (outcome) => {
    expect(call(outcome, { unansweredCalls: 4, note: "q" })).toMatchObject({ ok: true, consequence: { kind: "hand_over" } });
  });
});

describe("consequenceOfCall: properties", () => {
  const anyNow = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
  /** Policies a head could set: positive waits that never get shorter, a cap of at least one call. */
  const anyPolicy: fc.Arbitrary<RetryPolicy> = fc
    .record({
      noAnswerRetryMinutes: fc.array(fc.integer({ min: 1, max: 30 * 24 * 60 }), { minLength: 1, maxLength: 8 }).map((w) => [...w].sort((a, b) => a - b)),
      maxUnansweredCalls: fc.integer({ min: 1, max: 12 }),
    });
  const policies = fc.oneof(fc.constant(DEFAULT_RETRY_POLICY), anyPolicy);

  it("a retry is always after now, and never sooner after more unanswered calls", () => {
    fc.assert(
      fc.property(anyNow, policies, fc.constantFrom(...UNANSWERED), (at, policy, outcome) => {
        let previous = -Infinity;
        for (let unansweredCalls = 0; unansweredCalls < policy.maxUnansweredCalls + 2; unansweredCalls++) {
          const result = consequenceOfCall({ outcome, now: at, unansweredCalls }, policy);
          expect(result.ok).toBe(true);
          if (!result.ok || result.consequence.kind !== "retry") continue;
          expect(result.consequence.at.getTime()).toBeGreaterThan(at.getTime());
          expect(result.consequence.at.getTime()).toBeGreaterThanOrEqual(previous);
          previous = result.consequence.at.getTime();
        }
      }),
    );
  });

  it("no run of unanswered calls keeps a company on the list beyond the cap", () => {
    fc.assert(
      fc.property(policies, fc.array(fc.constantFrom(...UNANSWERED), { minLength: 1, maxLength: 30 }), anyNow, (policy, outcomes, start) => {
        let unansweredCalls = 0;
        let clock = start;
        let callsMade = 0;
        let dropped = false;
        for (const outcome of outcomes) {
          callsMade++;
          const result = consequenceOfCall({ outcome, now: clock, unansweredCalls }, policy);
          if (!result.ok) throw new Error(`unexpected problem ${result.problem}`);
          if (result.consequence.kind === "drop") {
            expect(result.consequence.reason).toBe("unanswered");
            dropped = true;
            break;
          }
          expect(result.consequence.kind).toBe("retry");
          if (result.consequence.kind !== "retry") return;
          expect(result.consequence.unansweredCalls).toBe(unansweredCalls + 1);
          expect(result.consequence.unansweredCalls).toBeLessThan(policy.maxUnansweredCalls);
          unansweredCalls = result.consequence.unansweredCalls;
          clock = result.consequence.at;
        }
        // Dropped exactly at the cap-th call; kept only while fewer calls than the cap were made.
        if (dropped) expect(callsMade).toBe(policy.maxUnansweredCalls);
        else expect(callsMade).toBeLessThan(policy.maxUnansweredCalls);
      }),
    );
  });

  it("every outcome yields exactly one kind of consequence or one problem", () => {
    const facts = fc.record({
      outcome: fc.constantFrom(...CALLER_OUTCOMES),
      now: anyNow,
      unansweredCalls: fc.nat({ max: 10 }),
      callbackAt: fc.option(anyNow, { nil: undefined }),
      reason: fc.option(fc.string(), { nil: undefined }),
      note: fc.option(fc.string(), { nil: undefined }),
    });
    const expectedKind: Record<CallerOutcome, readonly string[]> = {
      no_answer: ["retry", "drop"],
      secretary: ["retry", "drop"],
      callback: ["callback"],
      sent_info: ["callback"],
      wrong_number: ["drop"],
      not_target: ["drop"],
      not_interested: ["drop"],
      interested: ["hand_over"],
      hard_question: ["hand_over"],
    };
    fc.assert(
      fc.property(facts, policies, (f, policy) => {
        const result = consequenceOfCall(f, policy);
        if (result.ok) {
          expect(Object.keys(result)).toEqual(["ok", "consequence"]);
          expect(["retry", "callback", "drop", "hand_over"]).toContain(result.consequence.kind);
          expect(expectedKind[f.outcome]).toContain(result.consequence.kind);
        } else {
          expect(Object.keys(result)).toEqual(["ok", "problem"]);
          expect(["callback_time_required", "callback_time_in_past", "reason_required", "question_required"]).toContain(result.problem);
          expect(["callback", "sent_info", "not_interested", "hard_question"]).toContain(f.outcome);
        }
      }),
    );
  });
});
